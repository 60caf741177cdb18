package io.teamplay.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.teamplay.common.ProblemException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Account attributes are typed JSON scalars (string, number, boolean; dates as ISO strings), stored as JSON text. */
public final class AttributeValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private AttributeValues() {
    }

    /** True for a name an attribute may have. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches() && name.length() <= 200;
    }

    public static String requireName(String name) {
        if (!isName(name)) {
            throw ProblemException.badRequest("attributes." + name,
                    "attribute names start with a letter and hold only letters, digits and underscores");
        }
        return name;
    }

    /** The JSON text to store, or a 400 naming the attribute when the value is not a scalar. */
    public static String toJson(String name, JsonNode value) {
        if (!value.isValueNode() || value.isNull() || value.isBinary()) {
            throw ProblemException.badRequest("attributes." + name,
                    "attribute values are strings, numbers or booleans (dates as ISO-8601 strings), not " + value.getNodeType().name().toLowerCase());
        }
        if (value.isNumber() && value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // JSON read 1e999999999 as a double: infinite, no number the service can store or compare
            throw ProblemException.badRequest("attributes." + name, "the number is out of range: numbers hold at most"
                    + " about 308 digits before the decimal point");
        }
        String json = value.isNumber() ? canonicalNumber(value.decimalValue()) : value.toString();
        if (json.length() > 4000) {
            throw ProblemException.badRequest("attributes." + name, "attribute value is longer than 4000 characters");
        }
        return json;
    }

    private static String canonicalNumber(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    /** A value from a CSV cell: numbers and booleans are typed, everything else is a string. */
    public static JsonNode fromCell(String cell) {
        String text = cell.trim();
        if (NUMBER.matcher(text).matches() && text.length() < 30) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attribute is not JSON: " + json, e);
        }
    }

    /** The plain Java value (String, BigDecimal/Long, Boolean) of stored JSON text. */
    public static Object toJava(String json) {
        JsonNode node = json == null ? null : parse(json);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        return node.isNumber() ? node.decimalValue() : node.toString();
    }

    /**
     * {@link #toJava} of {@code json}, the text {@link #toJson} made of {@code value}, without parsing it back when the
     * value says what it is (a string, a boolean, a whole number that fits a long): the same result, cheaper for a batch.
     */
    public static Object toJava(JsonNode value, String json) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber() && json.length() < 19 && json.indexOf('.') < 0) {
            return Long.parseLong(json);
        }
        return toJava(json);
    }

    /** The JSON texts a filter value {@code attr.K=V} may match: V as a string, and V as a number or boolean. */
    public static java.util.List<String> filterCandidates(String value) {
        String asString = JsonNodeFactory.instance.textNode(value).toString();
        JsonNode typed = fromCell(value);
        String asTyped = typed.isNumber() ? toJson("filter", typed) : typed.toString();
        return asTyped.equals(asString) ? java.util.List.of(asString) : java.util.List.of(asString, asTyped);
    }
}
