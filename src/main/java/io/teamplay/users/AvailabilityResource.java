package io.teamplay.users;

import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** A user's out-of-office period: anyone reads it; the user themself or an ADMIN sets and ends it. */
@Path("/api/users/{email}/availability")
public class AvailabilityResource {

    @Inject
    AvailabilityService availability;
    @Inject
    UserService users;
    @Inject
    Actor actor;

    @PUT
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Leave set(String email, @NotNull(message = "{body.required}") AvailabilityRequest request) {
        mayChange(email);
        return availability.set(email, request, actor.id());
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Leave get(String email) {
        return availability.current(email, LocalDate.now())
                .orElseThrow(() -> ProblemException.notFound("No current or coming leave for " + email));
    }

    @DELETE
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response end(String email) {
        mayChange(email);
        availability.end(email, LocalDate.now(), actor.id());
        return Response.noContent().build();
    }

    private void mayChange(String email) {
        UserView user = users.get(email);
        if (!actor.isAdmin() && !actor.is(user.email())) {
            throw ProblemException.forbidden("Only an ADMIN or " + user.email() + " may change their availability");
        }
    }
}
