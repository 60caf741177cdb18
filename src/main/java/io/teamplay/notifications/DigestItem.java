package io.teamplay.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the digest outbox: one person received a role on an account (and maybe tasks with it), by one change.
 * Written in the change's transaction; the digest job is its only other writer.
 */
@Entity
@Table(name = "digest_item")
class DigestItem extends PanacheEntityBase {

    /** A task that came with the role. */
    @Embeddable
    static class TaskLine {
        @Column(name = "task_id")
        long taskId;
        String title;

        TaskLine() {
        }

        TaskLine(long taskId, String title) {
            this.taskId = taskId;
            this.title = title;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_item_seq")
    @SequenceGenerator(name = "digest_item_seq", sequenceName = "digest_item_seq", allocationSize = 50)
    Long id;
    String recipient;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "account_name")
    String accountName;
    @Column(name = "role_key")
    String role;
    @Column(name = "role_name")
    String roleName;
    @Column(name = "from_email")
    String fromEmail;
    /** Who made the change, as the email shows it ("Ann Lee (ann@example.com)", "play Renewals"). */
    @Column(name = "changed_by")
    String changedBy;
    String path;
    @Column(name = "created_at")
    Instant createdAt;
    @Enumerated(EnumType.STRING)
    DigestItemStatus status;
    int attempts;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "message_id")
    String messageId;
    @Column(name = "drop_reason")
    String dropReason;
    /** What a play tells the recipient (its "notify ... by email" action); null for a role or tasks received. */
    String message;

    @ElementCollection
    @CollectionTable(name = "digest_item_task", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    List<TaskLine> tasks = new ArrayList<>();

    List<String> taskTitles() {
        return tasks.stream().map(t -> t.title).toList();
    }

    DigestItemView view() {
        return new DigestItemView(id, recipient, accountId, accountName, role, roleName, taskTitles(), changedBy, path,
                createdAt, status, attempts, nextAttemptAt, lastError, sentAt, messageId, dropReason, message);
    }
}
