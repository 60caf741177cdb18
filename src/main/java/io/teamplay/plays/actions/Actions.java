package io.teamplay.plays.actions;

import io.teamplay.plays.facts.RoleKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The global {@code actions} every play writes its decisions to. One instance per firing, so never shared between
 * threads. Roles may be given by display name ("Success Manager") or key ("success_manager").
 */
public final class Actions {

    public static final String GLOBAL = "actions";

    private final List<PlayDecision> decisions = new ArrayList<>();
    private final DecisionGuard guard;
    /** The play and rule whose then part is running; null outside then parts (e.g. while conditions are checked). */
    private String play;
    private String rule;

    public Actions() {
        this(DecisionGuard.NONE);
    }

    /** Actions whose every decision is first cleared by the guard (the limits of the event's firing). */
    public Actions(DecisionGuard guard) {
        this.guard = guard;
    }

    /** Sets the role to that user (email). */
    public void assign(String role, String email) {
        record(new PlayDecision.AssignRole(play, rule, key(role), required(email, "email").trim()));
    }

    /** Sets the role to the next member of the team, in turn. */
    public void assignRoundRobin(String role, String team) {
        record(new PlayDecision.AssignRoundRobin(play, rule, key(role), required(team, "team")));
    }

    /** Sets the role to the member of the team who holds that role on the fewest accounts. */
    public void assignLeastLoaded(String role, String team) {
        record(new PlayDecision.AssignLeastLoaded(play, rule, key(role), required(team, "team")));
    }

    /** Removes whoever holds the role. */
    public void clear(String role) {
        record(new PlayDecision.ClearRole(play, rule, key(role)));
    }

    /** Creates a task for whoever holds the role, due in that many days (0 = today). */
    public void createTask(String role, String title, int dueInDays) {
        if (dueInDays < 0) {
            throw new IllegalArgumentException("a task cannot be due in " + dueInDays + " days");
        }
        record(new PlayDecision.CreateTask(play, rule, key(role), required(title, "title"), dueInDays));
    }

    /** Tells whoever holds the role, in the app. */
    public void notifyHolder(String role, String message) {
        record(new PlayDecision.NotifyHolder(play, rule, key(role), required(message, "message")));
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

    void firing(String play, String rule) {
        this.play = play;
        this.rule = rule;
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
