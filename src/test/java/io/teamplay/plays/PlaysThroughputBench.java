package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * End-to-end throughput with 20 active plays: events queued in the outbox, handled by the worker (one transaction per
 * event: facts, firing, decisions through the write path, runs), on PostgreSQL. Only with -Dbench.plays=true
 * (bench/plays.sh runs it; not a teamplay.* name: the service refuses settings under its prefix it does not know).
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
@EnabledIfSystemProperty(named = "bench.plays", matches = "true")
class PlaysThroughputBench {

    private static final int ACCOUNTS = 200;
    private static final int EVENTS = Integer.getInteger("bench.plays.events", 2_000);

    @Inject
    PlayLibrary library;
    @Inject
    PlayEditor editor;
    @Inject
    PlayActivations activations;
    @Inject
    PlayEventOutbox outbox;
    @Inject
    PlayWorker worker;

    @Test
    void measureEventsPerSecondWith20ActivePlays() throws Exception {
        String team = unique("Bench");
        for (int i = 0; i < 5; i++) {
            user("Bench Member " + i, "PRACTITIONER", team);
        }
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(account(Map.of("segment", i % 3 == 0 ? "enterprise" : "smb",
                    "health", i % 4 == 0 ? "red" : "green", "arr", 50_000 + i * 500,
                    "renewal_date", LocalDate.now().plusDays(i % 120).toString())));
        }
        List<String> plays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "bench-" + team + "-" + i;
            editor.save(name + ".dslr", "// team: " + team + "\nrule \"bench " + i + "\"\nwhen\n    " + trigger(i)
                    + "\nthen\n    " + action(i, team) + "\nend\n", "bench");
            activations.set(name, true, "bench");
            plays.add(name);
        }
        library.activationChanged();
        try {
            run(accounts, 2, team + "-warmup", 500, false);
            for (int threads : new int[] {1, 2}) {
                run(accounts, threads, team + "-" + threads, EVENTS, true);
            }
        } finally {
            plays.forEach(p -> activations.set(p, false, "bench"));
            library.activationChanged();
        }
    }

    private void run(List<String> accounts, int threads, String batch, int events, boolean report) throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < events; i++) {
                String account = accounts.get(i % accounts.size());
                outbox.accept(event(batch + "-" + i, i, account), "bench");
            }
        });
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads - 1; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    if (!worker.handleNext()) {
                        Thread.sleep(5);
                    }
                }
                return null;
            });
        }
        long pending;
        do {
            Thread.sleep(50);
            pending = PlayEventRow.count("status", EventStatus.PENDING);
        } while (pending > 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        long handled = PlayEventRow.count("id like ?1", batch + "-%");
        long runs = PlayRun.count("eventId like ?1", batch + "-%");
        if (!report) {
            return;
        }
        System.out.printf("end-to-end: %d worker thread(s), 20 active plays, PostgreSQL: %,d events in %.2f s = %,.0f events/s"
                + " (%,d play actions applied or recorded)%n", threads, handled, seconds, handled / seconds, runs);
    }

    private static ExternalEvent event(String id, int i, String account) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (i % 4) {
            case 0 -> new ExternalEvent(id, "ACCOUNT_CREATED", account, null, null, null, null, null, null, null, null);
            case 1 -> new ExternalEvent(id, "ATTRIBUTE_CHANGED", account, "stage", json.textNode("onboarding"),
                    json.textNode("live"), null, null, null, null, null);
            case 2 -> new ExternalEvent(id, "ATTRIBUTE_CHANGED", account, "tier", json.textNode("a"),
                    json.textNode("b"), null, null, null, null, null);
            default -> new ExternalEvent(id, "DAILY", account, null, null, null, null, null, null, null, null);
        };
    }

    private static String trigger(int i) {
        String[] triggers = {
                "the account is created and its segment is \"enterprise\"",
                "the stage leaves \"onboarding\"",
                "the stage changes to \"churned\"",
                "the health changes from \"green\" to \"red\"",
                "the \"Success Manager\" changes hands",
                "the \"Sales Manager\" is cleared",
                "any role changes hands and its segment is \"nothing\"",
                "a team member is disabled and it has no \"Success Manager\"",
                "a new day starts and its health is \"red\"",
                "it is 90 days before the renewal_date",
                "it is 30 days after the renewal_date",
                "the account is created and its arr is at least 100000",
                "the tier changes",
                "a new day starts and its segment is not \"enterprise\"",
                "it is 7 days before the renewal_date",
                "the region changes to \"emea\"",
                "the account is created and it has no \"Sales Manager\"",
                "the \"Sales Manager\" changes hands and its segment is \"nothing\"",
                "it is 1 days after the signed_on",
                "the stage changes from \"trial\" to \"onboarding\"",
        };
        return triggers[i];
    }

    private static String action(int i, String team) {
        return switch (i % 5) {
            case 0 -> "assign the least loaded member of team \"" + team + "\" as \"Success Manager\"";
            case 1 -> "notify the \"Success Manager\" that \"bench\"";
            case 2 -> "create a task \"Bench task\" for the \"Success Manager\" due in 3 days";
            case 3 -> "assign the next member of team \"" + team + "\" by round robin as \"Sales Manager\"";
            default -> "notify the \"Sales Manager\" that \"bench\"";
        };
    }
}
