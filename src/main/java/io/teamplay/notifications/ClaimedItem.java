package io.teamplay.notifications;

import java.time.Instant;
import java.util.List;

/** A digest item as the run claimed it: what its email shows, read in plain SQL with the claim. */
record ClaimedItem(long id, String accountId, String accountName, String roleName, String changedBy, Instant createdAt,
                   String message, List<String> taskTitles) {
}
