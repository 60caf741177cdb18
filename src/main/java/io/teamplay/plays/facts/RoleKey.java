package io.teamplay.plays.facts;

import java.util.Locale;

/**
 * Turns a role's display name ("Success Manager") or key ("success_manager") into its key:
 * lower snake case, every run of other characters becoming one underscore.
 */
public final class RoleKey {

    private RoleKey() {
    }

    public static String of(String nameOrKey) {
        if (nameOrKey == null) {
            return null;
        }
        String key = nameOrKey.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return key.replaceAll("^_+|_+$", "");
    }
}
