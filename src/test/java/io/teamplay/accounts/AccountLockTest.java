package io.teamplay.accounts;

import static io.teamplay.TestFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link AccountService#lock} serialises every team change on one account: however many transactions ask at once,
 * one at a time holds the account. (With Hibernate 7.2.6, a find() with a lock on Account, which fetches its
 * attributes by a join, locked by a follow-on statement whose list of rows was shared by every session: one session
 * could empty another's list and go on without any lock; AssignmentTest's racers then saw two seats inserted.)
 */
@QuarkusTest
class AccountLockTest {

    private static final int THREADS = 8;
    private static final int TRANSACTIONS = 200;

    @Inject
    AccountService accounts;

    @Test
    void oneTransactionAtATimeHoldsTheAccountLock() throws Exception {
        String id = account(Map.of("tier", "gold", "region", "EMEA"));
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Void>> transactions = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            transactions.add(() -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    accounts.lock(id);
                    most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread.yield(); // others queue on the lock meanwhile
                    holding.decrementAndGet(); // before the commit that releases the lock
                });
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Void> done : pool.invokeAll(transactions)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, most.get(), "transactions that held the account's lock at the same time");
    }
}
