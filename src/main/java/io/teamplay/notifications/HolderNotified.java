package io.teamplay.notifications;

/**
 * Fired inside the event's transaction when a play tells a role holder something, for the notifications feature to
 * deliver: in the app at once ({@code byEmail} false), or by email with the holder's next digest. The play's runs
 * record it either way.
 */
public record HolderNotified(String accountId, String role, String email, String message, String play, String rule,
                             String eventId, boolean byEmail) {
}
