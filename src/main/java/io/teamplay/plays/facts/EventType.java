package io.teamplay.plays.facts;

/**
 * What happened to an account. DAILY is the once-a-day tick that time-based plays react to. LEAVE_STARTED: a user
 * holding a seat on the account is out of office (from the first day of the leave); LEAVE_ENDED: a user is back, on
 * one account their cover took (the event lists them all).
 */
public enum EventType {
    ACCOUNT_CREATED,
    ATTRIBUTE_CHANGED,
    ASSIGNMENT_CHANGED,
    USER_DISABLED,
    DAILY,
    LEAVE_STARTED,
    LEAVE_ENDED
}
