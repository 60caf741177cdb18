package io.teamplay.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.common.Failures;
import io.teamplay.segments.BulkAssignResult;
import io.teamplay.segments.BulkAssignment;
import io.teamplay.segments.SegmentService;
import io.teamplay.users.License;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Bulk edits of one role over a filter, for the accounts list: first a dry evaluation (each matched account's change
 * decided by the write path's own preview, nothing written), then the edit itself. Assigning is the segments' bulk
 * assign ({@code POST /api/accounts/bulk-assign}); clearing goes account by account through the same write path
 * (path BULK_EDIT), each in its own transaction, as bulk assign does.
 */
@ApplicationScoped
public class BulkEdits {

    /** The most accounts one bulk edit previews and changes: a larger segment asks for a narrower filter. */
    static final int MOST = 5_000;
    static final int ASSIGNABLE_LISTED = 200;
    private static final Logger LOG = Logger.getLogger(BulkEdits.class);

    /** What a bulk edit would do: accounts matched, those that would change, and the first reasons of refusals. */
    public record Plan(int matched, int changing, int unchanged, int refused, int tasksMoving, List<String> reasons) {
    }

    /** What it did. */
    public record Done(int matched, int changed, int tasksMoved, List<String> errors) {
    }

    @Inject
    SegmentService segments;
    @Inject
    AssignmentService assignments;
    @Inject
    UserService users;

    /** Users a bulk assign may name: active PRACTITIONER and CONTRIBUTOR users, as on the account page. */
    List<UserView> assignable() {
        return users.searchActive("", ASSIGNABLE_LISTED).stream().filter(user -> user.license() != License.VIEWER).toList();
    }

    /** Decides each matched account's change as the write path would now, writing nothing. */
    Plan plan(AccountFilter filter, String role, String email, String actor) {
        List<String> ids = segments.matching(filter.segment(), MOST);
        int changing = 0;
        int unchanged = 0;
        int tasksMoving = 0;
        List<String> reasons = new ArrayList<>();
        for (String id : ids) {
            AssignmentResult result = assignments.preview(change(id, role, email, actor));
            if (result instanceof AssignmentResult.Refused refused) {
                if (reasons.size() < 5) {
                    reasons.add("account " + id + ": " + refused.reason());
                }
            } else if (((AssignmentResult.Applied) result).changed()) {
                changing++;
                tasksMoving += ((AssignmentResult.Applied) result).tasksMoved();
            } else {
                unchanged++;
            }
        }
        return new Plan(ids.size(), changing, unchanged, ids.size() - changing - unchanged, tasksMoving, reasons);
    }

    Done assign(AccountFilter filter, String role, String email, String actor) {
        BulkAssignResult result = segments.bulkAssign(new BulkAssignment(filter.segment(), role, email, null), actor);
        return new Done(result.matched(), result.changed(), result.tasksMoved(),
                result.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    /** Clears the role on every matched account, each account in its own transaction; a refusal is reported, not thrown. */
    Done clear(AccountFilter filter, String role, String actor) {
        List<String> ids = segments.matching(filter.segment(), MOST);
        int changed = 0;
        List<String> errors = new ArrayList<>();
        for (String id : ids) {
            try {
                AssignmentResult result = QuarkusTransaction.requiringNew().call(() -> assignments.change(change(id, role, null, actor)));
                if (result instanceof AssignmentResult.Refused refused) {
                    errors.add("account " + id + ": " + refused.reason());
                } else if (((AssignmentResult.Applied) result).changed()) {
                    changed++;
                }
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "Bulk clear of %s on account %s failed; going on with the next account", role, id);
                errors.add("account " + id + ": " + Failures.describe(failed));
            }
        }
        LOG.infof("Bulk clear of %s by %s: %d matched, %d changed", role, actor, ids.size(), changed);
        return new Done(ids.size(), changed, 0, errors);
    }

    private static AssignmentChange change(String id, String role, String email, String actor) {
        return email == null ? AssignmentChange.clear(id, role, AssignmentPath.BULK_EDIT, actor)
                : AssignmentChange.assign(id, role, new Assignee(email, null), AssignmentPath.BULK_EDIT, actor);
    }
}
