package io.teamplay.plays.engine;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the play book in force. A new book replaces the old one atomically: firings already running finish on the
 * old book, which is then disposed; no event is lost or fired twice because of a swap.
 */
public final class PlayEngine {

    private final AtomicReference<PlayBook> current = new AtomicReference<>(PlayBook.empty());

    public PlayBook current() {
        return current.get();
    }

    public void swap(PlayBook next) {
        if (next.retired()) {
            throw new IllegalArgumentException("a play book that was replaced cannot come back");
        }
        PlayBook old = current.getAndSet(next);
        if (old != null && old != next) {
            old.retire();
        }
    }

    public List<PlayDecision> fire(AccountEvent event, Account account, Set<String> activePlays) {
        return fire(event, account, activePlays, FiringLimits.DEFAULTS);
    }

    /** Fires the book in force within the limits (see {@link PlayBook#fire(AccountEvent, Account, Set, FiringLimits)}). */
    public List<PlayDecision> fire(AccountEvent event, Account account, Set<String> activePlays, FiringLimits limits) {
        while (true) {
            Optional<List<PlayDecision>> decisions = current.get().tryFire(event, account, activePlays, limits);
            if (decisions.isPresent()) {
                return decisions.get();
            }
        }
    }

    public void close() {
        swap(PlayBook.empty());
    }
}
