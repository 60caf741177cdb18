package io.teamplay.plays;

import com.fasterxml.jackson.databind.node.TextNode;
import io.teamplay.common.access.Actor;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the web app's play studio asks of plays: the services {@link PlayResource} calls, with the same checks of who
 * may change or run a play ({@link PlayPermission}), plus a check of a text without saving it (the editor's errors as
 * you type) and the sentences of plays.dsl (its completions).
 */
@ApplicationScoped
public class PlayStudio {

    /** A sentence of plays.dsl as an author writes it: {@code kind} is "when" (conditions) or "then" (actions). */
    public record Sentence(String kind, String text) {
    }

    /** One play in the list: what it is, whether it runs, and its runs since {@code since}. */
    public record PlayRow(String name, String team, String description, String status, boolean active,
                          Instant lastRun, long runs, long failures) {
    }

    /** A play as the editor opens it: the version it shows (or, for a play that never compiled, its latest). */
    public record Draft(String name, String fileName, String source, int version, String status, String team,
                        boolean active, Integer versionInForce, List<PlayError> errors, List<PlayError> warnings) {
    }

    /** What a check of a text found; nothing was saved. */
    public record Check(List<PlayError> errors, List<PlayError> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The event a dry run or a preview fires: a type (null: the daily tick) and what an attribute change says. */
    public record TrialEvent(String type, String attribute, String oldValue, String newValue) {

        ExternalEvent external() {
            if (type == null || type.isBlank() || "DAILY".equals(type)) {
                return null;
            }
            return new ExternalEvent(null, type, null, attribute, oldValue == null ? null : TextNode.valueOf(oldValue),
                    newValue == null ? null : TextNode.valueOf(newValue), null, null, null, null, null);
        }
    }

    private static final Pattern SENTENCE = Pattern.compile("^\\[(condition|consequence)]\\[[^]]*](.+?)=");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    @Inject
    PlayLibrary library;
    @Inject
    PlayVersions versions;
    @Inject
    PlayActivations activations;
    @Inject
    PlayChecks checks;
    @Inject
    PlayEditor editor;
    @Inject
    PlayRuns runs;
    @Inject
    DryRun dryRun;
    @Inject
    PlayPreview preview;
    @Inject
    RulesDirectory directory;
    @Inject
    PlayPermission permission;
    @Inject
    Actor actor;

    /** Every play, by name: those that compiled, and those whose every version was refused. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlayRow> plays(Instant since) {
        Set<String> active = activations.active();
        Map<String, PlayRow> rows = new TreeMap<>();
        for (PlayStatus play : library.plays()) {
            rows.put(play.name(), row(play.name(), play.team(), play.description(), play.status().name(),
                    active.contains(play.name()), since));
        }
        PlayVersion.getEntityManager().createQuery("select v from PlayVersion v where v.version = "
                        + "(select max(w.version) from PlayVersion w where w.play = v.play)", PlayVersion.class)
                .getResultList().stream().filter(v -> !rows.containsKey(v.play))
                .forEach(v -> rows.put(v.play, row(v.play, v.team, v.description, v.status.name(), false, since)));
        return List.copyOf(rows.values());
    }

    private PlayRow row(String play, String team, String description, String status, boolean active, Instant since) {
        Object[] stats = PlayRun.getEntityManager().createQuery("select max(r.at), count(r), "
                        + "coalesce(sum(case when r.outcome = :failed then 1 else 0 end), 0) from PlayRun r "
                        + "where r.play = :play and r.at >= :since", Object[].class)
                .setParameter("failed", PlayRun.Outcome.FAILED).setParameter("play", play).setParameter("since", since)
                .getSingleResult();
        return new PlayRow(play, team, description, status, active, (Instant) stats[0], ((Number) stats[1]).longValue(),
                ((Number) stats[2]).longValue());
    }

    /** The play as the editor opens it, or empty when no version of it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Draft> draft(String name) {
        Integer inForce = activations.versionInForce(name).orElse(null);
        Optional<PlayVersion> shown = inForce != null ? versions.find(name, inForce)
                : versions.latestOk(name).or(() -> versions.latest(name));
        return shown.map(v -> new Draft(v.play, v.fileName, v.source, v.version, v.status.name(), v.team,
                activations.isActive(name), inForce, versions.errors(v), versions.warnings(v)));
    }

    /**
     * Checks a text as a save would (compiled alone, then its roles, teams and attributes against the data), and
     * whether the caller may save it; writes nothing.
     */
    public Check check(String name, String text) {
        PlayFile file;
        try {
            file = PlayFile.of(PlayEditor.fileName(name, text), text);
        } catch (io.teamplay.common.ProblemException e) {
            return new Check(List.of(new PlayError(name, 1, 1, e.getMessage())), List.of());
        }
        PlayChecks.Verdict verdict = checks.check(file, true);
        verdict.close();
        List<PlayError> errors = new ArrayList<>(verdict.status().errors());
        if (file.team() != null && !permission.mayRunPlaysOf(file.team())) {
            errors.add(0, new PlayError(file.fileName(), 1, 1, "you do not belong to the team " + file.team()
                    + ": a play of that team cannot be saved by you"));
        }
        return new Check(List.copyOf(errors), verdict.warnings());
    }

    /** Saves a new version (422 with every error's line when refused), as PUT /api/plays/{name} does. */
    public PlayEditor.Saved save(String name, String text) {
        String play = PlayFile.nameOf(PlayEditor.fileName(name, text));
        permission.requireMayRun(play);
        permission.requireMayHandTo(PlayFile.of(PlayEditor.fileName(name, text), text).team(), play);
        return editor.save(name, text, actor.id());
    }

    public void activate(String name) {
        permission.requireMayRun(name);
        editor.activate(name, actor.id());
    }

    public void deactivate(String name) {
        permission.requireMayRun(name);
        editor.deactivate(name, actor.id());
    }

    /** Rolls back: that version in force, the play active. */
    public void rollback(String name, int version) {
        permission.requireMayRun(name);
        editor.rollback(name, version, actor.id());
    }

    public DryRun.Result dryRun(String name, String accountId, TrialEvent event) {
        permission.requireMayRun(name);
        return dryRun.run(name, accountId, event.external());
    }

    public PlayPreview.Result preview(String name, io.teamplay.segments.SegmentFilter filter, TrialEvent event) {
        permission.requireMayRun(name);
        return preview.run(name, new PlayPreview.Request(filter, event.external()));
    }

    /** True when the caller may change and run this play (edit controls are shown only then). */
    public boolean mayRun(String name) {
        return permission.mayRun(name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlayVersionView.Summary> versions(String name) {
        Integer inForce = activations.versionInForce(name).orElse(null);
        return versions.of(name).stream().map(v -> PlayVersionView.Summary.of(v, inForce)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlayVersionView.Detail> version(String name, int version) {
        Integer inForce = activations.versionInForce(name).orElse(null);
        return versions.find(name, version).map(v -> PlayVersionView.Detail.of(v, inForce, versions));
    }

    /** The unified diff from version {@code from} (null: nothing) to {@code to}; empty when they are the same. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String diff(String name, Integer from, int to) {
        PlayVersion after = versions.find(name, to).orElseThrow(() -> io.teamplay.common.ProblemException.notFound(
                "No version " + to + " of a play named " + name));
        PlayVersion before = from == null ? null : versions.find(name, from).orElseThrow(() ->
                io.teamplay.common.ProblemException.notFound("No version " + from + " of a play named " + name));
        return PlayDiff.unified(before, after);
    }

    public List<RunView> runs(String name, int limit) {
        return runs.of(name, limit);
    }

    /** The sentences of plays.dsl, as written in a play: placeholders as {@code {name}}, in the DSL's order. */
    public List<Sentence> sentences() {
        List<Sentence> sentences = new ArrayList<>();
        for (String line : directory.dsl().split("\n")) {
            Matcher found = SENTENCE.matcher(line.trim());
            if (found.find()) {
                String text = PLACEHOLDER.matcher(found.group(2).trim()).replaceAll("{$1}");
                sentences.add(new Sentence("condition".equals(found.group(1)) ? "when" : "then", text));
            }
        }
        return List.copyOf(sentences);
    }
}
