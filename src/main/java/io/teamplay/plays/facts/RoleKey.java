package io.teamplay.plays.facts;

/**
 * {@code RoleKey.of("Success Manager")} for plays, which may only name the fact model: the roles feature's one rule
 * ({@link io.teamplay.roles.RoleKey#of}), so a play and {@code /api/roles} agree on every key.
 */
public final class RoleKey {

    private RoleKey() {
    }

    public static String of(String nameOrKey) {
        return io.teamplay.roles.RoleKey.of(nameOrKey);
    }
}
