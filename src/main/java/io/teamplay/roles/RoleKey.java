package io.teamplay.roles;

import io.teamplay.common.ProblemException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for role keys. A role's display name holds letters, digits and spaces, starting with a letter; its key
 * is that name in lower case with each run of spaces made one underscore ("Success Manager" -> success_manager).
 * <p>
 * {@link #derive} applies the rule to a new name and refuses any other name (400 on {@code POST /api/roles}).
 * {@link #of} is the lenient lookup plays use (through {@code plays.facts.RoleKey}): it applies the same
 * normalisation to a display name or a key, in any case, without refusing, so "Success Manager", "success_manager"
 * and "Success_Manager" all name success_manager. A name no role could have ("Sales-Manager") is kept as it is
 * ("sales-manager") and matches no role, so the play's save reports the unknown role instead of quietly meaning
 * another one.
 */
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
        return keyOf(name);
    }

    /** The key a role's display name or key stands for; null for null. */
    public static String of(String nameOrKey) {
        return nameOrKey == null ? null : keyOf(nameOrKey.trim());
    }

    private static String keyOf(String trimmed) {
        return trimmed.toLowerCase(Locale.ROOT).replaceAll(" +", "_");
    }
}
