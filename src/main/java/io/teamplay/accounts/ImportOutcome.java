package io.teamplay.accounts;

/** What an upsert from an integration did to the account row itself. */
public enum ImportOutcome {
    CREATED, UPDATED, UNCHANGED
}
