package io.teamplay.segments;

import io.teamplay.common.Emails;

import java.util.Map;

/**
 * Which accounts: {@code role} alone = someone holds it; {@code assignee} alone = they hold any role; both = they hold
 * that role; {@code attributes} = each attribute has that value.
 */
public record SegmentFilter(String role, String assignee, Map<String, String> attributes) {

    public SegmentFilter {
        role = role == null || role.isBlank() ? null : role.trim().toLowerCase(java.util.Locale.ROOT);
        assignee = assignee == null || assignee.isBlank() ? null : Emails.normalise(assignee);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
