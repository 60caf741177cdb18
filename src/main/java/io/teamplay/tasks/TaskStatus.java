package io.teamplay.tasks;

public enum TaskStatus {
    OPEN, DONE
}
