package io.teamplay.accounts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Body of POST and PATCH /api/accounts; on PATCH a null attribute value removes the attribute. */
public record AccountRequest(String id, String name, Map<String, JsonNode> attributes) {
}
