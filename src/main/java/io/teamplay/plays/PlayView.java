package io.teamplay.plays;

import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayStatus;
import java.util.List;

/** A play as the API shows it; {@code source} only when one play is asked for. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PlayView(String name, String file, String team, String description, boolean active, String status,
                       List<Error> errors, String source) {

    public record Error(int line, int column, String message) {
    }

    static PlayView of(PlayStatus play, boolean active, boolean withSource) {
        List<Error> errors = play.errors().stream().map(PlayView::error).toList();
        return new PlayView(play.name(), play.fileName(), play.team(), play.description(), active,
                play.status().name(), errors, withSource ? play.source() : null);
    }

    private static Error error(PlayError e) {
        return new Error(e.line(), e.column(), e.message());
    }
}
