package io.teamplay.assignments;

import java.util.List;

/** What a change did: the seat as it is now (email null when cleared), and the tasks that moved with it. */
public record AssignmentOutcome(String accountId, String role, String fromEmail, String email, String name,
                                boolean changed, List<MovedTask> movedTasks) {

    public int tasksMoved() {
        return movedTasks.size();
    }
}
