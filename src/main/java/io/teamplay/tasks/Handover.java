package io.teamplay.tasks;

/**
 * A role changing hands on an account.
 *
 * @param fromStillHoldsAnotherRole whether the previous holder keeps another role on this account: if so, their
 *                                  tasks with no role stay with them
 */
public record Handover(String accountId, String role, String fromEmail, String toEmail, boolean fromStillHoldsAnotherRole) {

    /** The tasks "of that role": open, on the account, the previous holder's, through this role or through none. */
    boolean concerns(Task task) {
        if (task.status != TaskStatus.OPEN || !fromEmail.equals(task.assignee) || !accountId.equals(task.accountId)) {
            return false;
        }
        return role.equals(task.role) || (task.role == null && !fromStillHoldsAnotherRole);
    }
}
