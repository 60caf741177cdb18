package io.teamplay.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Says what is wrong with a request body in the words of JSON (a string, a number, an object, a list), since the
 * JSON reader's own messages name the service's Java types ({@code java.util.LinkedHashMap<...>}).
 */
final class JsonWords {

    private JsonWords() {
    }

    static String describe(JsonProcessingException e, String field) {
        String what = field == null ? "the body" : field;
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not accepted" + accepted(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return what + " must be " + kind(mismatch.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return "the body holds a value larger than the service reads (a number of more than 1000 digits,"
                    + " a string of more than 20 million characters, or nesting deeper than 1000 levels)";
        }
        if (e instanceof JsonParseException parse) {
            // the parser's own sentence is about the text it read (an unexpected character, an unclosed object)
            return "not valid JSON: " + parse.getOriginalMessage() + at(parse.getLocation());
        }
        return what + " could not be read";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String accepted(Class<?> type) {
        if (type != null && type.isEnum()) {
            return ": one of " + Arrays.toString(type.getEnumConstants());
        }
        return type == null ? "" : " as " + kind(type);
    }

    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO-8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object" + (Map.class.isAssignableFrom(type) ? "" : " of the documented fields");
    }
}
