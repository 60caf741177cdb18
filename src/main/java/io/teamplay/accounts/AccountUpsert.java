package io.teamplay.accounts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** One account as an integration gives it: created when new, else renamed (a non-blank name) and attributes set. */
public record AccountUpsert(String id, String name, Map<String, JsonNode> attributes) {
}
