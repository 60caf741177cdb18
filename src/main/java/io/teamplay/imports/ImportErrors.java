package io.teamplay.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The errors of one import: every one counted, the first {@value #KEPT} in line order kept for the answer, so a file
 * of a million bad rows answers a bounded document (and holds a bounded list while it runs).
 */
final class ImportErrors {

    static final int KEPT = 1_000;

    /** An error and the order it was found in, so errors of one line keep their column order. */
    private record Found(ImportError error, long seq) {
    }

    private static final Comparator<Found> IN_LINE_ORDER =
            Comparator.comparingLong((Found f) -> f.error().line()).thenComparingLong(Found::seq);

    /** The kept errors, the last in line order at the head: it is the one to drop when an earlier line turns up. */
    private final PriorityQueue<Found> kept = new PriorityQueue<>(IN_LINE_ORDER.reversed());
    private long count;

    void add(ImportError error) {
        kept.add(new Found(error, count++));
        if (kept.size() > KEPT) {
            kept.poll();
        }
    }

    long count() {
        return count;
    }

    List<ImportError> firstInLineOrder() {
        List<Found> found = new ArrayList<>(kept);
        found.sort(IN_LINE_ORDER);
        return found.stream().map(Found::error).toList();
    }
}
