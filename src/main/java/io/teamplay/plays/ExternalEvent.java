package io.teamplay.plays;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/events} (and the optional event of a dry run): an account event from outside. {@code id}
 * makes redelivery safe: the same id is handled once.
 */
public record ExternalEvent(String id, String type, String accountId, String attribute, JsonNode oldValue,
                            JsonNode newValue, String role, String fromEmail, String toEmail, String userEmail,
                            LocalDate date) {
}
