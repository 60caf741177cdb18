package io.teamplay.plays.facts;

/** What happened to an account. DAILY is the once-a-day tick that time-based plays react to. */
public enum EventType {
    ACCOUNT_CREATED,
    ATTRIBUTE_CHANGED,
    ASSIGNMENT_CHANGED,
    USER_DISABLED,
    DAILY
}
