package io.teamplay.common;

import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query or path parameter the REST layer could not convert (?size=abc, ?status=BOGUS). The conversion error only
 * holds the value (and a Java type name), so the parameter is found by its value among the request's parameters.
 */
final class Parameters {

    private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*?)\"");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.]*)$");

    private Parameters() {
    }

    static Problem unreadable(Throwable conversion, UriInfo uri) {
        String message = conversion.getMessage() == null ? "" : conversion.getMessage();
        String value = null;
        String reason = null;
        Matcher number = NUMBER_INPUT.matcher(message);
        Matcher constant = ENUM_CONSTANT.matcher(message);
        if (conversion instanceof NumberFormatException && number.find()) {
            value = number.group(1);
            reason = "'" + value + "' is not a whole number in range";
        } else if (constant.find()) {
            value = constant.group(2);
            reason = "'" + value + "' is not accepted" + constants(constant.group(1));
        }
        Optional<String> field = value == null ? Optional.empty() : named(value, uri);
        String detail = reason == null ? "A query or path parameter could not be read"
                : field.map(name -> name + ": ").orElse("A parameter: ") + reason;
        List<Problem.FieldError> errors = field.isPresent() ? List.of(Problem.FieldError.field(field.get(), reason)) : List.of();
        return new Problem("about:blank", "Invalid input", 400, detail, errors);
    }

    private static Optional<String> named(String value, UriInfo uri) {
        for (Map.Entry<String, List<String>> query : uri.getQueryParameters().entrySet()) {
            if (query.getValue().contains(value)) {
                return Optional.of(query.getKey());
            }
        }
        return uri.getPathParameters().entrySet().stream()
                .filter(path -> path.getValue().contains(value)).map(Map.Entry::getKey).findFirst();
    }

    private static String constants(String enumClass) {
        try {
            Class<?> type = Class.forName(enumClass, false, Thread.currentThread().getContextClassLoader());
            return type.isEnum() ? ": one of " + Arrays.toString(type.getEnumConstants()) : "";
        } catch (ClassNotFoundException | LinkageError e) {
            return "";
        }
    }
}
