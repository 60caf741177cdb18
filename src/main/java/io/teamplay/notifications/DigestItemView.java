package io.teamplay.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A digest item as operators see it: what it says (a role and tasks received, or a play's message), and where it
 * stands (waiting, attempts, last error, sent).
 */
public record DigestItemView(long id, String recipient, String accountId, String accountName, String role,
                             String roleName, List<String> tasks, String changedBy, String path, Instant createdAt,
                             DigestItemStatus status, int attempts, Instant nextAttemptAt, String lastError,
                             Instant sentAt, String messageId, String dropReason, String message) {
}
