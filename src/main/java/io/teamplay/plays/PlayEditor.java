package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Changes to plays by people: a save (always a new version, OK or ERROR), activation (the latest OK version), rollback
 * (an older OK version in force) and deactivation. Each is written to the database, then put in force on this instance
 * before answering; the other instances follow on their next scan.
 */
@ApplicationScoped
public class PlayEditor {

    /** Longest play text accepted (characters). */
    static final int MAX_SOURCE = 1_000_000;

    @Inject
    PlayChecks checks;
    @Inject
    PlayVersions versions;
    @Inject
    PlayActivations activations;
    @Inject
    PlaysInForce inForce;
    @Inject
    DryRunTrials trials;

    /** A save that was kept as a version: the version, and whether the play is new. */
    public record Saved(String play, int version, List<PlayError> warnings, boolean created) {
    }

    /**
     * Saves a play as a new version. An OK version of an active play is put in force at once; any other save leaves
     * the plays in force untouched. A play that does not compile, or names an unknown role or team, is kept as a
     * version with status ERROR and refused (422 with every error's line and column). Saving the text of the play's
     * latest version again (when that is the version it shows) adds no version.
     */
    public Saved save(String name, String text, String author) {
        if (text.length() > MAX_SOURCE) {
            throw ProblemException.badRequest("source", "a play is at most " + MAX_SOURCE + " characters long");
        }
        PlayFile file = PlayFile.of(fileName(name, text), text);
        boolean created = versions.latestOk(file.name()).isEmpty();
        PlayVersion latest = versions.latest(file.name()).orElse(null);
        if (latest != null && latest.ok() && latest.holds(file)
                && activations.versionInForce(file.name()).map(v -> v == latest.version).orElse(true)) {
            // the text of the version the play shows now, saved again: nothing changes, so no version either
            return new Saved(file.name(), latest.version, versions.warnings(latest), false);
        }
        PlayChecks.Verdict verdict = checks.check(file, true);
        PlayStatus status = verdict.status();
        int[] number = new int[1];
        Runnable keep = () -> number[0] = QuarkusTransaction.requiringNew().call(() ->
                versions.add(file, verdict.status(), verdict.warnings(), author, PlayVersion.Origin.API, true,
                        PlayRevision.lock()).version);
        if (verdict.ok() && activations.isActive(file.name())) {
            // a running play: the new version goes in force with the other active plays, or is refused
            PlayStatus inBook = inForce.change(file.name(), file, keep);
            if (!inBook.ok()) {
                status = inBook;
                PlayStatus refused = inBook;
                number[0] = QuarkusTransaction.requiringNew().call(() -> versions.add(file, refused, verdict.warnings(),
                        author, PlayVersion.Origin.API, false, PlayRevision.lock()).version);
            }
        } else {
            keep.run();
        }
        inForce.refresh();
        if (!status.ok()) {
            verdict.close();
            throw refusal("The play " + file.name() + " is refused (kept as version " + number[0]
                    + " with status ERROR; nothing in force changed): " + status.errors().get(0), status.errors());
        }
        trials.offer(verdict.compiler(), status, verdict.alone());
        return new Saved(file.name(), number[0], verdict.warnings(), created);
    }

    /** Activates the play at its latest OK version. */
    public PlayStatus activate(String name, String actor) {
        PlayVersion version = versions.latestOk(name).orElseThrow(() -> versions.latest(name).isPresent()
                ? ProblemException.refused("name", "The play " + name + " does not compile, so it cannot be activated: "
                        + firstError(versions.latest(name).get()))
                : notFound(name));
        return putInForce(version, actor);
    }

    /** Rolls back: puts that (older, OK) version of the play in force, and activates the play if it was not. */
    public PlayStatus rollback(String name, int number, String actor) {
        PlayVersion version = versions.find(name, number).orElseThrow(() -> ProblemException.notFound(
                "No version " + number + " of a play named " + name));
        if (!version.ok()) {
            throw ProblemException.refused("version", "Version " + number + " of the play " + name
                    + " does not compile, so it cannot be put in force: " + firstError(version));
        }
        return putInForce(version, actor);
    }

    public void deactivate(String name, String actor) {
        if (inForce.shown(name).isEmpty() && versions.latest(name).isEmpty()) {
            throw notFound(name);
        }
        inForce.change(name, null, () -> activations.set(name, false, actor));
    }

    private PlayStatus putInForce(PlayVersion version, String actor) {
        PlayStatus status = inForce.change(version.play, version.file(),
                () -> activations.set(version.play, true, version.version, actor));
        if (!status.ok()) {
            throw refusal("Version " + version.version + " of the play " + version.play + " does not compile with the "
                    + "active plays, so it cannot be put in force: " + status.errors().get(0), status.errors());
        }
        return status;
    }

    private String firstError(PlayVersion version) {
        List<PlayError> errors = versions.errors(version);
        return errors.isEmpty() ? "status " + version.status : errors.get(0).toString();
    }

    private static ProblemException refusal(String detail, List<PlayError> errors) {
        List<Problem.FieldError> lines = errors.stream()
                .map(e -> Problem.FieldError.line(e.line(), e.column(), e.message())).toList();
        return new ProblemException(422, "Play refused", detail, lines);
    }

    static ProblemException notFound(String name) {
        return ProblemException.notFound("No play named " + name);
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
}
