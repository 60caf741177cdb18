package io.teamplay.accounts;

import java.time.Instant;

/** One change of an account's attribute: when, from and to what (null: not set), by which path, actor and play. */
public record AttributeHistoryView(Instant at, String attribute, String fromValue, String toValue, String source,
                                   String actor, String play) {
}
