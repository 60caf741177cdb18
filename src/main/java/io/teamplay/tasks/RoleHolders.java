package io.teamplay.tasks;

import java.util.Optional;

/**
 * Who holds a role on an account, as tasks need it to hand a task given to a role to its holder. Seats are the
 * assignments feature's, which depends on tasks (a seat change moves tasks), so tasks asks through this interface
 * and assignments implements it: dependencies and beans point one way.
 */
public interface RoleHolders {

    Optional<String> holderOf(String accountId, String role);
}
