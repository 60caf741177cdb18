package io.teamplay.plays.actions;

/**
 * What a play decided to do on the event's account, tagged with the play and rule that decided it.
 * Rules decide, services do: nothing here touches the database.
 */
public sealed interface PlayDecision {

    String play();

    String rule();

    /** The role (key) the decision is about. */
    String role();

    record AssignRole(String play, String rule, String role, String email) implements PlayDecision {
    }

    record AssignRoundRobin(String play, String rule, String role, String team) implements PlayDecision {
    }

    record AssignLeastLoaded(String play, String rule, String role, String team) implements PlayDecision {
    }

    record ClearRole(String play, String rule, String role) implements PlayDecision {
    }

    record CreateTask(String play, String rule, String role, String title, int dueInDays) implements PlayDecision {
    }

    record NotifyHolder(String play, String rule, String role, String message) implements PlayDecision {
    }
}
