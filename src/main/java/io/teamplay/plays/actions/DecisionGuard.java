package io.teamplay.plays.actions;

/**
 * Asked before each decision of a then part is kept; throws to stop the firing when a limit of the event was passed
 * (too many decisions, too long). Plays cannot reach it, and cannot catch what it throws.
 */
@FunctionalInterface
public interface DecisionGuard {

    DecisionGuard NONE = decisionsSoFar -> { };

    void beforeDecision(int decisionsSoFar);
}
