package io.teamplay.roles;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/api/roles")
public class RoleResource {

    @Inject
    RoleService roles;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<RoleView> all() {
        return roles.all();
    }

    @GET
    @Path("{key}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public RoleView get(String key) {
        return roles.get(key);
    }

    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response create(@Valid @NotNull(message = "{body.required}") RoleRequest request) {
        return Response.status(Response.Status.CREATED).entity(roles.create(request)).build();
    }

    @PATCH
    @Path("{key}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public RoleView update(String key, @Valid @NotNull(message = "{body.required}") RoleRequest request) {
        return roles.update(key, request);
    }

    @DELETE
    @Path("{key}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response delete(String key) {
        roles.delete(key, actor.id());
        return Response.noContent().build();
    }
}
