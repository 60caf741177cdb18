package io.teamplay.users;

public enum Permission {
    ADMIN, ADVANCED, STANDARD, READ_ONLY;

    /** Roles and the task-ownership policy are defined by global admins and advanced users only. */
    public boolean mayDefineRolesAndPolicy() {
        return this == ADMIN || this == ADVANCED;
    }

    public boolean mayChange() {
        return this != READ_ONLY;
    }
}
