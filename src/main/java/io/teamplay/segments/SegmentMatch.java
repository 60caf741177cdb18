package io.teamplay.segments;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Whether one account is in a segment, decided in memory from its attributes and team, as the account search decides
 * it in SQL: someone holds the role, the assignee holds it (or any role), each attribute has the value (its text
 * exactly, or the same number), nobody holds the {@code noHolder} role.
 */
public final class SegmentMatch {

    private SegmentMatch() {
    }

    /** @param team role key to the holder's email */
    public static boolean matches(SegmentFilter filter, Map<String, ?> attributes, Map<String, String> team) {
        if (filter.role() != null && filter.assignee() != null) {
            if (!filter.assignee().equals(team.get(filter.role()))) {
                return false;
            }
        } else if (filter.role() != null && team.get(filter.role()) == null) {
            return false;
        } else if (filter.assignee() != null && !team.containsValue(filter.assignee())) {
            return false;
        }
        if (filter.noHolder() != null && team.get(filter.noHolder()) != null) {
            return false;
        }
        for (Map.Entry<String, String> wanted : filter.attributes().entrySet()) {
            if (!valueIs(attributes.get(wanted.getKey()), wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueIs(Object value, String wanted) {
        if (value == null || wanted == null) {
            return false;
        }
        String text = value.toString();
        if (text.equals(wanted)) {
            return true;
        }
        BigDecimal number = number(text);
        BigDecimal other = number(wanted);
        return number != null && other != null && number.compareTo(other) == 0;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
