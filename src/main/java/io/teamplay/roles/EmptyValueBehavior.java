package io.teamplay.roles;

/** What an empty cell in an uploaded file does to the current assignee. */
public enum EmptyValueBehavior {
    /** Keep the current assignee. */
    IGNORE,
    /** Remove the current assignee. */
    CLEAR
}
