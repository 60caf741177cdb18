package io.teamplay.testdb;

import io.teamplay.testdb.TestDatabaseChoice.Configured;
import io.teamplay.testdb.TestDatabaseChoice.OnLocalServer;
import io.teamplay.testdb.TestDatabaseChoice.StartedByTheRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Which PostgreSQL the test run takes (plain JUnit), and the one it starts itself, started and stopped for real. */
class TestDatabaseTest {

    private static TestDatabaseSettings settings(Map<String, String> given) {
        return TestDatabaseSettings.from(given::get);
    }

    @Test
    void aConfiguredJdbcUrlIsUsedAsItIsWithoutLookingForALocalServer() {
        TestDatabaseChoice choice = TestDatabaseChoice.choose(settings(Map.of(
                        "TEAMPLAY_TEST_JDBC_URL", "jdbc:postgresql://db.example.test:6543/ci",
                        "TEAMPLAY_TEST_USERNAME", "ci", "TEAMPLAY_TEST_PASSWORD", "secret", "TEAMPLAY_TEST_DB", "ignored")),
                () -> fail("the local server is not asked when a URL is configured"));
        assertEquals(new Configured("jdbc:postgresql://db.example.test:6543/ci", "ci", "secret"), choice);
    }

    @Test
    void aDatabaseNamedByTeamplayTestDbIsOnTheLocalServer() {
        assertEquals(new OnLocalServer(5432, "tp_mine", "postgres", ""),
                TestDatabaseChoice.choose(settings(Map.of("TEAMPLAY_TEST_DB", "tp_mine")), () -> true));
    }

    @Test
    void aDatabaseNamedByTeamplayTestDbWithoutALocalServerIsRefusedInOneLine() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TestDatabaseChoice.choose(
                settings(Map.of("TEAMPLAY_TEST_DB", "tp_mine", "TEAMPLAY_TEST_LOCAL_PORT", "5999")), () -> false));
        assertEquals("TEAMPLAY_TEST_DB names database 'tp_mine' on the local PostgreSQL, but none lets user postgres in"
                + " on 127.0.0.1:5999: start it, or unset TEAMPLAY_TEST_DB to let the tests start their own",
                refused.getMessage());
    }

    @Test
    void withNothingConfiguredTheLocalServerGetsTeamplayTest() {
        assertEquals(new OnLocalServer(5432, "teamplay_test", "postgres", ""),
                TestDatabaseChoice.choose(settings(Map.of()), () -> true));
    }

    @Test
    void withNothingConfiguredAndNoLocalServerTheRunStartsItsOwn() {
        assertEquals(new StartedByTheRun("teamplay_test"), TestDatabaseChoice.choose(settings(Map.of()), () -> false));
    }

    @Test
    void eachSettingIsASystemPropertyOrAnEnvironmentVariable() {
        assertEquals("teamplay.test.jdbc-url", TestDatabaseSettings.propertyName("TEAMPLAY_TEST_JDBC_URL"));
        assertEquals("teamplay.test.local-port", TestDatabaseSettings.propertyName("TEAMPLAY_TEST_LOCAL_PORT"));
        assertEquals("teamplay.test.db", TestDatabaseSettings.propertyName("TEAMPLAY_TEST_DB"));
        assertEquals(new TestDatabaseSettings(Optional.empty(), "postgres", "", Optional.empty(), 5432),
                settings(Map.of("TEAMPLAY_TEST_JDBC_URL", " ", "TEAMPLAY_TEST_DB", "")));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("TEAMPLAY_TEST_LOCAL_PORT", "fifty")));
        assertEquals("TEAMPLAY_TEST_LOCAL_PORT must be a port number, not 'fifty'", refused.getMessage());
    }

    @Test
    void asRootWithoutUserNamespacesTheRunSaysInOneLineWhatToDo() {
        String reason = TemporaryPostgres.whyItCannotStart("Linux", "amd64", true, false, 5432).orElseThrow();
        assertEquals("No PostgreSQL for the tests: none configured (TEAMPLAY_TEST_JDBC_URL), none answering on"
                + " 127.0.0.1:5432, and the tests cannot start their own: PostgreSQL refuses to run as root, and user"
                + " namespaces (unshare -U) are not available here to run it as another user. Install PostgreSQL and"
                + " start it (Debian/Ubuntu: apt-get install postgresql; user postgres, trust auth on 127.0.0.1), or run"
                + " the build as a user other than root.", reason);
        assertFalse(reason.contains("\n"));
        assertTrue(TemporaryPostgres.whyItCannotStart("Mac OS X", "aarch64", false, false, 5432).orElseThrow()
                .contains("PostgreSQL binaries for Linux x86_64 only, not Mac OS X aarch64"));
    }

    @Test
    void onLinuxX86ItStartsAsAUserOrAsRootWithUserNamespaces() {
        assertEquals(Optional.empty(), TemporaryPostgres.whyItCannotStart("Linux", "amd64", false, false, 5432));
        assertEquals(Optional.empty(), TemporaryPostgres.whyItCannotStart("Linux", "amd64", true, true, 5432));
    }

    @Test
    void aPortNothingListensOnDoesNotAnswer() throws IOException {
        assertFalse(new PostgresServer(portNothingListensOn(), "postgres", "").answers());
    }

    @Test
    void withNoLocalServerTheResourceStartsItsOwnPostgresThatAnswersAndStopsIt() throws Exception {
        TestDatabase resource = new TestDatabase(settings(Map.of(
                "TEAMPLAY_TEST_LOCAL_PORT", String.valueOf(portNothingListensOn()))));
        Map<String, String> datasource = resource.start();
        String url = datasource.get("quarkus.datasource.jdbc.url");
        Path dataDirectory;
        try {
            assertTrue(url.matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/teamplay_test"), url);
            assertEquals("postgres", datasource.get("quarkus.datasource.username"));
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                 ResultSet answer = connection.createStatement().executeQuery("select 1, current_setting('server_version_num')")) {
                assertTrue(answer.next());
                assertEquals(1, answer.getInt(1));
                assertTrue(answer.getString(2).startsWith("17"), answer.getString(2));
            }
            // what (b) does on the local server, here on this one: create a database once, find it the second time
            int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
            PostgresServer server = new PostgresServer(port, "postgres", "");
            assertTrue(server.answers());
            server.createDatabaseIfMissing("teamplay_other");
            server.createDatabaseIfMissing("teamplay_other");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("teamplay_other"), "postgres", "")) {
                assertTrue(connection.isValid(2));
            }
            dataDirectory = resource.startedDataDirectory().orElseThrow();
            assertTrue(Files.isDirectory(dataDirectory));
        } finally {
            resource.stop();
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", ""));
        assertEquals("08001", refused.getSQLState(), refused.toString());
        assertFalse(Files.exists(dataDirectory), "the temporary folder is removed");
    }

    private static int portNothingListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
