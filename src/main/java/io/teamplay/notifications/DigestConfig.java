package io.teamplay.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code teamplay.digest.*}: how often the digest runs, what its emails link to, how failed sends are retried. */
@ConfigMapping(prefix = "teamplay.digest")
public interface DigestConfig {

    /** How often the scheduled run starts ("15m"; "off" disables the schedule, POST /api/digests/run still works). */
    @WithDefault("15m")
    String every();

    /** Where the emails' links point: {@code <link-base>/accounts/<id>}. */
    @WithDefault("http://localhost:8080")
    String linkBase();

    /** Wait after the first failed send of an item; doubles with each further failure. */
    @WithDefault("5m")
    Duration retryBackoff();

    /** The longest wait between two tries. */
    @WithDefault("6h")
    Duration retryMax();

    /** Failed sends of an item before it is given up (DROPPED, with the last error as the reason). */
    @WithDefault("30")
    int maxAttempts();

    /** The right-hand side of the emails' Message-ID. */
    @WithDefault("teamplay.local")
    String messageIdDomain();

    /**
     * Recipients delivered at once by one run, each in its own transaction and on its own SMTP connection from the
     * mailer's pool (keep {@code quarkus.mailer.max-pool-size} at least this). The claim keeps every item in one email.
     */
    @WithDefault("4")
    int senders();
}
