package io.teamplay.imports;

import io.teamplay.accounts.ImportOutcome;

/** Running counts of one import. */
final class ImportTally {
    long rows;
    long created;
    long updated;
    long unchanged;
    final ImportErrors errors = new ImportErrors();

    /** A row applied: its account created, or changed (name, attribute or seat), or left as it was. */
    void count(ImportOutcome account, boolean seatsChanged) {
        if (account == ImportOutcome.CREATED) {
            created++;
        } else if (account == ImportOutcome.UPDATED || seatsChanged) {
            updated++;
        } else {
            unchanged++;
        }
    }
}
