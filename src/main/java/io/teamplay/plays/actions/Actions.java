package io.teamplay.plays.actions;

import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.RoleKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The global {@code actions} every play writes its decisions to. One instance per firing, so never shared between
 * threads. Roles may be given by display name ("Success Manager") or key ("success_manager"). Messages have their
 * merge fields ({account.name}, {old}...) filled from the firing's facts when the decision is taken.
 */
public final class Actions {

    public static final String GLOBAL = "actions";

    /** The priorities a task may have. */
    public static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");

    private final List<PlayDecision> decisions = new ArrayList<>();
    private final DecisionGuard guard;
    private AccountEvent event;
    private Account account;
    /** The play and rule whose then part is running; null outside then parts (e.g. while conditions are checked). */
    private String play;
    private String rule;
    private String once;
    private List<Object> matched = List.of();

    public Actions() {
        this(DecisionGuard.NONE);
    }

    /** Actions whose every decision is first cleared by the guard (the limits of the event's firing). */
    public Actions(DecisionGuard guard) {
        this.guard = guard;
    }

    /** Sets the role to that user (email). */
    public void assign(String role, String email) {
        record(new PlayDecision.AssignRole(play, rule, key(role), required(email, "email").trim(), once));
    }

    /** Sets the role to the next member of the team, in turn. */
    public void assignRoundRobin(String role, String team) {
        record(new PlayDecision.AssignRoundRobin(play, rule, key(role), required(team, "team"), 0, once));
    }

    /** Sets the role to the next member of the team, in turn, skipping members holding {@code cap} seats of it. */
    public void assignRoundRobinWithin(String role, String team, int cap) {
        record(new PlayDecision.AssignRoundRobin(play, rule, key(role), required(team, "team"), positive(cap), once));
    }

    /** Sets the role to the member of the team who holds that role on the fewest accounts. */
    public void assignLeastLoaded(String role, String team) {
        record(new PlayDecision.AssignLeastLoaded(play, rule, key(role), required(team, "team"), 0, once));
    }

    /** Like {@link #assignLeastLoaded}, among the members holding fewer than {@code cap} seats of the role. */
    public void assignLeastLoadedWithin(String role, String team, int cap) {
        record(new PlayDecision.AssignLeastLoaded(play, rule, key(role), required(team, "team"), positive(cap), once));
    }

    /** Sets the role to the cover named by the user whose leave the event is about. */
    public void assignCover(String role) {
        record(new PlayDecision.AssignCover(play, rule, key(role), event == null ? null : event.getCoverEmail(), once));
    }

    /** Creates a task for the user back from leave the event is about, due in that many days (0 = today). */
    public void createTaskForReturningUser(String title, int dueInDays) {
        if (dueInDays < 0) {
            throw new IllegalArgumentException("a task cannot be due in " + dueInDays + " days");
        }
        record(new PlayDecision.CreateTaskForUser(play, rule, event == null ? null : event.getUserEmail(),
                merged(required(title, "title")), dueInDays, once));
    }

    /** Removes whoever holds the role. */
    public void clear(String role) {
        record(new PlayDecision.ClearRole(play, rule, key(role), once));
    }

    /** Creates a task for whoever holds the role, due in that many days (0 = today). */
    public void createTask(String role, String title, int dueInDays) {
        task(role, title, dueInDays, null);
    }

    /** Creates a task for whoever holds the role, due in that many days, with a priority (low ... urgent). */
    public void createTaskWithPriority(String role, String title, int dueInDays, String priority) {
        String level = required(priority, "priority").trim().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(level)) {
            throw new IllegalArgumentException("'" + priority + "' is not a priority: low, normal, high or urgent");
        }
        task(role, title, dueInDays, level);
    }

    private void task(String role, String title, int dueInDays, String priority) {
        if (dueInDays < 0) {
            throw new IllegalArgumentException("a task cannot be due in " + dueInDays + " days");
        }
        record(new PlayDecision.CreateTask(play, rule, key(role), merged(required(title, "title")), dueInDays,
                priority, once));
    }

    /** Tells whoever holds the role, in the app. */
    public void notifyHolder(String role, String message) {
        record(new PlayDecision.NotifyHolder(play, rule, key(role), merged(required(message, "message")), once));
    }

    /** Tells whoever holds the role by email, in their next digest. */
    public void emailHolder(String role, String message) {
        record(new PlayDecision.EmailHolder(play, rule, key(role), merged(required(message, "message")), once));
    }

    /** Sets an attribute of the account ("" removes it); "12" and "true" are stored as a number and a boolean. */
    public void setAttribute(String attribute, String value) {
        record(new PlayDecision.SetAttribute(play, rule, required(attribute, "attribute").trim(),
                value == null ? "" : merged(value), once));
    }

    /**
     * Keeps a decision taken in a then part. Conditions of every play (inactive ones too) are evaluated while rules
     * fire, so a call from a condition would be taken under the name of whatever rule fired last: it is dropped.
     */
    private void record(PlayDecision decision) {
        if (play != null) {
            guard.beforeDecision(decisions.size());
            decisions.add(decision);
        }
    }

    /** What the plays decided, in firing order. */
    public List<PlayDecision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    /** The event and account this firing is about, for the merge fields of messages. */
    public void about(AccountEvent event, Account account) {
        this.event = event;
        this.account = account;
    }

    void firing(String play, String rule, String once, List<Object> matched) {
        this.play = play;
        this.rule = rule;
        this.once = once;
        this.matched = matched;
    }

    private String merged(String text) {
        return MergeFields.fill(text, event, account, matched);
    }

    private static int positive(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("a limit of seats is at least 1, not " + cap);
        }
        return cap;
    }

    private static String key(String role) {
        String key = RoleKey.of(required(role, "role"));
        if (key.isEmpty()) {
            throw new IllegalArgumentException("'" + role + "' is not a role");
        }
        return key;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an action needs a " + what);
        }
        return value;
    }
}
