package io.teamplay.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write values: times in UTC to the minute. */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A form field as given, trimmed, or null when left empty. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String shown(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }
}
