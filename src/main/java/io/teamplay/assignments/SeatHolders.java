package io.teamplay.assignments;

import io.teamplay.tasks.RoleHolders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The seats' answer to tasks' question "who holds this role here". */
@ApplicationScoped
class SeatHolders implements RoleHolders {

    @jakarta.inject.Inject
    BatchSeats seats;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String accountId, String role) {
        return seats.of(accountId, role).orElseGet(() -> Assignment.of(accountId, role).map(BatchSeats.SeatRow::of))
                .map(BatchSeats.SeatRow::email);
    }
}
