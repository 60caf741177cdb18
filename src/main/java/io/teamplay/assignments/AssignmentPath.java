package io.teamplay.assignments;

/** The source of a change; each path has its eligibility rule, and is recorded in history by name. */
public enum AssignmentPath {
    ACCOUNT_PAGE(Eligibility.TEAM_EDITOR),
    BULK_EDIT(Eligibility.TEAM_EDITOR),
    INTEGRATION(Eligibility.INTEGRATION),
    PLAY(Eligibility.PLAY_TEAM_MEMBER),
    USER_DISABLE(Eligibility.FORCED_REASSIGNMENT),
    ROLE_DELETED(Eligibility.NOBODY);

    final Eligibility eligibility;

    AssignmentPath(Eligibility eligibility) {
        this.eligibility = eligibility;
    }
}
