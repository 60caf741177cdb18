package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.FiringLimits;
import io.teamplay.plays.engine.FiringLimits.Limit;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayLimitExceeded;
import io.teamplay.plays.facts.Account;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * One event's firing is bounded (wall time, CPU time, rule firings, decisions, memory) by limits its plays cannot
 * escape: past one, the firing is stopped and nothing it decided is answered; the play and rule are named. The plays
 * here pass the allowlist; the slow ones read an attribute whose value is slow to read (a stand-in for an expensive
 * fact getter), the memory one only joins a large attribute to itself.
 */
class FiringLimitsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private static FiringLimits limits(Duration wall, Duration cpu, int firings, int decisions, long memory) {
        return new FiringLimits(wall, cpu, firings, decisions, memory);
    }

    /** A play of n rules, one after the other (salience), each with the same then part. */
    private static PlayFile rules(String name, int n, String when, String then) {
        StringBuilder text = new StringBuilder("// team: Enterprise\n");
        for (int i = 1; i <= n; i++) {
            text.append("rule \"R").append(i).append("\"\nsalience ").append(1_000 - i).append("\nwhen\n    ")
                    .append(when.replace("#", Integer.toString(i))).append("\nthen\n    ").append(then).append("\nend\n");
        }
        return drl(name, text.toString());
    }

    private static PlayLimitExceeded stopped(PlayBook book, Account account, String play, FiringLimits limits) {
        try {
            assertEquals(List.of(), book.play(play).orElseThrow().errors());
            return assertThrows(PlayLimitExceeded.class, () -> book.fire(created("a1"), account, Set.of(play), limits));
        } finally {
            book.close();
        }
    }

    /** An attribute value that takes 60 ms to read (as text), and counts its readings. */
    private static Object slowToRead(AtomicInteger reads) {
        return new Object() {
            @Override
            public String toString() {
                reads.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(60));
                return "slow";
            }
        };
    }

    @Test
    void shouldStopAFiringPastTheFiringsLimitAndFireNormallyAfterwards() {
        PlayBook book = compile(rules("busy", 4, "AccountEvent( )", "actions.clear(\"Sales Manager\");"));
        try {
            PlayLimitExceeded e = assertThrows(PlayLimitExceeded.class, () -> book.fire(created("a1"),
                    account("a1", Map.of(), Map.of()), Set.of("busy"), limits(LONG, LONG, 3, 100, 1L << 30)));
            assertEquals(Limit.FIRINGS, e.limit());
            assertEquals("busy", e.play());
            assertEquals("R4", e.rule(), "the rule that would have fired past the limit");
            assertEquals("play 'busy' rule 'R4' passed a limit and the firing was stopped: the event caused more than "
                    + "3 rule firings (the firings limit); nothing of this event was applied", e.getMessage());
            // the sessions of the book are not spoilt by a stopped firing
            assertEquals(4, book.fire(created("a1"), account("a1", Map.of(), Map.of()), Set.of("busy")).size());
        } finally {
            book.close();
        }
    }

    @Test
    void shouldCapTheDecisionsOfOneEventByDefault() {
        StringBuilder then = new StringBuilder();
        for (int i = 0; i <= FiringLimits.DEFAULTS.decisions(); i++) {
            then.append("actions.createTask(\"Success Manager\", \"Task ").append(i).append("\", 1);\n    ");
        }
        PlayLimitExceeded e = stopped(compile(rules("tasks", 1, "AccountEvent( )", then.toString())),
                account("a1", Map.of(), Map.of()), "tasks", FiringLimits.DEFAULTS);
        assertEquals(Limit.DECISIONS, e.limit());
        assertEquals("R1", e.rule());
        assertThat(e.getMessage(), containsString("more than 100 actions (the decisions limit)"));
    }

    @Test
    void shouldStopAFiringPastItsWallTimeBeforeItsOtherRulesRun() {
        AtomicInteger reads = new AtomicInteger();
        Object slow = slowToRead(reads);
        PlayLimitExceeded e = stopped(compile(rules("slow", 10, "$a : Account( )",
                        "actions.notifyHolder(\"Success Manager\", $a.text(\"slow\"));")),
                account("a1", Map.of("slow", slow), Map.of()), "slow", limits(Duration.ofMillis(150), LONG, 100, 100, 1L << 30));
        assertEquals(Limit.WALL_TIME, e.limit());
        assertEquals("slow", e.play());
        assertThat(e.rule(), startsWith("R"));
        assertThat(e.getMessage(), containsString("took longer than 150 ms (the wall-time limit)"));
        assertThat("the rules after the limit did not run", reads.get(), lessThan(10));
    }

    @Test
    void shouldStopAFiringPastItsCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicInteger reads = new AtomicInteger();
        Object costly = new Object() {
            @Override
            public String toString() {
                reads.incrementAndGet();
                long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(60);
                long spins = 0;
                while (threads.getCurrentThreadCpuTime() < until) {
                    spins++;
                }
                return "costly " + spins;
            }
        };
        PlayLimitExceeded e = stopped(compile(rules("costly", 10, "$a : Account( )",
                        "actions.notifyHolder(\"Success Manager\", $a.text(\"costly\"));")),
                account("a1", Map.of("costly", costly), Map.of()), "costly",
                limits(LONG, Duration.ofMillis(150), 100, 100, 1L << 30));
        assertEquals(Limit.CPU_TIME, e.limit());
        assertEquals("costly", e.play());
        assertThat(e.getMessage(), containsString("used more than 150 ms of CPU (the CPU-time limit)"));
        assertThat(reads.get(), lessThan(10));
    }

    @Test
    void shouldStopAFiringThatAllocatesPastItsMemoryLimit() {
        String big = "x".repeat(200_000);
        PlayLimitExceeded e = stopped(compile(rules("hungry", 10, "$a : Account( )",
                        "actions.notifyHolder(\"Success Manager\", $a.text(\"big\") + $a.text(\"big\") + $a.text(\"big\") "
                                + "+ $a.text(\"big\"));")),
                account("a1", Map.of("big", big), Map.of()), "hungry", limits(LONG, LONG, 100, 100, 2L * 1024 * 1024));
        assertEquals(Limit.MEMORY, e.limit());
        assertEquals("hungry", e.play());
        assertThat(e.getMessage(), containsString("allocated more than 2 MB (the memory limit)"));
    }

    @Test
    void shouldCountTheHeapRunningOutWhileFiringAsPassingTheMemoryLimit() {
        Object exhausting = new Object() {
            @Override
            public String toString() {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        PlayLimitExceeded e = stopped(compile(rules("heap", 1, "$a : Account( )",
                        "actions.notifyHolder(\"Success Manager\", $a.text(\"boom\"));")),
                account("a1", Map.of("boom", exhausting), Map.of()), "heap", FiringLimits.DEFAULTS);
        assertEquals(Limit.MEMORY, e.limit());
        assertEquals("R1", e.rule());
        assertThat(e.getMessage(), containsString("the heap ran out of memory"));
    }

    @Test
    void shouldNameThePlayWhoseConditionsPassedALimitBeforeAnyRuleFired() {
        Object slow = slowToRead(new AtomicInteger());
        PlayLimitExceeded e = stopped(compile(rules("picky", 4, "Account( is(\"slow\", \"value #\") )",
                        "actions.clear(\"Sales Manager\");")),
                account("a1", Map.of("slow", slow), Map.of()), "picky", limits(Duration.ofMillis(100), LONG, 100, 100, 1L << 30));
        assertEquals(Limit.WALL_TIME, e.limit());
        assertEquals("picky", e.play());
        assertNull(e.rule());
        assertThat(e.getMessage(), startsWith("the conditions of play 'picky' passed a limit"));
    }

    @Test
    void shouldLetANormalFiringThroughWithItsDecisions() {
        PlayBook book = compile(rules("calm", 3, "AccountEvent( )", "actions.clear(\"Sales Manager\");"));
        try {
            List<PlayDecision> decisions = book.fire(created("a1"), account("a1", Map.of(), Map.of()), Set.of("calm"),
                    FiringLimits.DEFAULTS);
            assertEquals(3, decisions.size());
        } finally {
            book.close();
        }
    }

    /**
     * A busy machine is not the play's fault: a firing that computes 60 ms while more threads than cores compete for
     * them takes several times that on the clock, past a 150 ms wall-time limit, but the time it waited for a core is
     * left out, so it is not stopped (before, it failed, and three such failures deactivated the play).
     */
    @Test
    void shouldNotCountTheTimeAFiringWaitedForACpuAgainstItsWallTime() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object computing = new Object() {
            @Override
            public String toString() {
                long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(60);
                long spins = 0;
                while (threads.getCurrentThreadCpuTime() < until) {
                    spins++;
                }
                return "computed " + spins;
            }
        };
        PlayBook book = compile(rules("busy", 1, "$a : Account( )",
                "actions.notifyHolder(\"Success Manager\", $a.text(\"computing\"));"));
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> hogs = new java.util.ArrayList<>();
        for (int i = 0; i < 8 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread hog = new Thread(() -> {
                while (busy.get()) {
                    Thread.onSpinWait();
                }
            });
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
        try {
            Thread.sleep(50);
            long started = System.nanoTime();
            List<PlayDecision> decisions = assertDoesNotThrow(() -> book.fire(created("a1"),
                    account("a1", Map.of("computing", computing), Map.of()), Set.of("busy"),
                    limits(Duration.ofMillis(150), LONG, 100, 100, 1L << 30)));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat("the firing waited for a core past the wall-time limit", tookMillis, greaterThan(150L));
            assertEquals(1, decisions.size());
        } finally {
            busy.set(false);
            for (Thread hog : hogs) {
                hog.join();
            }
            book.close();
        }
    }

    @Test
    void shouldShipTheEnginesDefaultsAsTheConfiguredDefaults() {
        java.util.function.Function<String, String> shipped = name -> {
            try {
                return PlaysConfig.Limits.class.getMethod(name).getAnnotation(io.smallrye.config.WithDefault.class).value();
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        };
        FiringLimits configured = new FiringLimits(
                io.quarkus.runtime.configuration.DurationConverter.parseDuration(shipped.apply("wallTime")),
                io.quarkus.runtime.configuration.DurationConverter.parseDuration(shipped.apply("cpuTime")),
                Integer.parseInt(shipped.apply("firings")), Integer.parseInt(shipped.apply("decisions")),
                new io.quarkus.runtime.configuration.MemorySizeConverter().convert(shipped.apply("memory")).asLongValue());
        assertEquals(FiringLimits.DEFAULTS, configured);
    }
}
