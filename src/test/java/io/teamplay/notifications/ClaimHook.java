package io.teamplay.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only observer of a digest claim: can make the run die right after claiming a recipient's items (as a kill -9
 * between claim and send would), or hold that recipient's claim open while another run goes.
 */
@ApplicationScoped
public class ClaimHook {

    /** Thrown from inside the claiming transaction: like a crash, nothing after it in that run happens. */
    public static class SimulatedCrash extends Error {
        SimulatedCrash(String recipient) {
            super("simulated crash after claiming the items of " + recipient);
        }
    }

    private volatile String crashOn;
    private volatile String pauseOn;
    private volatile CountDownLatch paused = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    void onClaim(@Observes DigestClaimed claimed) throws InterruptedException {
        if (claimed.recipient().equals(crashOn)) {
            crashOn = null;
            throw new SimulatedCrash(claimed.recipient());
        }
        if (claimed.recipient().equals(pauseOn)) {
            pauseOn = null;
            paused.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the claim");
            }
        }
    }

    void crashAfterClaiming(String recipient) {
        crashOn = recipient;
    }

    void pauseAfterClaiming(String recipient) {
        paused = new CountDownLatch(1);
        release = new CountDownLatch(1);
        pauseOn = recipient;
    }

    boolean awaitPaused() throws InterruptedException {
        return paused.await(30, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    void reset() {
        crashOn = null;
        pauseOn = null;
        release.countDown();
    }
}
