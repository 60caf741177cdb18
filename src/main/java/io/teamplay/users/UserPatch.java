package io.teamplay.users;

import java.util.List;

/** Any of the fields; null means "leave as it is". */
public record UserPatch(String name, License license, Permission permission, List<String> teams) {
}
