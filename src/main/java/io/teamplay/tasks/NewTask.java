package io.teamplay.tasks;

import java.time.LocalDate;

/**
 * Body of POST /api/tasks: {@code role} assigns the task to the current holder of that role; {@code priority}
 * defaults to NORMAL.
 */
public record NewTask(String accountId, String title, String assignee, String role, TaskSource source, LocalDate dueDate,
                      TaskPriority priority) {
}
