package io.teamplay.assignments;

import io.teamplay.common.BatchReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seats of a batch's accounts, read in the batch's one set query ({@link AssignmentService#teamsOf}) and kept
 * current by the write path's own changes, so a seat change inside a batch decides without reading its seat again.
 * Outside a batch ({@link BatchReads}) nothing is remembered. The batch holds its accounts' locks, so no one else
 * changes these seats meanwhile.
 */
@ApplicationScoped
class BatchSeats {

    /** A seat as remembered: its row and its holder. */
    record SeatRow(long id, String email, String name) {
        static SeatRow of(Assignment seat) {
            return new SeatRow(seat.id, seat.email, seat.name);
        }
    }

    /** account id -> role -> seat; an account present with a role missing: that role is vacant. */
    private static final class Seats extends HashMap<String, Map<String, SeatRow>> {
    }

    @Inject
    BatchReads batch;

    private Optional<Seats> seats() {
        return batch.kept(Seats.class, Seats::new);
    }

    /** The accounts' seats as just read: every role of these accounts not among them is vacant. */
    void read(Collection<String> accountIds, List<Assignment> rows) {
        seats().ifPresent(kept -> {
            accountIds.forEach(id -> kept.put(id, new HashMap<>()));
            rows.forEach(row -> kept.computeIfAbsent(row.accountId, id -> new HashMap<>()).put(row.role, SeatRow.of(row)));
        });
    }

    /** The seat remembered for this role (empty inside: vacant), or empty when this account's seats are not known. */
    Optional<Optional<SeatRow>> of(String accountId, String role) {
        return seats().map(kept -> kept.get(accountId)).map(roles -> Optional.ofNullable(roles.get(role)));
    }

    /** Whether this person holds another role on the account, or empty when its seats are not known. */
    Optional<Boolean> holdsAnother(String accountId, String email, String role) {
        return seats().map(kept -> kept.get(accountId)).map(roles -> roles.entrySet().stream()
                .anyMatch(seat -> !seat.getKey().equals(role) && Objects.equals(seat.getValue().email(), email)));
    }

    void changed(String accountId, String role, SeatRow now) {
        seats().map(kept -> kept.get(accountId)).ifPresent(roles -> {
            if (now == null) {
                roles.remove(role);
            } else {
                roles.put(role, now);
            }
        });
    }

    /** Seats written by another path (set-based, a user's name): read again when next asked. */
    void forget() {
        seats().ifPresent(Map::clear);
    }
}
