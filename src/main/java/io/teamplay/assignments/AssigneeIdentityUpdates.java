package io.teamplay.assignments;

import io.teamplay.roles.RoleDeleting;
import io.teamplay.users.UserCreated;
import io.teamplay.users.UserRenamed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Keeps seats right when people and roles change: names resolve when a user appears, seats go with their role. */
@ApplicationScoped
class AssigneeIdentityUpdates {

    private static final Logger LOG = Logger.getLogger(AssigneeIdentityUpdates.class);

    @Inject
    AssignmentService assignments;
    @Inject
    BatchSeats seats;

    void resolvePending(@Observes UserCreated user) {
        int resolved = Assignment.update("name = ?1 where email = ?2", user.name(), user.email());
        seats.forget();
        if (resolved > 0) {
            LOG.infof("Resolved %d pending assignment(s) to %s", resolved, user.email());
        }
    }

    void rename(@Observes UserRenamed user) {
        Assignment.update("name = ?1 where email = ?2", user.name(), user.email());
        seats.forget();
    }

    void removeSeatsOf(@Observes RoleDeleting role) {
        Assignment.<Assignment>list("role = ?1 order by accountId", role.roleKey()).forEach(seat ->
                // a seat that could not be removed must stop the deletion, not outlive its role
                assignments.change(AssignmentChange.clear(seat.accountId, role.roleKey(), AssignmentPath.ROLE_DELETED, role.actor()))
                        .requireApplied());
    }
}
