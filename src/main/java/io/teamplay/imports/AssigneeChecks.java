package io.teamplay.imports;

import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assignee checks of one import, remembered: a file names the same few people on thousands of rows, and each
 * check is a query. The verdict is still {@link AssignmentService#refusal}'s; a name it accepts is handed on with the
 * email it resolved to (the email wins, so the write resolves the same user by key instead of querying the name
 * again). Bounded, least recently used first out, so a file of 100,000 distinct emails cannot fill the heap.
 */
final class AssigneeChecks {

    static final int MAX_ENTRIES = 10_000;

    /** A refusal (and no assignee), or the assignee to hand to the write path. */
    record Checked(String refusal, Assignee assignee) {
    }

    private final AssignmentService assignments;
    private final UserService users;
    private final Map<String, Checked> memo = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long hits;
    private long misses;

    AssigneeChecks(AssignmentService assignments, UserService users) {
        this.assignments = assignments;
        this.users = users;
    }

    Checked check(String role, Assignee given) {
        String key = role + '\u0000' + (given.email() != null ? "e:" + given.email() : "n:" + given.name());
        Checked known = memo.get(key);
        if (known != null) {
            hits++;
            return known;
        }
        misses++;
        known = checkNow(role, given);
        memo.put(key, known);
        return known;
    }

    private Checked checkNow(String role, Assignee given) {
        Optional<String> refusal = assignments.refusal(role, given, AssignmentPath.INTEGRATION, null);
        if (refusal.isPresent()) {
            return new Checked(refusal.get(), null);
        }
        if (given.email() == null) {
            List<UserView> named = users.named(given.name());
            if (named.size() == 1) {
                return new Checked(null, new Assignee(named.get(0).email(), given.name()));
            }
        }
        return new Checked(null, given);
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }
}
