package io.teamplay.imports;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import left RUNNING by an instance that stopped mid-import is marked FAILED, with the reason; live ones are not. */
@QuarkusTest
class AbandonedImportTest {

    @Inject
    DataSource database;
    @Inject
    ImportHeartbeat heartbeat;

    @Test
    void anImportWhoseInstanceStoppedIsFailedWithTheReasonAndLiveOnesKeepRunning() throws SQLException {
        String abandoned = running("instance-that-died", Instant.now().minus(Duration.ofMinutes(10)));
        String beforeHeartbeats = running(null, Instant.now().minus(Duration.ofMinutes(10)));
        String otherInstanceAlive = running("instance-still-alive", Instant.now());
        String ours = running(ImportHeartbeat.INSTANCE, Instant.now().minus(Duration.ofMinutes(10)));

        heartbeat.beat();

        asAdmin().get("/api/imports/{id}", abandoned).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failure", containsString("instance-that-died"))
                .body("failure", containsString("stopped before it finished"))
                .body("finishedAt", notNullValue())
                .body("rows", equalTo(20000));
        asAdmin().get("/api/imports/{id}", beforeHeartbeats).then().body("status", equalTo("FAILED"));
        asAdmin().get("/api/imports/{id}", otherInstanceAlive).then().body("status", equalTo("RUNNING"))
                .body("failure", nullValue());
        asAdmin().get("/api/imports/{id}", ours).then().body("status", equalTo("RUNNING"));
        assertTrue(heartbeatOf(ours).isAfter(Instant.now().minus(Duration.ofMinutes(1))), "our own import's heartbeat is renewed");
    }

    private String running(String owner, Instant heartbeat) throws SQLException {
        String id = unique("imp");
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into account_import (id, actor, format, status, rows_done, created, updated, unchanged, error_count, "
                        + "started_at, updated_at, owner, heartbeat_at) values (?, 'admin', 'CSV', 'RUNNING', 20000, 20000, 0, 0, 0, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(heartbeat);
            insert.setString(1, id);
            insert.setTimestamp(2, at);
            insert.setTimestamp(3, at);
            insert.setString(4, owner);
            insert.setTimestamp(5, owner == null ? null : at);
            insert.executeUpdate();
        }
        return id;
    }

    private Instant heartbeatOf(String id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select heartbeat_at from account_import where id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
