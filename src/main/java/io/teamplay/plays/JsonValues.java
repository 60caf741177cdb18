package io.teamplay.plays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamplay.accounts.AttributeValues;

/** Attribute values (JSON scalars) as stored in event rows: JSON text, read back as String, Long, BigDecimal or Boolean. */
final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    static String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value instanceof JsonNode node && node.isNull() ? null : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + value, e);
        }
    }

    /** A value (Java, or a JSON node) as plays read it as text: "" for none, 100 for 100.0. */
    static String text(Object value) {
        Object plain = value instanceof JsonNode node ? toJava(toJson(node)) : value;
        return plain == null ? "" : plain instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : plain.toString();
    }

    static Object toJava(String json) {
        try {
            return AttributeValues.toJava(json);
        } catch (IllegalStateException notJson) {
            return json;
        }
    }
}
