package io.teamplay.imports;

import io.teamplay.accounts.AttributeValues;
import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.RoleView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of an account upload: {@code account_id}, optional {@code name}, {@code <role>___tid} (an email),
 * {@code <role>} (a name or an email), anything else an attribute. Refuses the file before anything is written.
 */
record ImportHeader(int accountIdColumn, int nameColumn, Map<String, RoleColumns> roles, Map<Integer, String> attributes,
                    List<String> names) {

    static final String ACCOUNT_ID = "account_id";
    static final String NAME = "name";
    static final String EMAIL_SUFFIX = "___tid";

    /** The cells that name a role's assignee: by email and/or by name-or-email (-1 when absent). */
    record RoleColumns(RoleView role, int emailColumn, int nameOrEmailColumn) {
    }

    static ImportHeader parse(List<String> header, List<RoleView> knownRoles) {
        Map<String, RoleView> roleByName = new LinkedHashMap<>();
        knownRoles.forEach(role -> {
            roleByName.put(role.key(), role);
            roleByName.put(role.displayName().toLowerCase(Locale.ROOT), role);
        });
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int accountId = -1;
        int name = -1;
        Map<String, int[]> roleColumns = new LinkedHashMap<>();
        Map<Integer, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).trim();
            String lower = column.toLowerCase(Locale.ROOT);
            if (!seen.add(lower)) {
                errors.add(error(column, "column " + column + " appears twice"));
            } else if (lower.equals(ACCOUNT_ID)) {
                accountId = i;
            } else if (lower.equals(NAME)) {
                name = i;
            } else if (lower.endsWith(EMAIL_SUFFIX)) {
                String roleName = lower.substring(0, lower.length() - EMAIL_SUFFIX.length());
                Optional<RoleView> role = Optional.ofNullable(roleByName.get(roleName));
                if (role.isEmpty()) {
                    errors.add(error(column, "column " + column + " names no account role (" + roleName + ")"));
                } else {
                    int[] columns = roleColumns.computeIfAbsent(role.get().key(), k -> new int[]{-1, -1});
                    if (columns[0] >= 0) {
                        errors.add(error(column, "column " + column + " names the same role as column " + header.get(columns[0]).trim()));
                    }
                    columns[0] = i;
                }
            } else if (roleByName.containsKey(lower)) {
                int[] columns = roleColumns.computeIfAbsent(roleByName.get(lower).key(), k -> new int[]{-1, -1});
                if (columns[1] >= 0) {
                    errors.add(error(column, "column " + column + " names the same role as column " + header.get(columns[1]).trim()));
                }
                columns[1] = i;
            } else if (column.isEmpty()) {
                errors.add(error("#" + (i + 1), "column " + (i + 1) + " has no name"));
            } else {
                try {
                    attributes.put(i, AttributeValues.requireName(column));
                } catch (ProblemException invalid) {
                    errors.add(error(column, "column " + column + " is neither a role nor a valid attribute name"));
                }
            }
        }
        if (accountId < 0) {
            errors.add(0, error(ACCOUNT_ID, "the header has no account_id column"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "File refused", errors.get(0).message() + " (nothing was imported)", errors);
        }
        Map<String, RoleColumns> roles = new LinkedHashMap<>();
        roleColumns.forEach((key, columns) -> roles.put(key, new RoleColumns(roleByName.get(key), columns[0], columns[1])));
        return new ImportHeader(accountId, name, roles, attributes, List.copyOf(header));
    }

    String columnName(int index) {
        return names.get(index).trim();
    }

    private static Problem.FieldError error(String column, String message) {
        return new Problem.FieldError(column, 1, null, message);
    }
}
