package io.teamplay.testdb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.teamplay.testdb.TestDatabaseChoice.Configured;
import io.teamplay.testdb.TestDatabaseChoice.OnLocalServer;
import io.teamplay.testdb.TestDatabaseChoice.StartedByTheRun;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL of every {@code @QuarkusTest} (GLOBAL scope: the annotation here applies it to the whole suite), so
 * {@code ./mvnw verify} needs no database prepared by hand. In this order: (a) the one configured (TEAMPLAY_TEST_JDBC_URL,
 * or TEAMPLAY_TEST_DB on the local server); (b) teamplay_test on the PostgreSQL answering on 127.0.0.1:5432, created
 * when missing; (c) a PostgreSQL the run starts, and stops with the application. Settings: {@link TestDatabaseSettings}.
 */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class);

    private final TestDatabaseSettings settings;
    private TemporaryPostgres started;

    public TestDatabase() {
        this(TestDatabaseSettings.fromEnvironment());
    }

    TestDatabase(TestDatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, String> start() {
        PostgresServer local = new PostgresServer(settings.localPort(), settings.username(), settings.password());
        TestDatabaseChoice choice = TestDatabaseChoice.choose(settings, local::answers);
        Map<String, String> datasource;
        if (choice instanceof Configured configured) {
            datasource = datasource(configured.jdbcUrl(), configured.username(), configured.password());
            LOG.infof("The tests use the PostgreSQL configured by TEAMPLAY_TEST_JDBC_URL: %s", configured.jdbcUrl());
        } else if (choice instanceof OnLocalServer onLocal) {
            local.createDatabaseIfMissing(onLocal.database());
            datasource = datasource(local.jdbcUrl(onLocal.database()), onLocal.username(), onLocal.password());
            LOG.infof("The tests use the local PostgreSQL: %s", local.jdbcUrl(onLocal.database()));
        } else {
            StartedByTheRun own = (StartedByTheRun) choice;
            started = TemporaryPostgres.start(settings.localPort());
            PostgresServer server = new PostgresServer(started.port(), "postgres", "");
            try {
                server.createDatabaseIfMissing(own.database());
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
            datasource = datasource(server.jdbcUrl(own.database()), "postgres", "");
            LOG.infof("No PostgreSQL answered on 127.0.0.1:%d: the tests started their own, %s (data in %s)",
                    settings.localPort(), server.jdbcUrl(own.database()), started.dataDirectory());
        }
        return datasource;
    }

    @Override
    public void stop() {
        if (started != null) {
            started.close();
            started = null;
        }
    }

    /** The data folder of the PostgreSQL this resource started, while it runs. */
    Optional<Path> startedDataDirectory() {
        return Optional.ofNullable(started).map(TemporaryPostgres::dataDirectory);
    }

    private static Map<String, String> datasource(String url, String username, String password) {
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }
}
