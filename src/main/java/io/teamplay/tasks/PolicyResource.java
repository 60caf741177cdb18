package io.teamplay.tasks;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

@Path("/api/settings/task-ownership-policy")
public class PolicyResource {

    public record PolicyBody(TaskOwnershipPolicy policy) {
    }

    @Inject
    TaskService tasks;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public PolicyBody get() {
        return new PolicyBody(tasks.policy());
    }

    @PUT
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public PolicyBody change(@Valid @NotNull(message = "{body.required}") PolicyBody body) {
        return new PolicyBody(tasks.changePolicy(body.policy(), actor.id()));
    }
}
