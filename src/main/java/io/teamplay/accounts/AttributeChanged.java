package io.teamplay.accounts;

/** Fired inside the changing transaction, once per attribute whose value changed (null = absent). */
public record AttributeChanged(String accountId, String attribute, Object oldValue, Object newValue, String actor) {
}
