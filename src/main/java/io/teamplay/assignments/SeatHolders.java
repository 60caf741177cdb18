package io.teamplay.assignments;

import io.teamplay.tasks.RoleHolders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The seats' answer to tasks' question "who holds this role here". */
@ApplicationScoped
class SeatHolders implements RoleHolders {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String accountId, String role) {
        return Assignment.of(accountId, role).map(a -> a.email);
    }
}
