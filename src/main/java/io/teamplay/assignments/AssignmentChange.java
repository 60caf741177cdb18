package io.teamplay.assignments;

/**
 * A request to change one seat of an account's team, whatever its source.
 *
 * @param assignee null to clear the role
 * @param play     set only when {@code path} is {@link AssignmentPath#PLAY}
 */
public record AssignmentChange(String accountId, String role, Assignee assignee, AssignmentPath path, String actor,
                               PlayOrigin play) {

    public static AssignmentChange assign(String accountId, String role, Assignee assignee, AssignmentPath path, String actor) {
        return new AssignmentChange(accountId, role, assignee, path, actor, null);
    }

    public static AssignmentChange clear(String accountId, String role, AssignmentPath path, String actor) {
        return new AssignmentChange(accountId, role, null, path, actor, null);
    }

    boolean clears() {
        return assignee == null;
    }

    /** The account is looked up (and locked) by its trimmed id: the seat must be written under the same id. */
    AssignmentChange trimmed() {
        return accountId == null ? this : new AssignmentChange(accountId.trim(), role, assignee, path, actor, play);
    }
}
