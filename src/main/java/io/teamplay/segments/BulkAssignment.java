package io.teamplay.segments;

/** Body of POST /api/accounts/bulk-assign: give {@code email} (or {@code name}) the role on every matching account. */
public record BulkAssignment(SegmentFilter filter, String role, String email, String name) {
}
