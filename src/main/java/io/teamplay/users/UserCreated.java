package io.teamplay.users;

/** Fired inside the creating transaction: pending assignments to this email resolve their name now. */
public record UserCreated(String email, String name) {
}
