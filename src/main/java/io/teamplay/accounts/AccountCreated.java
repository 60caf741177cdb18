package io.teamplay.accounts;

/** Fired inside the creating transaction. */
public record AccountCreated(AccountView account, String actor) {
}
