package io.teamplay.imports;

import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The assignees the write path ({@link AssignmentService#change}) refused during one import, remembered: a file
 * names the same few people on thousands of rows, so a later row naming a refused assignee (an unknown or ambiguous
 * name) is reported as it is read, without writing its batch only to roll it back. Nothing is checked here; the
 * verdict is always the write path's. Bounded, least recently used first out, so a file of 100,000 distinct bad
 * names cannot fill the heap.
 */
final class AssigneeChecks {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, String> refused = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long hits;

    /** Why the write path refused this assignee for this role earlier in the import, if it did. */
    Optional<String> refusal(String role, Assignee assignee) {
        String reason = refused.get(key(role, assignee));
        if (reason != null) {
            hits++;
        }
        return Optional.ofNullable(reason);
    }

    void remember(String role, Assignee assignee, String reason) {
        refused.put(key(role, assignee), reason);
    }

    /** Rows reported from memory instead of from a write. */
    long hits() {
        return hits;
    }

    private static String key(String role, Assignee assignee) {
        return role + '\u0000' + (assignee.email() != null ? "e:" + assignee.email() : "n:" + assignee.name());
    }
}
