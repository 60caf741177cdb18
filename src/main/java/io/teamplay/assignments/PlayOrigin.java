package io.teamplay.assignments;

/**
 * The play behind a change: its name and owning team (whose members it may assign), the rule that decided, the event
 * it reacted to, and how deep in a cascade of plays it is.
 */
public record PlayOrigin(String play, String team, String rule, String eventId, int depth) {
}
