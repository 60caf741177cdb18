package io.teamplay.plays;

import java.time.LocalDate;

/** The event a decision is applied for: its id, account, date and cascade depth. */
record RunContext(String eventId, String accountId, LocalDate date, int depth, PlayFacts.Batch facts) {

    /** Without a batch's facts: role holders are read when asked (a dry run). */
    RunContext(String eventId, String accountId, LocalDate date, int depth) {
        this(eventId, accountId, date, depth, null);
    }
}
