package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * While no play is in force the worker marks pending events done unfired, a batch at a time. An event queued just
 * after a play came in force must fire it, however the worker's sweep and the activation interleave. (ShippedPlaysTest
 * once lost a daily tick so: the worker found the book empty, a play came in force and the tick was queued, then the
 * worker's sweep, decided on the empty book, marked the tick done.)
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayComingInForceTest {

    private static final int ROUNDS = 40;
    private static final int SWEEPERS = 4;

    @Inject
    PlayEditor editor;
    @Inject
    PlayEventOutbox outbox;
    @Inject
    PlayWorker worker;

    @Test
    void anEventQueuedJustAfterAPlayComesInForceFiresIt() throws InterruptedException {
        String team = unique("Sweep");
        String holder = user("Sid Sweep", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, SUCCESS_MANAGER, holder);
        String play = unique("sweep");
        put(play, sentences(team, "a new day starts", "notify the \"Success Manager\" that \"a new day\""))
                .statusCode(201);
        // more workers taking the worker's turns (as drain() does), so one is often between its look at the book and
        // its sweep when the play comes in force
        AtomicBoolean sweeping = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> sweepers = new ArrayList<>();
        for (int i = 0; i < SWEEPERS; i++) {
            Thread sweeper = new Thread(() -> {
                while (sweeping.get()) {
                    try {
                        worker.handleNext();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "sweeper-" + i);
            sweeper.start();
            sweepers.add(sweeper);
        }
        int fired = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                LocalDate day = LocalDate.now().plusDays(round);
                editor.activate(play, "test");
                QuarkusTransaction.requiringNew().run(() -> outbox.queueDaily(accountId, day));
                eventually(() -> asAdmin().get("/api/events/{id}", AccountEvent.dailyId(accountId, day)).then()
                        .extract().<String>path("event.status"), "DONE"::equals);
                fired = runs(play, accountId).size();
                editor.deactivate(play, "test");
                assertEquals(round + 1, fired, "the tick of " + day + " fired the play that was in force");
            }
        } finally {
            sweeping.set(false);
            for (Thread sweeper : sweepers) {
                sweeper.join();
            }
            asAdmin().post("/api/plays/{name}/deactivate", play);
        }
        assertEquals(List.of(), List.copyOf(failures));
    }
}
