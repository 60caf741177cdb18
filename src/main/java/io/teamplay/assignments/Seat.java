package io.teamplay.assignments;

/** One role on one account. */
public record Seat(String accountId, String role) {
}
