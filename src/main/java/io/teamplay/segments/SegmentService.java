package io.teamplay.segments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.accounts.AccountService;
import io.teamplay.assignments.TeamMember;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.common.Failures;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Segments: filtered, paged lists of accounts, and bulk edits of a role over a filter. */
@ApplicationScoped
public class SegmentService {

    private static final Logger LOG = Logger.getLogger(SegmentService.class);

    @Inject
    SegmentQuery query;
    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountSummary> search(SegmentFilter filter, PageRequest page) {
        List<String> ids = query.ids(filter, page);
        Map<String, List<TeamMember>> teams = assignments.teamsOf(ids);
        List<AccountSummary> items = accounts.getAll(ids).stream()
                .map(account -> new AccountSummary(account.id(), account.name(), account.attributes(),
                        teams.getOrDefault(account.id(), List.of())))
                .toList();
        return new Page<>(items, query.count(filter));
    }

    /**
     * The ids of every account matching the filter, in id order, or a refusal naming the count when more than
     * {@code atMost} match (a caller about to work on each one asks for a narrower filter rather than run for minutes).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> matching(SegmentFilter filter, int atMost) {
        long count = query.count(filter);
        if (count > atMost) {
            throw ProblemException.refused("filter", "the filter matches " + count + " accounts; at most " + atMost
                    + " can be previewed at once: narrow the filter");
        }
        return query.ids(filter, null);
    }

    /**
     * Applies the role to every matching account through the one write path, each account in its own transaction
     * (all or nothing per account). A refusal on the first account (ineligible user, unknown role) refuses the
     * whole request before anything is written. After that, an account that is refused or fails (a deadlock, a lost
     * connection) is reported in {@code errors} and the others go on: the answer counts what was written.
     */
    public BulkAssignResult bulkAssign(BulkAssignment request, String actor) {
        if (request.role() == null || request.role().isBlank()) {
            throw ProblemException.badRequest("role", "role is required");
        }
        SegmentFilter filter = request.filter() == null ? new SegmentFilter(null, null, null) : request.filter();
        Assignee assignee = new Assignee(request.email(), request.name());
        List<String> ids = QuarkusTransaction.joiningExisting().call(() -> query.ids(filter, null));
        int changed = 0;
        int tasksMoved = 0;
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            AssignmentResult result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> assignments.change(
                        AssignmentChange.assign(id, request.role(), assignee, AssignmentPath.BULK_EDIT, actor)));
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "Bulk assign of %s on account %s failed; going on with the next account", request.role(), id);
                errors.add(Problem.FieldError.field("account " + id, Failures.describe(failed)));
                continue;
            }
            if (result instanceof AssignmentResult.Applied applied) {
                changed += applied.changed() ? 1 : 0;
                tasksMoved += applied.tasksMoved();
            } else if (i == 0) {
                result.requireApplied();
            } else {
                errors.add(Problem.FieldError.field("account " + id, ((AssignmentResult.Refused) result).reason()));
            }
        }
        LOG.infof("Bulk assign of %s to %s by %s: %d matched, %d changed, %d tasks moved",
                request.role(), request.email() != null ? request.email() : request.name(), actor, ids.size(), changed, tasksMoved);
        return new BulkAssignResult(ids.size(), changed, tasksMoved, errors);
    }
}
