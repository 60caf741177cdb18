package io.teamplay.accounts;

import java.util.List;

/**
 * Fired inside the transaction of a bulk upsert ({@link AccountBulkUpsert}) in place of one {@link AccountCreated} or
 * {@link AttributeChanged} per change: the same changes, in order, for observers to record with set-based writes.
 */
public record AccountsImported(List<AccountCreated> created, List<AttributeChanged> changed) {
}
