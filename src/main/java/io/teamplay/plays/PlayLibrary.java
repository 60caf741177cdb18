package io.teamplay.plays;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The plays as the rest of the service reads them: every play's status (the version it shows) and the play book that
 * fires. The work is done elsewhere: {@link RulesDirectory} reads the files, {@link RulesDirectoryLoader} turns them
 * into versions, {@link PlayVersions} stores versions, {@link PlaysInForce} compiles and swaps the book,
 * {@link DryRunTrials} keeps plays compiled alone for dry runs, {@link PlayScan} polls, {@link PlayEditor} changes.
 */
@ApplicationScoped
public class PlayLibrary {

    @Inject
    PlaysInForce inForce;
    @Inject
    DryRunTrials trials;
    @Inject
    PlayScan scan;

    /** True once the plays in force were compiled: events wait until then, so none is handled without its plays. */
    public boolean ready() {
        return inForce.ready();
    }

    /** Waits at most that long for the plays in force to be loaded (at start they compile in the background). */
    public boolean awaitReady(Duration atMost) {
        return inForce.awaitReady(atMost);
    }

    public PlayEngine engine() {
        return inForce.engine();
    }

    public PlayBook book() {
        return engine().current();
    }

    public List<PlayStatus> plays() {
        return inForce.shown().values().stream().map(PlaysInForce.Shown::status)
                .sorted(Comparator.comparing(PlayStatus::name)).toList();
    }

    public Optional<PlayStatus> play(String name) {
        return inForce.shown(name).map(PlaysInForce.Shown::status);
    }

    /**
     * Fires one play alone, active or not, on an event and its account, and answers what it decided; writes nothing.
     * The play is compiled on its own (once per source), so neither the other plays nor the book in force take part.
     */
    public List<PlayDecision> dryFire(PlayStatus play, AccountEvent event, Account account) {
        return trials.fire(play, event, account);
    }

    /** Does what a start does: loads the changed files of the rules directory, and brings the book up to date. */
    public void reload() {
        scan.scan();
    }

    /** Brings the book up to date with the database now (e.g. after activations were written directly). */
    public void activationChanged() {
        inForce.refresh();
    }
}
