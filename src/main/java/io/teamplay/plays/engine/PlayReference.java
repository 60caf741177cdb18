package io.teamplay.plays.engine;

/**
 * A name a play uses that the service must know: a role, a team, an account attribute or a saved segment, written as a literal, with
 * where it stands in the author's file (1-based line and column).
 */
public record PlayReference(Kind kind, String name, int line, int column) {

    public enum Kind { ROLE, TEAM, ATTRIBUTE, SEGMENT }
}
