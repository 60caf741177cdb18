package io.teamplay.segments;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Saved segments: anyone signed in reads them; ADMIN and ADVANCED users save, change and delete them. */
@Path("/api/segments")
public class SavedSegmentResource {

    @Inject
    SavedSegments segments;
    @Inject
    Actor actor;

    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response create(@NotNull(message = "{body.required}") SavedSegmentView request) {
        return Response.status(Response.Status.CREATED).entity(segments.create(request, actor.id())).build();
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<SavedSegmentView> list() {
        return segments.all();
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public SavedSegmentView get(String name) {
        return segments.get(name);
    }

    @PUT
    @Path("{name}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public SavedSegmentView update(String name, @NotNull(message = "{body.required}") SavedSegmentView request) {
        return segments.update(name, request, actor.id());
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response delete(String name) {
        segments.delete(name, actor.id());
        return Response.noContent().build();
    }
}
