package io.teamplay.plays.engine;

import java.util.List;

/** How a play file compiled: OK (its rules are in the play book) or ERROR (with every error found). */
public record PlayStatus(String name, String fileName, String team, String description, String source,
                         Status status, List<PlayError> errors) {

    public enum Status { OK, ERROR }

    public PlayStatus {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
