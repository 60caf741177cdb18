package io.teamplay.segments;

import java.util.List;

/**
 * A page of a segment: {@code {"items":[...],"total":N,"totalExact":true|false,"nextAfter":"id"|null}}. The shape of
 * {@code Page} plus two fields: when {@code totalExact} is false, {@code total} is a lower bound ("N or more": the
 * count stopped there); {@code nextAfter} is the id to pass as {@code after=} for the next page (keyset paging), null
 * on the last page.
 */
public record SegmentPage(List<AccountSummary> items, long total, boolean totalExact, String nextAfter) {
}
