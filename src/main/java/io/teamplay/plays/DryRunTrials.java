package io.teamplay.plays;

import io.teamplay.common.ProblemException;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays compiled on their own for dry runs (an inactive play is not in the book in force), one per play, kept while
 * its source and the DSL hold: a dry run after a save reuses the compilation the save made.
 */
@ApplicationScoped
class DryRunTrials {

    @Inject
    PlayCompilers compilers;
    @Inject
    PlayLimits limits;

    private record Trial(PlayCompiler compiler, String fileName, String source, PlayBook book) {
        boolean of(PlayCompiler now, PlayStatus play) {
            return compiler == now && fileName.equals(play.fileName()) && source.equals(play.source());
        }
    }

    private final Map<String, Trial> trials = new HashMap<>();

    /**
     * Fires the play alone, active or not, on an event and its account, within the limits of an event's firing;
     * answers what it decided, writes nothing.
     */
    List<PlayDecision> fire(PlayStatus play, AccountEvent event, Account account) {
        while (true) {
            Optional<List<PlayDecision>> decisions = book(play).tryFire(event, account, Set.of(play.name()),
                    limits.firing());
            if (decisions.isPresent()) {
                return decisions.get();
            }
        }
    }

    /** Keeps a book of this play alone, compiled by a save, for the dry runs that usually follow. */
    void offer(PlayCompiler compiler, PlayStatus play, PlayBook book) {
        synchronized (trials) {
            Trial old = trials.put(play.name(), new Trial(compiler, play.fileName(), play.source(), book));
            if (old != null && old.book() != book) {
                old.book().close();
            }
        }
    }

    /** Lets go of the trials whose play is gone or shows another source now, or that an older DSL compiled. */
    void prune(Map<String, PlayStatus> shown) {
        PlayCompiler now = compilers.current();
        synchronized (trials) {
            trials.entrySet().removeIf(e -> {
                PlayStatus play = shown.get(e.getKey());
                boolean stale = play == null || !e.getValue().of(now, play);
                if (stale) {
                    e.getValue().book().close();
                }
                return stale;
            });
        }
    }

    private PlayBook book(PlayStatus play) {
        synchronized (trials) {
            PlayCompiler now = compilers.current();
            Trial trial = trials.get(play.name());
            if (trial != null && trial.of(now, play)) {
                return trial.book();
            }
            if (trial != null) {
                trials.remove(play.name()).book().close();
            }
            PlayFile file = PlayFile.of(play.fileName(), play.source());
            PlayBook book = now.compile(List.of(file), Set.of(file.name()));
            PlayStatus alone = book.play(file.name()).orElseThrow();
            if (!alone.ok()) {
                book.close();
                throw ProblemException.refused("play", "The play " + play.name() + " does not compile: "
                        + alone.errors().get(0));
            }
            trials.put(play.name(), new Trial(now, play.fileName(), play.source(), book));
            return book;
        }
    }
}
