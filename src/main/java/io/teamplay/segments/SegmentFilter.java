package io.teamplay.segments;

import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;

import java.util.Map;

/**
 * Which accounts: {@code role} alone = someone holds it; {@code assignee} alone = they hold any role; both = they hold
 * that role; {@code attributes} = each attribute has that value; {@code noHolder} = nobody holds that role.
 */
public record SegmentFilter(String role, String assignee, Map<String, String> attributes, String noHolder) {

    /** More attribute filters than this are refused: each one is a join, and the planner's choices degrade past it. */
    public static final int MAX_ATTRIBUTES = 10;

    public SegmentFilter {
        role = roleKey(role);
        assignee = assignee == null || assignee.isBlank() ? null : Emails.normalise(assignee);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        noHolder = roleKey(noHolder);
    }

    public SegmentFilter(String role, String assignee, Map<String, String> attributes) {
        this(role, assignee, attributes, null);
    }

    /** Refuses more than {@link #MAX_ATTRIBUTES} attribute filters, naming {@code field}. */
    SegmentFilter requireWithinCap(String field) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw ProblemException.badRequest(field, "at most " + MAX_ATTRIBUTES + " attribute filters at once, "
                    + attributes.size() + " given");
        }
        return this;
    }

    private static String roleKey(String role) {
        return role == null || role.isBlank() ? null : role.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
