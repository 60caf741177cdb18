package io.teamplay.notifications;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scheduled digest, every {@code teamplay.digest.every}. A run still going when the next is due makes that one
 * skip on this instance; runs on other instances are kept apart by the database claim.
 */
@ApplicationScoped
public class DigestJob {

    @Inject
    DigestRunner runner;

    @Scheduled(identity = "digest", every = "{teamplay.digest.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runner.run();
    }
}
