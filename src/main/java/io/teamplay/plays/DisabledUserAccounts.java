package io.teamplay.plays;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The accounts a user being disabled left, in the disabling transaction: one USER_DISABLED event per account, however
 * many seats the user held there (each seat's reassignment is an AssignmentChanged of its own).
 */
@TransactionScoped
class DisabledUserAccounts implements Serializable {

    private final Set<String> queued = new HashSet<>();

    /** True the first time this user's departure from this account is seen in the transaction. */
    boolean firstOf(String email, String accountId) {
        return queued.add(email + "\n" + accountId);
    }
}
