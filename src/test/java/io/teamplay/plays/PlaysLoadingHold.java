package io.teamplay.plays;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * For {@link PlaysLoadingTest} only (an alternative its profile enables): at start, before the plays are loaded, puts
 * one active play in the database as another instance would, then keeps the plays in force from loading (it holds
 * the book's lock) until the test lets go, so the test sees the service while its plays still load.
 */
@Alternative
@ApplicationScoped
class PlaysLoadingHold {

    static final String PLAY = "loading-hold";
    static final String ATTRIBUTE = "loading_hold";
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    void onStart(@Observes @Priority(1) StartupEvent start, PlaysInForce inForce, DataSource dataSource)
            throws InterruptedException, SQLException {
        activePlay(dataSource);
        Object book = ClientProxy.unwrap(inForce);
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (book) {
                held.countDown();
                try {
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "plays-loading-hold");
        holder.setDaemon(true);
        holder.start();
        held.await();
    }

    private static void activePlay(DataSource dataSource) throws SQLException {
        String source = "// team: Loading\n// description: loading test\nexpander plays.dsl\n\nrule \"tell\"\nwhen\n"
                + "    the " + ATTRIBUTE + " changes\nthen\n    notify the \"Success Manager\" that \"loaded\"\nend\n";
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("update play_revision set revision = revision + 1");
                 PreparedStatement version = db.prepareStatement("insert into play_version (id, play, version, "
                         + "file_name, team, description, author, origin, created_at, source, source_hash, status, "
                         + "errors, warnings) values (nextval('play_version_seq'), ?, 1, ?, 'Loading', 'loading test', "
                         + "'other@example.com', 'API', now(), ?, ?, 'OK', '[]', '[]')");
                 PreparedStatement activation = db.prepareStatement("insert into play_activation (play, active, "
                         + "version, changed_at, changed_by) values (?, true, 1, now(), 'other@example.com')")) {
                lock.executeUpdate();
                version.setString(1, PLAY);
                version.setString(2, PLAY + ".dslr");
                version.setString(3, source);
                version.setString(4, PlaySources.hash(source));
                version.executeUpdate();
                activation.setString(1, PLAY);
                activation.executeUpdate();
            }
            db.commit();
        }
    }
}
