package io.teamplay.roles;

/** Where a role's values come from. */
public enum RoleSource {
    APP, INTEGRATION, API
}
