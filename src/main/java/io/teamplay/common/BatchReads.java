package io.teamplay.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a batch of events has read once for all its events, kept with the batch's transaction and gone with it (commit
 * or rollback: a batch handled again reads afresh). Outside a batch nothing is kept.
 */
@ApplicationScoped
public class BatchReads {

    private static final Object KEY = BatchReads.class.getName();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** From now until the caller's transaction ends, reads asked {@link #once} are read once. */
    public void begin() {
        transactions.putResource(KEY, new HashMap<>());
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<Object, Object>> current() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return Optional.empty();
        }
        return Optional.ofNullable((Map<Object, Object>) transactions.getResource(KEY));
    }

    /** Inside a batch, what was read under this key (read now the first time); outside, read now. */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> read) {
        Optional<Map<Object, Object>> batch = current();
        if (batch.isEmpty()) {
            return read.get();
        }
        Object found = batch.get().get(key);
        if (found == null) {
            found = read.get();
            batch.get().put(key, found);
        }
        return (T) found;
    }

    /** Inside a batch, what was kept under this key (made now the first time); outside, empty. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> kept(Object key, Supplier<T> make) {
        return current().map(batch -> (T) batch.computeIfAbsent(key, k -> make.get()));
    }

    /** Inside a batch, what was kept under this key, if anything. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Object key) {
        return current().map(batch -> (T) batch.get(key));
    }
}
