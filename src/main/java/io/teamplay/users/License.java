package io.teamplay.users;

public enum License {
    PRACTITIONER, CONTRIBUTOR, VIEWER
}
