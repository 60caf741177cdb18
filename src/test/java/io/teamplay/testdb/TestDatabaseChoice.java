package io.teamplay.testdb;

import java.util.function.BooleanSupplier;

/** Which PostgreSQL the test run uses, in the README's order: (a) configured, (b) the local server, (c) one of its own. */
sealed interface TestDatabaseChoice {

    /** (a) A JDBC URL given as it is. */
    record Configured(String jdbcUrl, String username, String password) implements TestDatabaseChoice {
    }

    /** (a) with TEAMPLAY_TEST_DB, or (b): a database on the local server, created when missing. */
    record OnLocalServer(int port, String database, String username, String password) implements TestDatabaseChoice {
    }

    /** (c) A PostgreSQL the test run starts and stops itself. */
    record StartedByTheRun(String database) implements TestDatabaseChoice {
    }

    /** @param localServerAnswers asked only when nothing is configured */
    static TestDatabaseChoice choose(TestDatabaseSettings settings, BooleanSupplier localServerAnswers) {
        if (settings.jdbcUrl().isPresent()) {
            return new Configured(settings.jdbcUrl().get(), settings.username(), settings.password());
        }
        boolean answers = localServerAnswers.getAsBoolean();
        if (settings.database().isPresent()) {
            if (!answers) {
                throw new IllegalStateException("TEAMPLAY_TEST_DB names database '" + settings.database().get()
                        + "' on the local PostgreSQL, but none lets user " + settings.username() + " in on 127.0.0.1:"
                        + settings.localPort() + ": start it, or unset TEAMPLAY_TEST_DB to let the tests start their own");
            }
            return new OnLocalServer(settings.localPort(), settings.database().get(), settings.username(), settings.password());
        }
        if (answers) {
            return new OnLocalServer(settings.localPort(), TestDatabaseSettings.DEFAULT_DATABASE, settings.username(),
                    settings.password());
        }
        return new StartedByTheRun(TestDatabaseSettings.DEFAULT_DATABASE);
    }
}
