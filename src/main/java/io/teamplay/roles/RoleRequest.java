package io.teamplay.roles;

/** Body of POST and PATCH /api/roles; on PATCH, null fields are left as they are. */
public record RoleRequest(String displayName, String description, RoleSource source, Boolean editable,
                          EmptyValueBehavior emptyValueBehavior) {
}
