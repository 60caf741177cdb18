package io.teamplay.plays.engine;

import io.teamplay.plays.engine.FiringLimits.Limit;

/**
 * An event's firing passed one of its {@link FiringLimits} and was stopped: nothing it decided counts. Names the
 * play and rule running (or that fired last) when the limit was passed; when no rule had fired yet, the play whose
 * conditions were being checked if only one play was active, else none.
 */
public final class PlayLimitExceeded extends PlayFiringException {

    private final Limit limit;

    PlayLimitExceeded(String play, String rule, Limit limit, String what) {
        super(play, rule, (play == null ? "the conditions of the active plays" : rule == null
                ? "the conditions of play '" + play + "'" : "play '" + play + "' rule '" + rule + "'")
                + " passed a limit and the firing was stopped: " + what + "; nothing of this event was applied");
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
