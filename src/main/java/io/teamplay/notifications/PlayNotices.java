package io.teamplay.notifications;

import io.teamplay.assignments.AssignmentPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * A play's "notify the role holder" action becomes an in-app notice to that holder, in the event's transaction; a play
 * deactivated for passing its limits becomes a notice to the admins of its team.
 */
@ApplicationScoped
public class PlayNotices {

    @Inject
    Describe describe;
    @Inject
    NotificationService notifications;

    void onHolderNotified(@Observes HolderNotified notified) {
        if (notified.byEmail()) {
            return;
        }
        Notification notice = new Notification();
        notice.recipient = notified.email();
        notice.accountId = notified.accountId();
        notice.accountName = describe.accountName(notified.accountId());
        notice.role = notified.role();
        notice.roleName = describe.roleName(notified.role());
        notice.toEmail = notified.email();
        notice.tasksMoved = 0;
        notice.path = AssignmentPath.PLAY.name();
        notice.actor = "play:" + notified.play();
        notice.play = notified.play();
        String message = notified.message() + " (%s on %s; play \"%s\", rule \"%s\")".formatted(notice.roleName,
                notice.accountName, notified.play(), notified.rule());
        notice.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        notice.createdAt = Instant.now();
        notice.persist();
    }

    void onPlayDeactivated(@Observes PlayDeactivated deactivated) {
        String message = ("The play \"%s\" was deactivated: its firings passed their limits on %d events. Last: %s. "
                + "Fix the play, then activate it again.").formatted(deactivated.play(), deactivated.limitFailures(),
                deactivated.lastReason());
        for (String recipient : notifications.teamAdmins(deactivated.team(), deactivated.play())) {
            Notification notice = new Notification();
            notice.recipient = recipient;
            notice.tasksMoved = 0;
            notice.path = AssignmentPath.PLAY.name();
            notice.actor = "play:" + deactivated.play();
            notice.play = deactivated.play();
            notice.message = message.length() > 2000 ? message.substring(0, 2000) : message;
            notice.createdAt = Instant.now();
            notice.persist();
        }
    }
}
