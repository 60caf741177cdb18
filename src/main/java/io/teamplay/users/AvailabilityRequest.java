package io.teamplay.users;

import java.time.LocalDate;

/** The body of {@code PUT /api/users/{email}/availability}: away from, to (both included), covered by. */
public record AvailabilityRequest(LocalDate from, LocalDate to, String cover) {
}
