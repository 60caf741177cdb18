package io.teamplay.assignments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.teamplay.accounts.AttributeHistoryView;

import java.time.Instant;

/**
 * One row of an account's history: a seat changing hands ({@code role}, {@code fromEmail}, {@code toEmail}) or an
 * attribute changing ({@code attribute}, {@code fromValue}, {@code toValue}); {@code play} and {@code rule} only when
 * a play made the change.
 */
public record HistoryView(Instant at, String role, String fromEmail, String toEmail, String source, String actor,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String play,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String rule, int tasksMoved,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String attribute,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String fromValue,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String toValue) {

    public HistoryView(Instant at, String role, String fromEmail, String toEmail, String source, String actor,
                       String play, String rule, int tasksMoved) {
        this(at, role, fromEmail, toEmail, source, actor, play, rule, tasksMoved, null, null, null);
    }

    static HistoryView of(AttributeHistoryView change) {
        return new HistoryView(change.at(), null, null, null, change.source(), change.actor(), change.play(), null, 0,
                change.attribute(), change.fromValue(), change.toValue());
    }
}
