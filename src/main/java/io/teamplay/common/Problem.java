package io.teamplay.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document, with the fields, lines or rules at fault in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** One fault: a field (JSON path or CSV column) or a line, with what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, Integer column, String message) {

        public static FieldError field(String field, String message) {
            return new FieldError(field, null, null, message);
        }

        public static FieldError line(int line, Integer column, String message) {
            return new FieldError(null, line, column, message);
        }
    }
}
