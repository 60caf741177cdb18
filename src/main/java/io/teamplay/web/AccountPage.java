package io.teamplay.web;

import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.HistoryView;
import io.teamplay.assignments.TeamMember;
import io.teamplay.plays.RunView;
import io.teamplay.roles.RoleView;
import io.teamplay.tasks.TaskView;
import io.teamplay.users.UserView;

import java.util.List;
import java.util.Map;

/**
 * What the account page shows: the account, one row per role (holder, and the users the picker offers), the open
 * tasks, the history, the plays' runs on it, and what the last change came to.
 */
public record AccountPage(AccountView account, List<SeatRow> seats, List<TaskView> openTasks, List<HistoryView> history,
                          List<RunView> runs, Map<String, String> roleNames, Outcome outcome) {

    /** One role of the team: its holder (null when nobody holds it) and who may be picked for it here. */
    public record SeatRow(RoleView role, TeamMember holder, List<UserView> candidates) {

        public boolean locked() {
            return !role.editable();
        }
    }

    /** The answer to the last change: a message, and whether it was refused (shown as an error). */
    public record Outcome(String role, String message, boolean refused) {
    }
}
