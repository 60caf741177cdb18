package io.teamplay.roles;

import io.teamplay.common.Bodies;
import io.teamplay.security.Actor;
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
    public List<RoleView> all() {
        return roles.all();
    }

    @GET
    @Path("{key}")
    public RoleView get(String key) {
        return roles.get(key);
    }

    @POST
    public Response create(RoleRequest request) {
        actor.requireRoleAndPolicyAdmin();
        return Response.status(Response.Status.CREATED).entity(roles.create(Bodies.require(request))).build();
    }

    @PATCH
    @Path("{key}")
    public RoleView update(String key, RoleRequest request) {
        actor.requireRoleAndPolicyAdmin();
        return roles.update(key, Bodies.require(request));
    }

    @DELETE
    @Path("{key}")
    public Response delete(String key) {
        actor.requireRoleAndPolicyAdmin();
        roles.delete(key, actor.id());
        return Response.noContent().build();
    }
}
