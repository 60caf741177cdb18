package io.teamplay.common;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Set-based writes and reads for bulk work (imports): rows go to the database in one statement per table and batch,
 * by {@code COPY} on PostgreSQL and by JDBC batches on H2, the embedded default. Each feature uses it on its own
 * tables only. Values: String, Number, Boolean, Instant (a timestamp with time zone), LocalDateTime, LocalDate, null.
 */
public final class BulkRows {

    private final Connection connection;
    private final boolean postgres;

    private BulkRows(Connection connection) {
        this.connection = connection;
        try {
            this.postgres = connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BulkRows on(Connection connection) {
        return new BulkRows(connection);
    }

    /** Inserts the rows as they are (each row's values in the order of {@code columns}). */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            copy(table, columns, rows);
        } else {
            batch("insert into " + table + " (" + String.join(", ", columns) + ") values (" + marks(columns.size()) + ")", rows);
        }
    }

    /** Inserts the rows with a new id each from the sequence. */
    public void insertWithIds(String table, String idColumn, String sequence, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        if (!postgres) {
            batch("insert into " + table + " (" + idColumn + ", " + names + ") values (nextval('" + sequence + "'), "
                    + marks(columns.size()) + ")", rows);
            return;
        }
        // one new value of the sequence per row, each used as the id itself: the sequence steps by the ids Hibernate
        // allocates at once (its pooled optimizer uses the values below each value it takes), so no id is shared
        List<Long> ids = nextValues(sequence, rows.size());
        List<Object[]> withIds = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = new Object[columns.size() + 1];
            row[0] = ids.get(i);
            System.arraycopy(rows.get(i), 0, row, 1, columns.size());
            withIds.add(row);
        }
        List<String> all = new ArrayList<>(columns.size() + 1);
        all.add(idColumn);
        all.addAll(columns);
        copy(table, all, withIds);
    }

    /** Runs one statement per row of parameters, in one batch. */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, jdbcValue(row[i]));
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new BulkFailure(e);
        }
    }

    /** Reads the rows a query answers for a set of keys: the query takes them as its one parameter, {@code = any(?)}. */
    public List<Object[]> select(String sql, Collection<String> keys) {
        List<Object[]> rows = new ArrayList<>();
        if (keys.isEmpty()) {
            return rows;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("varchar", keys.toArray(new String[0]));
            statement.setArray(1, array);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new BulkFailure(e);
        }
    }

    private void copy(String table, List<String> columns, List<Object[]> rows) {
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        CopyIn copy;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        } catch (SQLException e) {
            throw new BulkFailure(e);
        }
        try {
            // the rows written as CSV bytes through one small buffer, sent as it fills: no text of the whole batch
            CsvBytes out = new CsvBytes(copy);
            Instant lastInstant = null;
            String lastInstantText = null;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        out.put((byte) ',');
                    }
                    Object value = row[i];
                    if (value instanceof Instant at) {
                        if (!at.equals(lastInstant)) { // a batch's rows mostly share one moment: formatted once
                            lastInstant = at;
                            lastInstantText = at.atOffset(ZoneOffset.UTC).toString();
                        }
                        out.quoted(lastInstantText);
                    } else if (value instanceof Number || value instanceof Boolean) {
                        out.plain(value.toString());
                    } else if (value != null) {
                        out.quoted(value.toString());
                    }
                }
                out.put((byte) '\n');
            }
            out.flush();
            copy.endCopy();
        } catch (SQLException e) {
            cancel(copy);
            throw new BulkFailure(e);
        } catch (RuntimeException e) {
            cancel(copy);
            throw e;
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the statement failed already; its error is the one told
        }
    }

    /** CSV text as UTF-8, buffered and written to a COPY as the buffer fills. */
    private static final class CsvBytes {
        private final CopyIn copy;
        private final byte[] buffer = new byte[64 * 1024];
        private int size;

        CsvBytes(CopyIn copy) {
            this.copy = copy;
        }

        void put(byte b) throws SQLException {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = b;
        }

        void plain(String text) throws SQLException {
            for (int i = 0; i < text.length(); i++) {
                put((byte) text.charAt(i));
            }
        }

        void quoted(String text) throws SQLException {
            put((byte) '"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (c == '"') {
                        put((byte) '"');
                    }
                    put((byte) c);
                } else {
                    utf8(text, i);
                    break;
                }
            }
            put((byte) '"');
        }

        /** The rest of the text from {@code from}, which holds a character beyond ASCII. */
        private void utf8(String text, int from) throws SQLException {
            byte[] bytes = text.substring(from).replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                put(b);
            }
        }

        void flush() throws SQLException {
            if (size > 0) {
                copy.writeToCopy(buffer, 0, size);
                size = 0;
            }
        }
    }

    private List<Long> nextValues(String sequence, int count) {
        List<Long> values = new ArrayList<>(count);
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval('" + sequence + "') from generate_series(1, ?)")) {
            statement.setInt(1, count);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getLong(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new BulkFailure(e);
        }
    }

    private static Object jdbcValue(Object value) {
        return value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : value;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A bulk statement the database refused; the caller's transaction is lost with it. */
    public static final class BulkFailure extends RuntimeException {
        BulkFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
