package io.teamplay.accounts;

import java.util.Map;

/** What other features may know of an account: id, name and typed attribute values. */
public record AccountView(String id, String name, Map<String, Object> attributes) {
}
