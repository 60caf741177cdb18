package io.teamplay.plays;

import io.teamplay.plays.engine.CompiledPlay;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the play book that fires up to date with the versions in force of the active plays (read from the database,
 * shared by every instance), one play at a time: a play is compiled only when its file differs from the one the book
 * holds (a save, activation or rollback compiles that play alone; a deactivation compiles nothing), and the book
 * takes the change in one step ({@link PlayBook#update}). The whole book is compiled only at start and when the DSL
 * changes; inactive plays are never compiled here (a version's status was found when it was saved). Also keeps what
 * every play shows (its version, status, errors and warnings) for reading.
 */
@ApplicationScoped
public class PlaysInForce {

    private static final Logger LOG = Logger.getLogger(PlaysInForce.class);
    /** How long a read of the plays waits for them to load at start before answering what is loaded. */
    private static final Duration LOADING = Duration.ofMinutes(2);

    @Inject
    PlayVersions versions;
    @Inject
    PlayCompilers compilers;
    @Inject
    DryRunTrials trials;

    /** What a play shows: the version the API answers with, and how it stands. */
    record Shown(PlayStatus status, int version, List<PlayError> warnings) {
    }

    private final PlayEngine engine = new PlayEngine();
    private final CountDownLatch loaded = new CountDownLatch(1);
    /** The compiler (the DSL) the book in force was compiled with; null until the first load. */
    private PlayCompiler builtWith;
    private volatile Map<String, Shown> shown = Map.of();
    private volatile long revision = -1;
    private volatile boolean ready;

    public PlayEngine engine() {
        return engine;
    }

    /** True once the plays in force were read from the database and compiled: events wait until then. */
    public boolean ready() {
        return ready;
    }

    /** Waits at most that long for the plays in force to be loaded (at start they compile in the background). */
    boolean awaitReady(Duration atMost) {
        try {
            return loaded.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ready;
        }
    }

    /** The change counter the plays in force were last read at. */
    long revision() {
        return revision;
    }

    /** True when the book in force was compiled with this compiler (the DSL it knows). */
    synchronized boolean builtWith(PlayCompiler compiler) {
        return builtWith == compiler;
    }

    /** What every play shows; while the plays load (at start) it waits for them rather than answer too few. */
    Map<String, Shown> shown() {
        awaitReady(LOADING);
        return shown;
    }

    Optional<Shown> shown(String play) {
        return Optional.ofNullable(shown().get(play));
    }

    /**
     * Reads the plays in force from the database and brings the book in force up to date, compiling only the plays
     * whose file changed. When the database cannot be read the book in force stays (and, at start, events wait).
     */
    public synchronized void refresh() {
        PlayVersions.State state;
        long seen;
        try {
            // read before the state: a change committed in between raises it again, so the next scan looks again
            seen = versions.revision();
            state = versions.state();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the plays in force (%s): the play book in force stays", e.getMessage());
            return;
        }
        Map<String, PlayFile> files = new LinkedHashMap<>();
        state.inForce().forEach((name, version) -> files.put(name, version.file()));
        PlayCompiler compiler = compilers.current();
        if (builtWith != compiler) {
            rebuild(compiler, files);
        } else {
            update(files);
        }
        publish(state);
        revision = seen;
        ready = true;
        loaded.countDown();
    }

    /** Compiles every play in force into a new book and swaps it in (at start, and when the DSL changed). */
    private void rebuild(PlayCompiler compiler, Map<String, PlayFile> files) {
        long started = System.nanoTime();
        PlayBook book = compiler.openBook();
        warnRefused(book.update(compiler.compileEach(new ArrayList<>(files.values())).values(), Set.of()));
        engine.swap(book);
        builtWith = compiler;
        LOG.infof("The play book in force was compiled: %d active play(s) in %d ms", files.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Compiles the plays whose file the book does not hold, takes out those no longer in force, in one step. */
    private void update(Map<String, PlayFile> files) {
        PlayBook book = engine.current();
        List<PlayFile> changed = files.values().stream().filter(f -> !book.holds(f)).toList();
        Set<String> gone = book.plays().stream().map(PlayStatus::name).filter(p -> !files.containsKey(p))
                .collect(Collectors.toSet());
        if (changed.isEmpty() && gone.isEmpty()) {
            return;
        }
        LOG.infof("The plays in force changed: compiling %s, taking out %s",
                changed.stream().map(PlayFile::name).toList(), gone);
        warnRefused(book.update(builtWith.compileEach(changed).values(), gone));
    }

    /**
     * Makes a change to the plays in force on this instance at once: compiles {@code play} running {@code file} alone
     * (or takes the play out when file is null). When the play compiles, {@code commit} writes the change (in its own
     * transaction) and the book takes the play; otherwise nothing is written, the version in force stays, and the
     * play's status (with its errors) is answered.
     */
    synchronized PlayStatus change(String play, PlayFile file, Runnable commit) {
        if (builtWith != compilers.current()) {
            refresh(); // not loaded yet (start) or a new DSL: the book is compiled first
        }
        PlayBook book = engine.current();
        if (file == null) {
            commit.run();
            book.update(List.of(), Set.of(play));
            refresh();
            return null;
        }
        if (book.holds(file)) {
            PlayStatus status = book.play(play).orElseThrow();
            if (status.ok()) {
                commit.run();
                refresh();
            }
            return status;
        }
        CompiledPlay compiled = builtWith.compileEach(List.of(file)).get(play);
        PlayStatus status = book.admits(compiled);
        if (!status.ok()) {
            return status;
        }
        commit.run();
        book.update(List.of(compiled), Set.of());
        refresh();
        return status;
    }

    private static void warnRefused(Map<String, PlayStatus> compiled) {
        compiled.values().stream().filter(p -> !p.ok()).forEach(p -> LOG.warnf(
                "Play %s is active but does not compile here, so it does not run: %s", p.name(), p.errors()));
    }

    private void publish(PlayVersions.State state) {
        PlayBook book = engine.current();
        Map<String, Shown> now = new HashMap<>();
        Map<String, PlayStatus> statuses = new HashMap<>();
        state.shown().forEach((name, version) -> {
            // an active play shows how it compiled here, in the book that fires
            PlayStatus status = state.inForce().containsKey(name) ? book.play(name).orElseGet(() -> versions.status(version))
                    : versions.status(version);
            now.put(name, new Shown(status, version.version, versions.warnings(version)));
            statuses.put(name, status);
        });
        shown = Map.copyOf(now);
        trials.prune(statuses);
    }
}
