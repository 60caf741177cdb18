package io.teamplay.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Emails are the key of a person: trimmed, lower-cased, and checked for a plausible shape. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isWellFormed(String email) {
        return email != null && SHAPE.matcher(email.trim()).matches();
    }

    /** Normalises, or refuses with a 400 naming the field. */
    public static String require(String field, String email) {
        if (email == null || email.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required");
        }
        if (!isWellFormed(email)) {
            throw ProblemException.badRequest(field, "'" + email.trim() + "' is not a valid email address");
        }
        return normalise(email);
    }
}
