package io.teamplay.users;

public record UserRenamed(String email, String name) {
}
