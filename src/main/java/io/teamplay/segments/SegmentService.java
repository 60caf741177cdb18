package io.teamplay.segments;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Segments: filtered, paged lists of accounts, and bulk edits of a role over a filter. */
@ApplicationScoped
public class SegmentService {

    private static final Logger LOG = Logger.getLogger(SegmentService.class);

    @Inject
    SegmentQuery query;
    @Inject
    AssignmentService assignments;

    @Inject
    SegmentsConfig config;
    @Inject
    RoleService roles;

    /** A page with the exact total (the web's account list). */
    @Transactional
    public Page<AccountSummary> search(SegmentFilter filter, PageRequest page) {
        return query.bounded(() -> new Page<>(summaries(query.ids(filter, page, null)), query.count(filter)));
    }

    /**
     * A page of the segment (after {@code after} when given: keyset paging), with its total counted only as far as
     * {@code teamplay.segments.count-limit} (or the page's end, if further) unless {@code exactCount}: counting a
     * million matches on every page is what made the first page slow.
     */
    @Transactional
    public SegmentPage page(SegmentFilter filter, PageRequest page, String after, boolean exactCount) {
        filter.requireWithinCap("attr");
        return query.bounded(() -> {
            List<String> ids = query.ids(filter, page, after);
            long total;
            boolean exact = true;
            if (exactCount) {
                total = query.count(filter);
            } else {
                long limit = Math.max(config.countLimit(), (after != null ? 0L : page.offset()) + page.size) + 1;
                total = query.countUpTo(filter, limit);
                if (total == limit) {
                    total--;
                    exact = false;
                }
            }
            String next = ids.size() == page.size ? ids.get(ids.size() - 1) : null;
            return new SegmentPage(summaries(ids), total, exact, next);
        });
    }

    private List<AccountSummary> summaries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query.summaries(ids, roles.all().stream().collect(Collectors.toMap(RoleView::key, RoleView::displayName)));
    }

    /**
     * The ids of every account matching the filter, in id order, or a refusal naming the count when more than
     * {@code atMost} match (a caller about to work on each one asks for a narrower filter rather than run for minutes).
     */
    @Transactional
    public List<String> matching(SegmentFilter filter, int atMost) {
        if (atMost < Integer.MAX_VALUE) {
            long count = query.bounded(() -> query.countUpTo(filter, atMost + 1L));
            if (count > atMost) {
                throw ProblemException.refused("filter", "the filter matches more than " + atMost
                        + " accounts; at most " + atMost + " can be previewed at once: narrow the filter");
            }
        }
        // no timeout: a caller asking for every match (a backfill) then works on each one for far longer
        return query.ids(filter, null, null);
    }

    /**
     * Applies the role to every matching account through the one write path, each account in its own transaction
     * (all or nothing per account). A refusal on the first account (ineligible user, unknown role) refuses the
     * whole request before anything is written. After that, an account that is refused or fails (a deadlock, a lost
     * connection) is reported in {@code errors} and the others go on: the answer counts what was written.
     */
    public BulkAssignResult bulkAssign(BulkAssignment request, String actor) {
        requireRole(request.role());
        Assignee assignee = new Assignee(request.email(), request.name());
        BulkAssignResult result = overEach(request.filter(), id ->
                AssignmentChange.assign(id, request.role(), assignee, AssignmentPath.BULK_EDIT, actor));
        LOG.infof("Bulk assign of %s to %s by %s: %d matched, %d changed, %d tasks moved", request.role(),
                request.email() != null ? request.email() : request.name(), actor, result.matched(), result.changed(),
                result.tasksMoved());
        return result;
    }

    /** Clears the role on every matching account, as {@link #bulkAssign} assigns it: same write path, same answer. */
    public BulkAssignResult bulkClear(BulkClear request, String actor) {
        requireRole(request.role());
        BulkAssignResult result = overEach(request.filter(), id ->
                AssignmentChange.clear(id, request.role(), AssignmentPath.BULK_EDIT, actor));
        LOG.infof("Bulk clear of %s by %s: %d matched, %d changed, %d tasks moved", request.role(), actor,
                result.matched(), result.changed(), result.tasksMoved());
        return result;
    }

    private static void requireRole(String role) {
        if (role == null || role.isBlank()) {
            throw ProblemException.badRequest("role", "role is required");
        }
    }

    private BulkAssignResult overEach(SegmentFilter requested, Function<String, AssignmentChange> change) {
        SegmentFilter filter = (requested == null ? new SegmentFilter(null, null, null) : requested)
                .requireWithinCap("filter.attributes");
        List<String> ids = QuarkusTransaction.joiningExisting().call(() -> query.ids(filter, null, null));
        int changed = 0;
        int tasksMoved = 0;
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            AssignmentResult result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> assignments.change(change.apply(id)));
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "Bulk change on account %s failed; going on with the next account", id);
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
        return new BulkAssignResult(ids.size(), changed, tasksMoved, errors);
    }
}
