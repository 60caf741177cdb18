package io.teamplay.roles;

public record RoleView(String key, String displayName, String description, RoleSource source, boolean editable,
                       EmptyValueBehavior emptyValueBehavior) {
}
