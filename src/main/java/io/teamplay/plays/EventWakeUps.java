package io.teamplay.plays;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the event workers of every instance on one PostgreSQL database: a transaction that writes event rows also
 * sends a {@code NOTIFY} (delivered when it commits, once per transaction), and each instance listens on a connection
 * of its own and wakes its workers. On H2 (one instance) the workers are woken in-process only ({@link PlayWorker}).
 */
@ApplicationScoped
class EventWakeUps {

    private static final Logger LOG = Logger.getLogger(EventWakeUps.class);
    static final String CHANNEL = "teamplay_play_events";
    private static final String SENT = EventWakeUps.class.getName() + ".sent";

    @Inject
    PlaysConfig config;
    @Inject
    PlayWorker worker;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    private volatile boolean running;
    private Thread listener;

    /** In the transaction that wrote the event row: one NOTIFY per transaction, sent by PostgreSQL at its commit. */
    void onQueued(@Observes PlayEventQueued queued) {
        if (!postgres() || transactions.getTransactionKey() == null || transactions.getResource(SENT) != null) {
            return;
        }
        transactions.putResource(SENT, Boolean.TRUE);
        PlayEventRow.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (Statement notify = connection.createStatement()) {
                notify.execute("notify " + CHANNEL);
            }
        });
    }

    void start(@Observes StartupEvent start) {
        if (!postgres() || !config.worker()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "plays-event-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.interrupt();
            listener.join(2_000);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                LOG.infof("Listening for new events of every instance (PostgreSQL channel %s)", CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) Math.max(1, config.pollMillis()));
                    if (notifications != null && notifications.length > 0) {
                        worker.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Event listener lost its connection (%s); the workers poll meanwhile, listening again in 5 s",
                            e.getMessage());
                    sleep(5_000);
                }
            }
        }
    }

    private boolean postgres() {
        return "postgresql".equals(databaseKind);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
