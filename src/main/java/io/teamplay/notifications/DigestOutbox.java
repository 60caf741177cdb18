package io.teamplay.notifications;

import io.teamplay.accounts.AccountService;
import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.AssignmentsChanged;
import io.teamplay.common.BulkRows;
import org.hibernate.Session;
import io.teamplay.assignments.MovedTask;
import io.teamplay.assignments.TasksHandedOver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest outbox: whoever receives a role (and the tasks that came with it) gets a {@link DigestItem}, written in
 * the change's transaction. If the change rolls back the item never existed; if it commits, the item is there for
 * the next digest run.
 */
@ApplicationScoped
public class DigestOutbox {

    private static final List<String> ITEM_COLUMNS = List.of("recipient", "account_id", "account_name", "role_key",
            "role_name", "from_email", "changed_by", "path", "created_at", "status", "attempts", "next_attempt_at");

    @Inject
    Describe describe;
    @Inject
    AccountService accounts;

    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@Observes AssignmentChanged change) {
        if (change.toEmail() == null) {
            return;
        }
        DigestItem item = waitingItem(change.toEmail(), change.accountId(), change.fromEmail(), change.movedTasks(),
                change.at());
        item.role = change.role();
        item.roleName = describe.roleName(change.role());
        item.changedBy = describe.changedBy(change);
        item.path = change.path().name();
        item.persist();
    }

    /**
     * A bulk change: the same items as {@link #onChange} gives each change, written in one statement. Bulk changes
     * move no tasks, so their items have no task lines.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChanges(@Observes AssignmentsChanged bulk) {
        List<AssignmentChanged> received = bulk.changes().stream().filter(c -> c.toEmail() != null).toList();
        if (received.isEmpty()) {
            return;
        }
        Map<String, String> accountNames = accounts.namesOf(received.stream().map(AssignmentChanged::accountId).distinct().toList());
        Map<String, String> roleNames = new HashMap<>();
        Map<String, String> changedBy = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(received.size());
        for (AssignmentChanged change : received) {
            Instant at = change.at() == null ? Instant.now() : change.at();
            rows.add(new Object[]{change.toEmail(), change.accountId(),
                    accountNames.getOrDefault(change.accountId(), change.accountId()), change.role(),
                    roleNames.computeIfAbsent(change.role(), describe::roleName), change.fromEmail(),
                    changedBy.computeIfAbsent(change.play() == null ? "actor:" + change.actor() : "play:" + change.play().play(),
                            k -> describe.changedBy(change)),
                    change.path().name(), at, DigestItemStatus.WAITING.name(), 0, at});
        }
        DigestItem.getEntityManager().flush();
        DigestItem.getEntityManager().unwrap(Session.class).doWork(connection -> BulkRows.on(connection)
                .insertWithIds("digest_item", "id", "digest_item_seq", ITEM_COLUMNS, rows));
    }

    /** Tasks that reached someone without a role (a disabled user's leftovers): an item with no role. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onTasksHandedOver(@Observes TasksHandedOver handover) {
        DigestItem item = waitingItem(handover.toEmail(), handover.accountId(), handover.fromEmail(),
                handover.movedTasks(), handover.at());
        item.changedBy = describe.actor(handover.actor());
        item.path = handover.path().name();
        item.persist();
    }

    /** A play's message by email: an item of the holder's next digest, with the message. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onHolderNotified(@Observes HolderNotified notified) {
        if (!notified.byEmail()) {
            return;
        }
        DigestItem item = waitingItem(notified.email(), notified.accountId(), null, List.of(), Instant.now());
        item.role = notified.role();
        item.roleName = describe.roleName(notified.role());
        item.changedBy = "the play \"" + notified.play() + "\"";
        item.path = "PLAY";
        item.message = notified.message().length() > 2000 ? notified.message().substring(0, 2000) : notified.message();
        item.persist();
    }

    private DigestItem waitingItem(String recipient, String accountId, String fromEmail, List<MovedTask> tasks, Instant at) {
        DigestItem item = new DigestItem();
        item.recipient = recipient;
        item.accountId = accountId;
        item.accountName = describe.accountName(accountId);
        item.fromEmail = fromEmail;
        item.createdAt = at == null ? Instant.now() : at;
        item.status = DigestItemStatus.WAITING;
        item.attempts = 0;
        item.nextAttemptAt = item.createdAt;
        for (MovedTask task : tasks) {
            item.tasks.add(new DigestItem.TaskLine(task.id(), task.title()));
        }
        return item;
    }
}
