package io.teamplay.tasks;

import java.time.LocalDate;

public record TaskView(long id, String accountId, String title, String assignee, String role, TaskSource source,
                       TaskStatus status, LocalDate dueDate, TaskPriority priority) {
}
