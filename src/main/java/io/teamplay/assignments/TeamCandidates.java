package io.teamplay.assignments;

import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Who a picker may offer for a seat: the users the path's eligibility rule would accept (the same rule the write path
 * checks), found by name or email. A role the path may not set offers nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TeamCandidates {

    /** Users looked at per search: the picker shows a short list and asks for more letters. */
    static final int SEARCHED = 200;

    @Inject
    RoleService roles;
    @Inject
    UserService users;

    public List<UserView> eligible(String role, AssignmentPath path, String search, int limit) {
        Optional<RoleView> seat = roles.find(role);
        if (seat.isEmpty() || path.eligibility.clearRefusal(seat.get()).isPresent()) {
            return List.of();
        }
        return users.searchActive(search, SEARCHED).stream()
                .filter(user -> path.eligibility.refusal(seat.get(), user.email(), Optional.of(user), null).isEmpty())
                .limit(limit)
                .toList();
    }
}
