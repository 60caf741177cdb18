package io.teamplay.tasks;

/** How urgent a task is; NORMAL unless said otherwise. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}
