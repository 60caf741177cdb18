package io.teamplay.plays;

import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Compiles the versions in force of the active plays (read from the database, shared by every instance) into the
 * play book that fires, and swaps it in. The book is rebuilt only when what it would be built from differs: the
 * active plays, their versions' texts and the DSL; inactive plays are never compiled here (a version's status was
 * found when it was saved). Also keeps what every play shows (its version, status, errors and warnings) for reading.
 */
@ApplicationScoped
public class PlaysInForce {

    private static final Logger LOG = Logger.getLogger(PlaysInForce.class);

    @Inject
    PlayVersions versions;
    @Inject
    PlayCompilers compilers;
    @Inject
    DryRunTrials trials;

    /** What a play shows: the version the API answers with, and how it stands. */
    record Shown(PlayStatus status, int version, List<PlayError> warnings) {
    }

    /** What a book is built from: the compiler (the DSL) and, per active play, its file name and text's hash. */
    private record Key(PlayCompiler compiler, Map<String, String> plays) {
        static Key of(PlayCompiler compiler, Map<String, PlayFile> files) {
            Map<String, String> plays = new TreeMap<>();
            files.forEach((name, file) -> plays.put(name, file.fileName() + "/" + PlaySources.hash(file.text())));
            return new Key(compiler, plays);
        }
    }

    private final PlayEngine engine = new PlayEngine();
    private Key key;
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

    /** The change counter the plays in force were last read at. */
    long revision() {
        return revision;
    }

    /** True when the book in force was compiled with this compiler (the DSL it knows). */
    synchronized boolean builtWith(PlayCompiler compiler) {
        return key != null && key.compiler() == compiler;
    }

    Map<String, Shown> shown() {
        return shown;
    }

    Optional<Shown> shown(String play) {
        return Optional.ofNullable(shown.get(play));
    }

    /**
     * Reads the plays in force from the database and puts their book in force, compiling only when it would differ
     * from the book in force. When the database cannot be read the book in force stays (and, at start, events wait).
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
        Key wanted = Key.of(compilers.current(), files);
        if (!wanted.equals(key)) {
            LOG.infof("The plays in force changed (now %s): recompiling", wanted.plays().keySet());
            swap(compile(wanted, files), wanted);
        }
        publish(state);
        revision = seen;
        ready = true;
    }

    /**
     * Makes a change to the plays in force on this instance at once: compiles the book of the active plays with
     * {@code play} running {@code file} (or without {@code play} when file is null). When the play compiles in it,
     * {@code commit} writes the change (in its own transaction) and the book is swapped in; otherwise nothing is
     * written and the play's status in that book (with its errors) is answered.
     */
    synchronized PlayStatus change(String play, PlayFile file, Runnable commit) {
        Map<String, PlayFile> files = new LinkedHashMap<>();
        versions.state().inForce().forEach((name, version) -> files.put(name, version.file()));
        if (file == null) {
            files.remove(play);
        } else {
            files.put(play, file);
        }
        Key wanted = Key.of(compilers.current(), files);
        boolean same = wanted.equals(key);
        PlayBook candidate = same ? engine.current() : compile(wanted, files);
        PlayStatus status = file == null ? null : candidate.play(play).orElseThrow();
        if (status != null && !status.ok()) {
            if (!same) {
                candidate.close();
            }
            return status;
        }
        try {
            commit.run();
        } catch (RuntimeException e) {
            if (!same) {
                candidate.close();
            }
            throw e;
        }
        if (!same) {
            swap(candidate, wanted);
        }
        refresh();
        return status;
    }

    private PlayBook compile(Key wanted, Map<String, PlayFile> files) {
        return wanted.compiler().compile(new ArrayList<>(files.values()), files.keySet());
    }

    private void swap(PlayBook book, Key builtFrom) {
        engine.swap(book);
        key = builtFrom;
        book.plays().stream().filter(p -> !p.ok()).forEach(p -> LOG.warnf(
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
