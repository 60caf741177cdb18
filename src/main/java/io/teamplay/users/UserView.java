package io.teamplay.users;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** What other features may know of a user. */
public record UserView(String email, String name, License license, Permission permission, UserStatus status,
                       List<String> teams) {

    @JsonIgnore
    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public boolean isMemberOf(String team) {
        return teams.stream().anyMatch(t -> t.equalsIgnoreCase(team));
    }
}
