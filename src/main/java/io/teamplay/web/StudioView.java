package io.teamplay.web;

import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.DryRun;
import io.teamplay.plays.PlayPreview;
import io.teamplay.plays.PlayStudio;
import io.teamplay.plays.PlayView;
import io.teamplay.plays.engine.PlayError;
import jakarta.ws.rs.FormParam;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the play studio's pages show, in the words of the page (outcomes as text, never as a colour alone). */
public final class StudioView {

    private StudioView() {
    }

    /** A new play's text to start from: the header, the DSL and one rule to fill in. */
    static String starter(String team) {
        return """
                // team: %s
                // description: What this play does, in one sentence.
                expander plays.dsl

                rule "Name this rule"
                when
                    the account is created
                then
                    create a task "Welcome call" for the "Success Manager" due in 7 days
                end
                """.formatted(team);
    }

    /** The play every page of the studio is about, and whether the viewer may change and run it. */
    public record Heading(String name, String team, String status, boolean active, int version, Integer versionInForce,
                   boolean mayRun) {
    }

    /** A unified diff, line by line: an added line starts with +, a removed one with - (said, not only coloured). */
    public record Diff(List<DiffLine> lines) {

        public record DiffLine(String text, String kind) {
        }

        static Diff of(String unified) {
            if (unified == null || unified.isEmpty()) {
                return new Diff(List.of());
            }
            return new Diff(unified.lines().map(l -> new DiffLine(l, l.startsWith("@@") ? "hunk"
                    : l.startsWith("+++") || l.startsWith("---") ? "file"
                    : l.startsWith("+") ? "added" : l.startsWith("-") ? "removed" : "same")).toList());
        }
    }

    /** The last action's answer. */
    public record Outcome(String message, boolean refused) {
    }

    /** One error or warning, at its line. */
    public record Finding(int line, int column, String message) {

        static Finding of(PlayError error) {
            return new Finding(error.line(), error.column(), error.message());
        }
    }

    /** One line of a play's text with its number, and whether a finding is on it (the editor's gutter). */
    public record Line(int number, String text, boolean wrong) {
    }

    /** A text as numbered lines, the lines with an error marked. */
    public record Lines(List<Line> lines) {

        static Lines of(String text, List<PlayView.Error> errors) {
            Set<Integer> wrong = errors.stream().map(PlayView.Error::line).collect(Collectors.toSet());
            return numbered(text, wrong);
        }

        static Lines numbered(String text, Set<Integer> wrong) {
            String[] split = (text == null ? "" : text).split("\n", -1);
            return new Lines(IntStream.rangeClosed(1, split.length)
                    .mapToObj(n -> new Line(n, split[n - 1], wrong.contains(n))).toList());
        }
    }

    /** What a check found in a text: errors and warnings, and the text's lines for the gutter. */
    public record Checked(List<Finding> errors, List<Finding> warnings, Lines lines, boolean checked) {

        static Checked none(String text) {
            return new Checked(List.of(), List.of(), Lines.numbered(text, Set.of()), false);
        }

        static Checked of(String text, List<PlayError> errors, List<PlayError> warnings) {
            List<Finding> wrong = errors.stream().map(Finding::of).toList();
            return new Checked(wrong, warnings.stream().map(Finding::of).toList(),
                    Lines.numbered(text, wrong.stream().map(Finding::line).collect(Collectors.toSet())), true);
        }

        /** A save refused: its errors with a line; one without (a bad name, too long) at line 1. */
        static Checked refused(String text, ProblemException refused) {
            List<Finding> wrong = refused.errors().isEmpty() ? List.of(new Finding(1, 1, refused.getMessage()))
                    : refused.errors().stream().map(StudioView::finding).toList();
            return new Checked(wrong, List.of(),
                    Lines.numbered(text, wrong.stream().map(Finding::line).collect(Collectors.toSet())), true);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static Finding finding(Problem.FieldError error) {
        return new Finding(error.line() == null ? 1 : error.line(), error.column() == null ? 1 : error.column(),
                error.field() == null ? error.message() : error.field() + ": " + error.message());
    }

    /** The editor: the play's name (empty for a new play), its text, and whether the viewer may save it. */
    public record Editor(String name, String source, boolean editable, Checked checked, int rows) {

        static Editor of(String name, String source, boolean editable, Checked checked) {
            return new Editor(name, source, editable, checked, Math.max(16, checked.lines().lines().size() + 2));
        }

        public boolean isNew() {
            return name == null || name.isBlank();
        }
    }

    /** The dry run and preview forms as posted: an account, or a segment filter; the event to fire. */
    public static class TrialForm {

        static final TrialForm EMPTY = new TrialForm();

        @FormParam("accountId")
        public String accountId;
        @FormParam("role")
        public String role;
        @FormParam("assignee")
        public String assignee;
        @FormParam("attribute")
        public String attribute;
        @FormParam("value")
        public String value;
        @FormParam("eventType")
        public String eventType;
        @FormParam("eventAttribute")
        public String eventAttribute;
        @FormParam("oldValue")
        public String oldValue;
        @FormParam("newValue")
        public String newValue;

        PlayStudio.TrialEvent event() {
            return new PlayStudio.TrialEvent(Formats.blankToNull(eventType), Formats.blankToNull(eventAttribute),
                    Formats.blankToNull(oldValue), Formats.blankToNull(newValue));
        }

        /** The event type chosen (the daily tick when none). */
        public String chosenEvent() {
            return eventType == null ? "DAILY" : eventType;
        }
    }

    /** One change a play would make, said in words: what, and whether it would apply, is already so, or would fail. */
    public record ChangeRow(String rule, String action, String role, String what, String outcome, boolean fails) {

        static ChangeRow of(DryRun.Change change) {
            String outcome = String.valueOf(change.outcome());
            String what = change.wouldFail() != null ? change.wouldFail()
                    : change.after() != null || change.before() != null
                    ? (change.before() == null ? "nobody" : change.before()) + " → "
                    + (change.after() == null ? "nobody" : change.after())
                    : change.detail() == null ? "" : change.detail();
            if (change.tasksMoving() != null && !change.tasksMoving().isEmpty()) {
                what += " (" + change.tasksMoving().size() + " open task(s) would move)";
            }
            if (change.overExistingHolder()) {
                what += " (replaces the current holder)";
            }
            String said = change.wouldFail() != null ? "Would fail" : switch (outcome) {
                case "APPLIED" -> "Would change";
                case "UNCHANGED" -> "Already so";
                default -> outcome;
            };
            return new ChangeRow(change.rule(), change.action(), change.role(), what, said, change.wouldFail() != null);
        }
    }

    /** A dry run's answer on one account. */
    public record DryRunShown(String accountId, String eventType, List<ChangeRow> changes) {

        static DryRunShown of(DryRun.Result result) {
            return new DryRunShown(result.accountId(), result.eventType(),
                    result.changes().stream().map(ChangeRow::of).toList());
        }
    }

    /** A preview's answer: the totals, and per account what would change or why the play failed there. */
    public record PreviewShown(String eventType, int matched, int changing, int failing, List<AccountRow> accounts) {

        public record AccountRow(String accountId, String accountName, List<ChangeRow> changes, String failure) {
        }

        static PreviewShown of(PlayPreview.Result result) {
            return new PreviewShown(result.eventType(), result.matched(), result.changing(), result.failing(),
                    result.changes().stream().map(p -> new AccountRow(p.accountId(), p.accountName(),
                            p.changes().stream().map(ChangeRow::of).toList(), p.failure())).toList());
        }
    }
}
