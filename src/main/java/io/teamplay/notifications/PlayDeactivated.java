package io.teamplay.notifications;

/**
 * Fired inside the transaction that deactivated a play because its firings passed their limits too often, for the
 * notifications feature to tell the admins of the play's team.
 */
public record PlayDeactivated(String play, String team, int limitFailures, String lastReason) {
}
