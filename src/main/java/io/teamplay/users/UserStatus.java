package io.teamplay.users;

public enum UserStatus {
    ACTIVE, DISABLED
}
