package io.teamplay.testdb;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the tests' database comes from, as the person running them configured it. Each setting is a system property
 * ({@code -Dteamplay.test.jdbc-url=...}) or an environment variable ({@code TEAMPLAY_TEST_JDBC_URL}); the property
 * wins.
 *
 * @param jdbcUrl   a database to use as it is (a)
 * @param username  the user for that database, and for the local server
 * @param password  the password for that database, and for the local server
 * @param database  a database name on the local server, created when missing (a); without it, (b) uses teamplay_test
 * @param localPort where the local server is looked for on 127.0.0.1
 */
record TestDatabaseSettings(Optional<String> jdbcUrl, String username, String password, Optional<String> database,
                            int localPort) {

    static final String DEFAULT_DATABASE = "teamplay_test";
    static final int DEFAULT_LOCAL_PORT = 5432;

    static TestDatabaseSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(propertyName(name));
            return property != null ? property : System.getenv(name);
        });
    }

    /** Reads the settings by their environment names ({@code TEAMPLAY_TEST_DB}); blank counts as not given. */
    static TestDatabaseSettings from(UnaryOperator<String> lookup) {
        String port = given(lookup, "TEAMPLAY_TEST_LOCAL_PORT").orElse(String.valueOf(DEFAULT_LOCAL_PORT));
        int localPort;
        try {
            localPort = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("TEAMPLAY_TEST_LOCAL_PORT must be a port number, not '" + port + "'");
        }
        return new TestDatabaseSettings(given(lookup, "TEAMPLAY_TEST_JDBC_URL"),
                given(lookup, "TEAMPLAY_TEST_USERNAME").orElse("postgres"),
                given(lookup, "TEAMPLAY_TEST_PASSWORD").orElse(""),
                given(lookup, "TEAMPLAY_TEST_DB"), localPort);
    }

    /** TEAMPLAY_TEST_LOCAL_PORT is also the system property teamplay.test.local-port. */
    static String propertyName(String environmentName) {
        return "teamplay.test." + environmentName.substring("TEAMPLAY_TEST_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<String> given(UnaryOperator<String> lookup, String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
