package io.teamplay.users;

import java.util.List;

public record NewUser(String email, String name, License license, Permission permission, List<String> teams) {
}
