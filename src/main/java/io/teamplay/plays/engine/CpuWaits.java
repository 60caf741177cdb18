package io.teamplay.plays.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long a thread has waited for a CPU while ready to run, from Linux's per-thread scheduler statistics
 * ({@code /proc/<pid>/task/<tid>/schedstat}, second field). A firing's wall time leaves it out: on a busy machine a
 * play that computes for 5 ms may wait hundreds of ms for a core, which is not the play's doing and must not fail it
 * (nor, after a few such failures, deactivate it). Where the file cannot be read the wall time counts in full.
 */
final class CpuWaits {

    private static final ThreadLocal<Path> OWN = ThreadLocal.withInitial(CpuWaits::locate);

    private CpuWaits() {
    }

    /** The current thread's statistics file, or null where there is none. */
    static Path ofCurrentThread() {
        return OWN.get();
    }

    /** Nanoseconds the thread has waited for a CPU since it started, or -1 when unknown. */
    static long waited(Path schedstat) {
        if (schedstat == null) {
            return -1;
        }
        try {
            String[] fields = Files.readString(schedstat).trim().split(" ");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path locate() {
        try {
            Path file = Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))).resolve("schedstat");
            return waited(file) >= 0 ? file : null;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
