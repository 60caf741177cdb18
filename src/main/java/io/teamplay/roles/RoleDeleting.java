package io.teamplay.roles;

/** Fired inside the deleting transaction, before the role goes: its assignments are removed and recorded. */
public record RoleDeleting(String roleKey, String actor) {
}
