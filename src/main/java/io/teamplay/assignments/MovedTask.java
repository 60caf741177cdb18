package io.teamplay.assignments;

/** A task that changed hands with a role. */
public record MovedTask(long id, String title, String fromEmail) {
}
