package io.teamplay.assignments;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One row of an account's history; {@code play} and {@code rule} only when a play made the change. */
public record HistoryView(Instant at, String role, String fromEmail, String toEmail, String source, String actor,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String play,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String rule, int tasksMoved) {
}
