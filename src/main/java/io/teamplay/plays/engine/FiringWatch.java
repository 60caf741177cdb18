package io.teamplay.plays.engine;

import io.teamplay.plays.actions.DecisionGuard;
import io.teamplay.plays.engine.FiringLimits.Limit;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.KieSession;

/**
 * Watches one event's firing against its {@link FiringLimits}. The firing thread asks it before each rule fires (the
 * agenda filter) and before each decision is kept (the actions' guard); the {@link FiringWatchdog} looks at it from
 * its own thread (wall time, CPU time and allocation of the firing thread) and halts the session once a limit is
 * passed; when the firing ends its totals are checked once more. The first limit passed is the one reported.
 */
final class FiringWatch implements DecisionGuard {

    /** A limit passed: which, and the play and rule to blame when known here (else the rule that fired last). */
    record Breach(Limit limit, String what, String play, String rule) {
    }

    /** Thrown through a then part to stop it; carries nothing, the watch holds the breach. */
    static final class Stopped extends RuntimeException {
        private Stopped() {
            super("the firing passed a limit", null, false, false);
        }
    }

    private static final Stopped STOPPED = new Stopped();
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final FiringLimits limits;
    private final long threadId;
    private final Thread thread;
    private final java.nio.file.Path cpuWaits;
    private final long startWaited;
    private final long startNanos;
    private final long startCpu;
    private final long startAllocated;
    private final AtomicReference<Breach> breach = new AtomicReference<>();
    private int firings;
    private boolean ended;
    /** The session while it fires; null once the firing ended (so a late halt never reaches a session reused since). */
    private KieSession session;

    FiringWatch(FiringLimits limits) {
        this.limits = limits;
        this.threadId = Thread.currentThread().getId();
        this.thread = Thread.currentThread();
        this.cpuWaits = CpuWaits.ofCurrentThread();
        this.startWaited = CpuWaits.waited(cpuWaits);
        this.startCpu = THREADS == null ? 0 : THREADS.getCurrentThreadCpuTime();
        this.startAllocated = THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
        this.startNanos = System.nanoTime();
    }

    /** Starts watching the session's firing from the watchdog. */
    void watch(KieSession firing) {
        synchronized (this) {
            session = firing;
        }
        FiringWatchdog.watch(this);
    }

    /** Ends the watch (the session is given back after this) and checks the firing's totals; answers the breach. */
    Breach end() {
        if (ended) {
            return breach.get();
        }
        ended = true;
        FiringWatchdog.unwatch(this);
        synchronized (this) {
            session = null;
        }
        if (breach.get() == null) {
            Limit passed = passed(true);
            if (passed != null) {
                trip(passed, null, null);
            }
        }
        return breach.get();
    }

    Breach breach() {
        return breach.get();
    }

    /** The agenda filter: whether the rule may fire now; counts the firings. */
    boolean mayFire(String play, String rule) {
        if (breach.get() != null) {
            return false;
        }
        if (++firings > limits.firings()) {
            trip(Limit.FIRINGS, play, rule);
            return false;
        }
        return true;
    }

    @Override
    public void beforeDecision(int decisionsSoFar) {
        if (breach.get() != null) {
            throw STOPPED;
        }
        if (decisionsSoFar >= limits.decisions()) {
            trip(Limit.DECISIONS, null, null);
            throw STOPPED;
        }
        if (pastWallTime(System.nanoTime() - startNanos, true)) {
            trip(Limit.WALL_TIME, null, null);
            throw STOPPED;
        }
    }

    /** The heap ran out while the firing ran: counted as passing the memory limit. */
    void ranOutOfMemory() {
        breach.compareAndSet(null, new Breach(Limit.MEMORY, limits.ranOutOfMemory(), null, null));
    }

    /** From the watchdog's thread: stops the firing once it passed a limit. */
    void check() {
        if (breach.get() != null) {
            return;
        }
        Limit passed = passed(false);
        if (passed != null) {
            trip(passed, null, null);
        }
    }

    private void trip(Limit limit, String play, String rule) {
        if (breach.compareAndSet(null, new Breach(limit, limits.passed(limit), play, rule))) {
            synchronized (this) {
                if (session != null) {
                    session.halt();
                }
            }
        }
    }

    /** The limit passed so far, if any: measured on the firing thread itself, or (here false) from another. */
    private Limit passed(boolean here) {
        long wall = System.nanoTime() - startNanos;
        if (pastWallTime(wall, here)) {
            return Limit.WALL_TIME;
        }
        if (THREADS == null) {
            return null;
        }
        // one thread's CPU time never exceeds its wall time: asked only when it could have been passed
        long cpu = limits.cpuTime().toNanos();
        if (wall > cpu && (here ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(threadId)) - startCpu > cpu) {
            return Limit.CPU_TIME;
        }
        long allocated = here ? THREADS.getCurrentThreadAllocatedBytes() : THREADS.getThreadAllocatedBytes(threadId);
        return allocated >= 0 && allocated - startAllocated > limits.memoryBytes() ? Limit.MEMORY : null;
    }

    /**
     * Whether the firing took longer than its wall-time limit, leaving out the time its thread waited for a CPU
     * ({@link CpuWaits}). The kernel adds a wait to that count when the thread gets its CPU, so from the watchdog a
     * thread ready to run (RUNNABLE: computing, or waiting for a core) is left to the CPU-time limit and to its own
     * checks; a thread parked or blocked is judged at once.
     */
    private boolean pastWallTime(long wall, boolean here) {
        long limit = limits.wallTime().toNanos();
        if (wall <= limit || startWaited < 0) {
            return wall > limit;
        }
        if (!here && thread.getState() == Thread.State.RUNNABLE) {
            return false;
        }
        long waited = CpuWaits.waited(cpuWaits) - startWaited;
        return wall - Math.max(0, waited) > limit;
    }

    /** False where this JVM cannot tell a thread's CPU time and allocation: then only the other limits hold. */
    static boolean measuresThreads() {
        return THREADS != null;
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadCpuTimeSupported() && threads.isThreadAllocatedMemorySupported()) {
            threads.setThreadCpuTimeEnabled(true);
            threads.setThreadAllocatedMemoryEnabled(true);
            return threads;
        }
        return null;
    }
}
