package io.teamplay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real database failure on one account: a trigger that makes PostgreSQL raise an error on every seat written for
 * that account, with a message only the database knows (the service must not pass it on to callers). Removed on close.
 */
public final class SeatWriteFault implements AutoCloseable {

    /** The text the database raises: no answer may contain it. */
    public static final String SECRET = "internal detail 7f3a from the database";

    private final DataSource database;
    private final String name = "seat_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public SeatWriteFault(DataSource database, String accountId) {
        this.database = database;
        execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
                + " if new.account_id = '" + accountId.replace("'", "''") + "' then"
                + " raise exception '" + SECRET + " (%)', new.account_id; end if; return new; end $$");
        execute("create trigger " + name + " before insert or update on assignment for each row execute function " + name + "()");
    }

    @Override
    public void close() {
        execute("drop trigger if exists " + name + " on assignment");
        execute("drop function if exists " + name + "()");
    }

    private void execute(String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}
