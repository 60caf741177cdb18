package io.teamplay.plays;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The play files of the rules directory and the play book compiled from them. Every file is checked and reported
 * (OK or ERROR), active or not, but only the active plays are in the book's KieBase. A file changed there (by an
 * editor or by {@link #put}) or a change of the active plays (here by {@link #activationChanged}, or by another
 * instance, seen by {@link #scan}) recompiles and swaps the book atomically; a file that does not compile is reported
 * and left out, and the others keep running.
 */
@ApplicationScoped
public class PlayLibrary {

    private static final Logger LOG = Logger.getLogger(PlayLibrary.class);
    static final String DSL_FILE = "plays.dsl";

    @Inject
    PlaysConfig config;
    @Inject
    PlayActivations activations;

    /** A play compiled on its own for dry runs (an inactive play is not in the book), kept while its source holds. */
    private record Trial(PlayCompiler compiler, String source, PlayBook book) {
    }

    private final PlayEngine engine = new PlayEngine();
    private final Map<String, Trial> trials = new HashMap<>();
    private volatile PlayCompiler compiler;
    private String dslText;
    private volatile Map<String, String> fingerprint = Map.of();
    private volatile boolean ready;

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    /** True once the rules directory was compiled: events wait until then, so none is handled without its plays. */
    public boolean ready() {
        return ready;
    }

    public PlayEngine engine() {
        return engine;
    }

    public PlayBook book() {
        return engine.current();
    }

    public Path dir() {
        return Path.of(config.dir());
    }

    public List<PlayStatus> plays() {
        return book().plays().stream().sorted(java.util.Comparator.comparing(PlayStatus::name)).toList();
    }

    public Optional<PlayStatus> play(String name) {
        return book().play(name);
    }

    /**
     * Looks at the rules directory and recompiles when a file was added, changed or removed, or when the active plays
     * (in the database, shared by every instance) are not the ones the book in force was built for.
     */
    @Scheduled(every = "{teamplay.plays.scan-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        Map<String, String> now = fingerprint();
        if (!now.equals(fingerprint)) {
            LOG.infof("Rules directory %s changed: recompiling", dir().toAbsolutePath());
            reload(true);
            return;
        }
        Set<String> active;
        try {
            active = activations.active();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the active plays (%s): the play book in force stays", e.getMessage());
            return;
        }
        if (!ready || !active.equals(book().builtFor())) {
            LOG.infof("The active plays changed (now %s): recompiling", active);
            reload(false);
        }
    }

    /** Rebuilds the book for the active plays now in the database; called once an activation was committed. */
    public void activationChanged() {
        reload(false);
    }

    /**
     * Compiles every play file of the rules directory and puts the result in force: every file is checked, the
     * active ones (read from the database now) make the KieBase. When the active plays cannot be read, the book in
     * force stays (and, at start, events wait) until a later scan can.
     */
    public void reload() {
        reload(true);
    }

    /** @param always false to skip the compile when neither the files nor the active plays differ from the book's */
    private synchronized void reload(boolean always) {
        Map<String, String> seen = fingerprint();
        try {
            String text = dsl();
            if (compiler == null || !text.equals(dslText)) {
                compiler = new PlayCompiler(text);
                dslText = text;
            }
        } catch (RuntimeException e) {
            LOG.errorf("The plays DSL %s does not load (%s): %s", dir().resolve(DSL_FILE), e.getMessage(),
                    compiler == null ? "no sentence is known until it is fixed" : "the previous DSL stays in force");
            if (compiler == null) {
                compiler = new PlayCompiler("");
            }
        }
        Set<String> active;
        try {
            active = activations.active();
        } catch (RuntimeException e) {
            LOG.errorf("Cannot read the active plays (%s): the play book in force stays until a scan can", e.getMessage());
            return;
        }
        if (!always && ready && seen.equals(fingerprint) && active.equals(book().builtFor())) {
            return;
        }
        engine.swap(compiler.compile(files(null), active));
        fingerprint = seen;
        ready = true;
        pruneTrials();
        book().plays().stream().filter(p -> !p.ok()).forEach(p -> LOG.warnf("Play %s does not compile: %s",
                p.name(), p.errors()));
    }

    /**
     * Fires one play alone, active or not, on an event and its account, and answers what it decided; writes nothing.
     * The play is compiled on its own (once per source), so neither the other plays nor the book in force take part.
     */
    public List<PlayDecision> dryFire(PlayStatus play, AccountEvent event, Account account) {
        while (true) {
            Optional<List<PlayDecision>> decisions = trial(play).tryFire(event, account, Set.of(play.name()));
            if (decisions.isPresent()) {
                return decisions.get();
            }
        }
    }

    private PlayBook trial(PlayStatus play) {
        synchronized (trials) {
            PlayCompiler now = compiler;
            Trial trial = trials.get(play.name());
            if (trial != null && trial.compiler() == now && trial.source().equals(play.source())) {
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
            trials.put(play.name(), new Trial(now, play.source(), book));
            return book;
        }
    }

    /** Lets go of the dry-run compilations whose play is gone or changed. */
    private void pruneTrials() {
        synchronized (trials) {
            trials.entrySet().removeIf(e -> {
                Optional<PlayStatus> play = play(e.getKey());
                boolean stale = e.getValue().compiler() != compiler || play.isEmpty()
                        || !play.get().source().equals(e.getValue().source());
                if (stale) {
                    e.getValue().book().close();
                }
                return stale;
            });
        }
    }

    /**
     * Writes a play file and puts it in force, or refuses it (422 with every error) leaving the file and the running
     * plays untouched; 403 when the play names a team its author may not own. Answers true when the play is new.
     */
    public synchronized boolean put(String name, String text, Predicate<String> authorMayOwn) {
        String fileName = fileName(name, text);
        PlayFile file = PlayFile.of(fileName, text);
        Optional<PlayStatus> existing = play(file.name());
        List<PlayFile> files = files(file.name());
        files.add(file);
        PlayBook candidate = compiler.compile(files, activations.active());
        PlayStatus status = candidate.play(file.name()).orElseThrow();
        if (status.team() != null && !authorMayOwn.test(status.team())) {
            candidate.close();
            throw ProblemException.forbidden("The play " + file.name() + " names the team " + status.team()
                    + ", which you do not belong to");
        }
        if (!status.ok()) {
            candidate.close();
            throw refusal(file, status.errors());
        }
        try {
            existing.filter(p -> !p.fileName().equals(fileName))
                    .ifPresent(p -> deleteQuietly(dir().resolve(p.fileName())));
            Files.createDirectories(dir());
            Path tmp = dir().resolve("." + fileName + ".tmp");
            Files.writeString(tmp, file.text(), StandardCharsets.UTF_8);
            Files.move(tmp, dir().resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.swap(candidate);
        fingerprint = fingerprint();
        pruneTrials();
        LOG.infof("Play %s written to %s and in force", file.name(), fileName);
        return existing.isEmpty();
    }

    private static ProblemException refusal(PlayFile file, List<PlayError> errors) {
        List<Problem.FieldError> lines = errors.stream()
                .map(e -> Problem.FieldError.line(e.line(), e.column(), e.message())).toList();
        String detail = "The play " + file.name() + " does not compile: " + errors.get(0);
        return new ProblemException(422, "Play refused", detail, lines);
    }

    /** foo.drl and foo.dslr are taken as given; a bare name is .dslr when the text names the DSL, else .drl. */
    static String fileName(String name, String text) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,120}") || name.contains("..")) {
            throw ProblemException.badRequest("name", "a play name is letters, digits, spaces, '.', '-' and '_'");
        }
        if (PlayFile.isPlayFile(name)) {
            return name;
        }
        boolean dsl = text != null && text.lines().anyMatch(l -> l.trim().startsWith("expander "));
        return name + (dsl ? PlayFile.DSLR : PlayFile.DRL);
    }

    private List<PlayFile> files(String except) {
        List<PlayFile> files = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return files;
        }
        try (Stream<Path> paths = Files.list(dir())) {
            paths.filter(p -> PlayFile.isPlayFile(p.getFileName().toString()))
                    .sorted()
                    .forEach(p -> {
                        PlayFile file = PlayFile.of(p.getFileName().toString(), read(p));
                        if (!file.name().equals(except)) {
                            files.add(file);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private Map<String, String> fingerprint() {
        Map<String, String> marks = new TreeMap<>();
        if (!Files.isDirectory(dir())) {
            return marks;
        }
        try (Stream<Path> paths = Files.list(dir())) {
            paths.filter(p -> {
                String name = p.getFileName().toString();
                return PlayFile.isPlayFile(name) || name.equals(DSL_FILE);
            }).forEach(p -> {
                try {
                    marks.put(p.getFileName().toString(), Files.getLastModifiedTime(p) + "/" + Files.size(p)
                            + "/" + Objects.hashCode(read(p)));
                } catch (IOException e) {
                    marks.put(p.getFileName().toString(), "gone");
                }
            });
        } catch (IOException e) {
            LOG.warnf("Cannot list the rules directory %s: %s", dir(), e.getMessage());
        }
        return marks;
    }

    /** The DSL of the rules directory, or the one shipped in the application when the directory has none. */
    private String dsl() {
        Path file = dir().resolve(DSL_FILE);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        try (InputStream shipped = PlayLibrary.class.getResourceAsStream("/rules/" + DSL_FILE)) {
            return shipped == null ? "" : new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warnf("Cannot delete %s: %s", path, e.getMessage());
        }
    }
}
