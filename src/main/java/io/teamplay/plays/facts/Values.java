package io.teamplay.plays.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading attribute values the way plays compare them: numbers as numbers, ISO dates as dates, text ignoring case.
 * Every method is one pass over its inputs (attribute values hold at most 4,000 characters).
 */
final class Values {

    /** Longest text a comparison reads: the longest attribute value the service stores. */
    static final int MAX_TEXT = 4_000;

    private Values() {
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty() || text.length() > 40 || !numeric(text)) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static boolean numeric(String text) {
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (!(c == '-' && i == 0)) {
                return false;
            }
        }
        return digits > 0 && dots <= 1;
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.length() < 10 || text.length() > 40) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * How the value compares with the given one: as numbers when both are numbers, as dates when both are dates;
     * null when they are not comparable (one missing, or a number against a date or a word).
     */
    static Integer compare(Object value, String other) {
        BigDecimal number = number(value);
        BigDecimal otherNumber = number(other);
        if (number != null && otherNumber != null) {
            return number.compareTo(otherNumber);
        }
        LocalDate date = date(value);
        LocalDate otherDate = date(other);
        if (date != null && otherDate != null) {
            return date.compareTo(otherDate);
        }
        return null;
    }

    /** True when the text holds the part, ignoring case; texts longer than the service stores are not searched. */
    static boolean containsIgnoringCase(String text, String part) {
        if (part == null || text.length() > MAX_TEXT || part.length() > text.length()) {
            return false;
        }
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
