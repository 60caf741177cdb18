package io.teamplay.notifications;

import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.MovedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The digest outbox: whoever receives a role (and the tasks that came with it) gets a {@link DigestItem}, written in
 * the change's transaction. If the change rolls back the item never existed; if it commits, the item is there for
 * the next digest run.
 */
@ApplicationScoped
public class DigestOutbox {

    @Inject
    Describe describe;

    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@Observes AssignmentChanged change) {
        if (change.toEmail() == null) {
            return;
        }
        DigestItem item = new DigestItem();
        item.recipient = change.toEmail();
        item.accountId = change.accountId();
        item.accountName = describe.accountName(change.accountId());
        item.role = change.role();
        item.roleName = describe.roleName(change.role());
        item.fromEmail = change.fromEmail();
        item.changedBy = describe.changedBy(change);
        item.path = change.path().name();
        item.createdAt = change.at() == null ? Instant.now() : change.at();
        item.status = DigestItemStatus.WAITING;
        item.attempts = 0;
        item.nextAttemptAt = item.createdAt;
        for (MovedTask task : change.movedTasks()) {
            item.tasks.add(new DigestItem.TaskLine(task.id(), task.title()));
        }
        item.persist();
    }
}
