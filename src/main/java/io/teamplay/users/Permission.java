package io.teamplay.users;

/** What a user may do; the caller's permission is their identity's one role (see io.teamplay.common.access.Access). */
public enum Permission {
    ADMIN, ADVANCED, STANDARD, READ_ONLY
}
