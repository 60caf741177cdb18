package io.teamplay.assignments;

/** Fired inside the disabling transaction, after everything the user owned moved to {@code reassignedTo}. */
public record UserDisabled(String email, String reassignedTo, int assignmentsMoved, int tasksMoved, String actor) {
}
