package io.teamplay.segments;

/** A saved segment: its name and the filter {@code GET /api/accounts} takes (role, assignee, attributes). */
public record SavedSegmentView(String name, SegmentFilter filter) {
}
