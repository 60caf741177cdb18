package io.teamplay.tasks;

/**
 * What happens to the previous holder's open tasks of a role when the role changes hands. Which tasks are "of that
 * role" is decided by {@link Handover}; the policy only picks among them.
 */
public enum TaskOwnershipPolicy {
    /** Ownership moves; tasks stay where they are. */
    ACCOUNT_ONLY {
        @Override
        boolean moves(Task task) {
            return false;
        }
    },
    /** Open tasks move to the new holder, except those a person created by hand. */
    OPEN_TASKS_EXCEPT_MANUAL {
        @Override
        boolean moves(Task task) {
            return task.source != TaskSource.MANUAL;
        }
    },
    /** All open tasks move, manual ones included. */
    ALL_OPEN_TASKS {
        @Override
        boolean moves(Task task) {
            return true;
        }
    };

    abstract boolean moves(Task task);
}
