package io.teamplay.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A user's out-of-office period: away from {@code from} to {@code to}, both included, covered by {@code cover} (an
 * email, or null). {@code endedOn}: the day the user came back early, when the leave was ended before its last day.
 */
public record Leave(String email, LocalDate from, LocalDate to,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String cover,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate endedOn) {

    /** The first day the user is back. */
    @JsonIgnore
    public LocalDate returnDay() {
        LocalDate after = to.plusDays(1);
        return endedOn != null && endedOn.isBefore(after) ? endedOn : after;
    }

    /** True when the user is out of office on that day. */
    public boolean awayOn(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(returnDay());
    }
}
