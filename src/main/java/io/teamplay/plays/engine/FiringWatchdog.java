package io.teamplay.plays.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One daemon thread that looks at every firing in progress every {@link #TICK_MILLIS} ms and halts those past a
 * limit. It is what stops a firing that spends its time where the firing thread does not ask (conditions being
 * evaluated, a long then part): the halt takes effect before the next rule fires. Idle firings cost a set insertion
 * and removal each; the thread itself wakes a hundred times a second and does nothing when no firing runs.
 */
final class FiringWatchdog {

    static final long TICK_MILLIS = 10;

    private static final Logger LOG = Logger.getLogger(FiringWatchdog.class);
    private static final Set<FiringWatch> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;

    private FiringWatchdog() {
    }

    static void watch(FiringWatch watch) {
        WATCHED.add(watch);
        if (thread == null) {
            start();
        }
    }

    static void unwatch(FiringWatch watch) {
        WATCHED.remove(watch);
    }

    private static synchronized void start() {
        if (thread != null) {
            return;
        }
        if (!FiringWatch.measuresThreads()) {
            LOG.warn("This JVM cannot measure a thread's CPU time or allocation: plays' firings are bounded by wall "
                    + "time, firings and decisions only");
        }
        Thread watchdog = new Thread(FiringWatchdog::run, "plays-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        thread = watchdog;
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            for (FiringWatch watch : WATCHED) {
                try {
                    watch.check();
                } catch (RuntimeException | Error e) {
                    LOG.warn("Plays watchdog could not check a firing; going on", e);
                }
            }
        }
    }
}
