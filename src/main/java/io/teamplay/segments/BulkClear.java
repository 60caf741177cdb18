package io.teamplay.segments;

/** {@code POST /api/accounts/bulk-clear}: clear {@code role} on every account the filter matches. */
public record BulkClear(SegmentFilter filter, String role) {
}
