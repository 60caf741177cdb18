package io.teamplay.assignments;

/** One seat of an account's team; {@code name} is null while no user has that email yet. */
public record TeamMember(String role, String roleName, String email, String name) {
}
