package io.teamplay.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** A PostgreSQL server on 127.0.0.1, reached as one user: does it let us in, and the test database on it. */
final class PostgresServer {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final int port;
    private final String username;
    private final String password;

    PostgresServer(int port, String username, String password) {
        this.port = port;
        this.username = username;
        this.password = password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Whether the server answers and lets the user into its maintenance database within a few seconds. */
    boolean answers() {
        try (Connection connection = connect("postgres")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database unless it exists (another run, or a person, may have made it). */
    void createDatabaseIfMissing(String database) {
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalStateException("The test database name must be lower-case letters, digits and _, not '"
                    + database + "'");
        }
        try (Connection connection = connect("postgres")) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (SQLException e) {
                if (!exists(connection, database)) { // another test run may just have created it
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + database + " on 127.0.0.1:" + port
                    + " as " + username + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }
}
