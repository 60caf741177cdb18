package io.teamplay.plays;

import io.teamplay.assignments.PlayOrigin;
import java.util.function.Supplier;

/**
 * Who is behind an attribute change the plays feature makes through the accounts service, for the outbox observing
 * it on the same thread: a play (its event is one step deeper in the cascade) or an event from outside (whose own row
 * is the event, so the change queues no second one).
 */
final class AttributeWrites {

    /** A play's change (origin set) or an outside event's (queuedByCaller). */
    record Cause(PlayOrigin origin, boolean queuedByCaller) {
    }

    private static final ThreadLocal<Cause> CURRENT = new ThreadLocal<>();

    private AttributeWrites() {
    }

    static <T> T byPlay(PlayOrigin origin, Supplier<T> write) {
        return with(new Cause(origin, false), write);
    }

    static <T> T forOutsideEvent(Supplier<T> write) {
        return with(new Cause(null, true), write);
    }

    /** The cause of the change being made on this thread, or null for an ordinary change. */
    static Cause current() {
        return CURRENT.get();
    }

    private static <T> T with(Cause cause, Supplier<T> write) {
        Cause before = CURRENT.get();
        CURRENT.set(cause);
        try {
            return write.get();
        } finally {
            CURRENT.set(before);
        }
    }
}
