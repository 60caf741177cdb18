package io.teamplay.common.access;

/**
 * The roles a caller's {@code SecurityIdentity} carries: exactly one, its permission ({@code users.Permission}).
 * There is no hierarchy: every resource method lists in {@code @RolesAllowed} each permission that may call it, so
 * the annotation reads as the README's table ("ADMIN or ADVANCED") and nothing is implied elsewhere.
 */
public final class Access {

    public static final String ADMIN = "ADMIN";
    public static final String ADVANCED = "ADVANCED";
    public static final String STANDARD = "STANDARD";
    public static final String READ_ONLY = "READ_ONLY";

    private Access() {
    }
}
