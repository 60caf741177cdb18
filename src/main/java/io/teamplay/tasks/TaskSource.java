package io.teamplay.tasks;

/** Where a task came from: a person (MANUAL) or an automated source. */
public enum TaskSource {
    MANUAL, PLAY, INTEGRATION, AUTOMATION
}
