package io.teamplay.plays.actions;

/**
 * What a play decided to do on the event's account, tagged with the play and rule that decided it, and the key of
 * the plays' memory the firing was about ({@code once}: "account", "renewal_date=2027-03-31"; null when the rule does
 * not remember). Rules decide, services do: nothing here touches the database.
 */
public sealed interface PlayDecision {

    String play();

    String rule();

    /** The role (key) the decision is about; null for an attribute. */
    String role();

    /** The memory key of the firing, or null. */
    String once();

    record AssignRole(String play, String rule, String role, String email, String once) implements PlayDecision {
        public AssignRole(String play, String rule, String role, String email) {
            this(play, rule, role, email, null);
        }
    }

    /** In turn among the team's active members; {@code cap} > 0 skips members holding that many seats of the role. */
    record AssignRoundRobin(String play, String rule, String role, String team, int cap, String once)
            implements PlayDecision {
        public AssignRoundRobin(String play, String rule, String role, String team) {
            this(play, rule, role, team, 0, null);
        }
    }

    /** The member with the fewest seats of the role; {@code cap} > 0 skips members holding that many. */
    record AssignLeastLoaded(String play, String rule, String role, String team, int cap, String once)
            implements PlayDecision {
        public AssignLeastLoaded(String play, String rule, String role, String team) {
            this(play, rule, role, team, 0, null);
        }
    }

    record ClearRole(String play, String rule, String role, String once) implements PlayDecision {
        public ClearRole(String play, String rule, String role) {
            this(play, rule, role, null);
        }
    }

    /** A task for the holder of the role; {@code priority} LOW, NORMAL, HIGH or URGENT (null: NORMAL). */
    record CreateTask(String play, String rule, String role, String title, int dueInDays, String priority, String once)
            implements PlayDecision {
        public CreateTask(String play, String rule, String role, String title, int dueInDays) {
            this(play, rule, role, title, dueInDays, null, null);
        }
    }

    /** An in-app notice to the holder of the role. */
    record NotifyHolder(String play, String rule, String role, String message, String once) implements PlayDecision {
        public NotifyHolder(String play, String rule, String role, String message) {
            this(play, rule, role, message, null);
        }
    }

    /** An email to the holder of the role, sent with their next digest. */
    record EmailHolder(String play, String rule, String role, String message, String once) implements PlayDecision {
    }

    /** Sets an attribute of the account (an empty value removes it), typed as a CSV cell is. */
    record SetAttribute(String play, String rule, String attribute, String value, String once) implements PlayDecision {
        @Override
        public String role() {
            return null;
        }
    }

    /** The role goes to the cover of the user on leave the event is about ({@code email} null: they named none). */
    record AssignCover(String play, String rule, String role, String email, String once) implements PlayDecision {
    }

    /** A task for a user named by the event (the user back from leave), not through a role. */
    record CreateTaskForUser(String play, String rule, String email, String title, int dueInDays, String once)
            implements PlayDecision {
        @Override
        public String role() {
            return null;
        }
    }
}
