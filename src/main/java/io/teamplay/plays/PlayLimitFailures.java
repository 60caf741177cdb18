package io.teamplay.plays;

import io.teamplay.notifications.PlayDeactivated;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Counts the firings of each active play that passed a limit; at {@code teamplay.plays.limits.deactivate-after} the
 * play is deactivated (on every instance, as any deactivation) and the admins of its team are told. Activating the
 * play again, or a new version of it put in force, starts the count anew.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class PlayLimitFailures {

    /** Who deactivated a play for its limits, as the activation records it. */
    static final String ACTOR = "limits";

    private static final Logger LOG = Logger.getLogger(PlayLimitFailures.class);

    @Inject
    PlayLimits limits;
    @Inject
    PlayActivations activations;
    @Inject
    PlayLibrary library;
    @Inject
    Event<PlayDeactivated> deactivated;

    void count(String play, String eventId, String reason) {
        PlayRevision.lock(); // taken first by every change of plays: no deadlock with an activation at the same time
        PlayActivation row = PlayActivation.findById(play);
        if (row == null || !row.active) {
            return;
        }
        row.limitFailures++;
        if (row.limitFailures < limits.deactivateAfter()) {
            LOG.warnf("Play %s passed a limit on event %s (%d of %d before it is deactivated)", play, eventId,
                    row.limitFailures, limits.deactivateAfter());
            return;
        }
        int failures = row.limitFailures;
        activations.set(play, false, ACTOR);
        String team = library.play(play).map(PlayStatus::team).orElse(null);
        deactivated.fire(new PlayDeactivated(play, team, failures, reason));
        LOG.warnf("Play %s deactivated: its firings passed their limits %d times, last on event %s: %s", play, failures,
                eventId, reason);
    }
}
