package io.teamplay.notifications;

import io.teamplay.assignments.AssignmentPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/** A play's "notify the role holder" action (in the app) becomes a notice to that holder, in the event's transaction. */
@ApplicationScoped
public class PlayNotices {

    @Inject
    Describe describe;

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
}
