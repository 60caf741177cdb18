package io.teamplay.users;

/** A user's leave was set, replaced or ended (fired in the transaction of the change). */
public record AvailabilityChanged(Leave leave) {
}
