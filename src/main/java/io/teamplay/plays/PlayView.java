package io.teamplay.plays;

import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayStatus;
import java.util.List;

/**
 * A play as the API shows it: the version it shows (the one in force when active, else its latest OK version);
 * {@code source} and {@code warnings} only when one play is asked for.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PlayView(String name, String file, String team, String description, boolean active, String status,
                       List<Error> errors, String source, Integer version, List<Error> warnings,
                       Integer existingAccountsQueued) {

    public record Error(int line, int column, String message) {
    }

    static PlayView of(PlayStatus play, boolean active, boolean withSource) {
        return new PlayView(play.name(), play.fileName(), play.team(), play.description(), active,
                play.status().name(), errors(play.errors()), withSource ? play.source() : null, null, null, null);
    }

    static PlayView of(PlaysInForce.Shown shown, boolean active, boolean withSource) {
        PlayStatus play = shown.status();
        return new PlayView(play.name(), play.fileName(), play.team(), play.description(), active,
                play.status().name(), errors(play.errors()), withSource ? play.source() : null, shown.version(),
                withSource ? errors(shown.warnings()) : null, null);
    }

    PlayView withWarnings(int version, List<PlayError> warnings) {
        return new PlayView(name, file, team, description, active, status, errors, source, version, errors(warnings),
                existingAccountsQueued);
    }

    /** The answer of an activation with applyToExisting: how many accounts the play was queued to run on. */
    PlayView withExistingAccountsQueued(int queued) {
        return new PlayView(name, file, team, description, active, status, errors, source, version, warnings, queued);
    }

    static List<Error> errors(List<PlayError> errors) {
        return errors.stream().map(e -> new Error(e.line(), e.column(), e.message())).toList();
    }
}
