package io.teamplay.assignments;

import java.time.Instant;
import java.util.List;

/**
 * Fired inside the disabling transaction for open tasks that moved to the new owner without a seat changing hands
 * (tasks the policy left with the disabled user), once per account.
 */
public record TasksHandedOver(String accountId, String fromEmail, String toEmail, List<MovedTask> movedTasks,
                              AssignmentPath path, String actor, Instant at) {
}
