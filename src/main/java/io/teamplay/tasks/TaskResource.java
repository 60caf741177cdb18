package io.teamplay.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.access.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Path("/api/tasks")
public class TaskResource {

    @Inject
    TaskService tasks;

    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response create(@Valid @NotNull(message = "{body.required}") NewTask request) {
        return Response.status(Response.Status.CREATED).entity(tasks.create(request)).build();
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Page<TaskView> list(@QueryParam("accountId") String accountId, @QueryParam("assignee") String assignee,
                               @QueryParam("status") TaskStatus status, @BeanParam PageRequest page) {
        return tasks.list(accountId, assignee, status, page.validated());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TaskView get(long id) {
        return tasks.get(id);
    }

    @POST
    @Path("{id}/done")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TaskView done(long id) {
        return tasks.markDone(id);
    }
}
