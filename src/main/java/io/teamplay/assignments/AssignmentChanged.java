package io.teamplay.assignments;

import java.time.Instant;
import java.util.List;

/**
 * Fired inside the changing transaction whenever a seat of a team changes hands (or is cleared: {@code toEmail} null).
 * Plays and notifications listen to it.
 */
public record AssignmentChanged(String accountId, String role, String fromEmail, String toEmail, String toName,
                                AssignmentPath path, String actor, PlayOrigin play, List<MovedTask> movedTasks,
                                Instant at) {
}
