package io.teamplay.roles;

import io.teamplay.common.ProblemException;

import java.util.Locale;
import java.util.regex.Pattern;

/** A role's key: lower snake case derived from its display name ("Success Manager" -> success_manager). */
public final class RoleKey {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z][A-Za-z0-9 ]*");

    private RoleKey() {
    }

    public static String derive(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.badRequest("displayName", "displayName is required");
        }
        String name = displayName.trim();
        if (!ALLOWED.matcher(name).matches()) {
            throw ProblemException.badRequest("displayName",
                    "'" + name + "' has special characters: a role name may only hold letters, digits and spaces, starting with a letter");
        }
        if (name.length() > 100) {
            throw ProblemException.badRequest("displayName", "displayName is longer than 100 characters");
        }
        return name.toLowerCase(Locale.ROOT).replaceAll(" +", "_");
    }
}
