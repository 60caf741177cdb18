package io.teamplay.plays;

import java.time.LocalDate;

/** The event a decision is applied for: its id, account, date and cascade depth. */
record RunContext(String eventId, String accountId, LocalDate date, int depth) {
}
