package io.teamplay.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamplay.accounts.AttributeValues;
import io.teamplay.assignments.Assignee;
import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.EmptyValueBehavior;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one row of cells against the header and checks what can be checked without the database: lengths, attribute
 * values, email forms. A row with such an error is reported (every error of it) and skipped. Whether an assignee
 * resolves, and may be assigned, is the write path's to say, field by field.
 */
final class ImportRowReader {

    private static final int MAX_ID = 200;
    private static final int MAX_NAME = 500;

    private final ImportHeader header;

    ImportRowReader(ImportHeader header) {
        this.header = header;
    }

    Optional<ImportRow> read(SourceRow source, ImportErrors found) {
        long line = source.line();
        List<ImportError> errors = new ArrayList<>(source.problems());
        String accountId = cell(source, header.accountIdColumn());
        if (accountId.isEmpty()) {
            errors.add(new ImportError(line, header.columnName(header.accountIdColumn()), "account_id is empty"));
        } else if (accountId.length() > MAX_ID) {
            errors.add(new ImportError(line, header.columnName(header.accountIdColumn()),
                    "account_id is longer than " + MAX_ID + " characters"));
        }
        String name = header.nameColumn() < 0 ? null : cell(source, header.nameColumn());
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new ImportError(line, header.columnName(header.nameColumn()), "name is longer than " + MAX_NAME + " characters"));
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        header.attributes().forEach((index, attribute) -> {
            String value = cell(source, index);
            if (!value.isEmpty()) {
                JsonNode typed = AttributeValues.fromCell(value);
                try {
                    AttributeValues.toJson(attribute, typed);
                    attributes.put(attribute, typed);
                } catch (ProblemException invalid) {
                    errors.add(new ImportError(line, header.columnName(index), invalid.getMessage()));
                }
            }
        });
        Map<String, Assignee> seats = new LinkedHashMap<>();
        Map<String, String> seatColumns = new HashMap<>();
        header.roles().forEach((role, columns) -> {
            String email = cell(source, columns.emailColumn());
            String nameOrEmail = cell(source, columns.nameOrEmailColumn());
            int column = !email.isEmpty() || columns.nameOrEmailColumn() < 0 ? columns.emailColumn() : columns.nameOrEmailColumn();
            seatColumns.put(role, header.columnName(column));
            if (email.isEmpty() && nameOrEmail.isEmpty()) {
                if (columns.role().emptyValueBehavior() == EmptyValueBehavior.CLEAR) {
                    seats.put(role, null);
                }
                return;
            }
            Assignee assignee = email.isEmpty() ? Assignee.byNameOrEmail(nameOrEmail) : Assignee.byEmail(email);
            if (assignee.email() != null && !Emails.isWellFormed(assignee.email())) {
                errors.add(new ImportError(line, header.columnName(column), "'" + assignee.email() + "' is not a valid email address"));
                return;
            }
            seats.put(role, assignee);
        });
        if (!errors.isEmpty()) {
            errors.forEach(found::add);
            return Optional.empty();
        }
        return Optional.of(new ImportRow(line, accountId, name, attributes, seats, seatColumns));
    }

    private static String cell(SourceRow row, int index) {
        return index < 0 || index >= row.cells().size() ? "" : row.cells().get(index).trim();
    }
}
