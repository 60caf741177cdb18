package io.teamplay.assignments;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.Map;

/** Disabling a user hands their seats and open tasks over first, so it lives with the seats, under the users' path. */
@Path("/api/users")
public class UserOffboardingResource {

    public record DisableBody(String reassignTo) {
    }

    @Inject
    UserOffboarding offboarding;
    @Inject
    Actor actor;

    @POST
    @Path("{email}/disable")
    @RolesAllowed(Access.ADMIN)
    public Map<String, Integer> disable(String email, DisableBody body) {
        UserOffboarding.Result result = offboarding.disable(email, body == null ? null : body.reassignTo(), actor.id());
        return Map.of("assignmentsMoved", result.assignmentsMoved(), "tasksMoved", result.tasksMoved());
    }
}
