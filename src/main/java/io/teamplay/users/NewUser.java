package io.teamplay.users;

import jakarta.validation.constraints.NotNull;

import java.util.List;

public record NewUser(String email, String name, @NotNull(message = "{user.license.required}") License license, Permission permission, List<String> teams) {
}
