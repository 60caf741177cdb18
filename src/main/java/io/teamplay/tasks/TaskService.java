package io.teamplay.tasks;

import io.teamplay.accounts.AccountService;
import io.teamplay.common.Emails;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.users.UserService;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** The only writer of tasks and of the task-ownership policy. */
@ApplicationScoped
@Transactional
public class TaskService {

    private static final Logger LOG = Logger.getLogger(TaskService.class);

    @Inject
    io.teamplay.common.BatchReads batch;
    @Inject
    AccountService accounts;
    @Inject
    RoleHolders holders;
    @Inject
    UserService users;

    public TaskView create(NewTask request) {
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw ProblemException.badRequest("accountId", "accountId is required");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw ProblemException.badRequest("title", "title is required");
        }
        if (!accounts.exists(request.accountId())) {
            throw ProblemException.notFound("No account with id " + request.accountId());
        }
        Task task = new Task();
        task.accountId = request.accountId().trim();
        task.title = request.title().trim();
        task.role = request.role() == null || request.role().isBlank() ? null : request.role().trim().toLowerCase(java.util.Locale.ROOT);
        task.assignee = assigneeOf(request, task);
        task.source = request.source() == null ? TaskSource.MANUAL : request.source();
        task.status = TaskStatus.OPEN;
        task.dueDate = request.dueDate();
        task.priority = request.priority() == null ? TaskPriority.NORMAL : request.priority();
        task.createdAt = Instant.now();
        task.persist();
        openTasks().ifPresent(open -> open.withOpen.add(task.accountId));
        LOG.infof("Task %d created on account %s for %s (%s)", task.id, task.accountId, task.assignee, task.source);
        return task.view();
    }

    public TaskView markDone(long id) {
        Task task = Task.<Task>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No task with id " + id));
        task.status = TaskStatus.DONE;
        return task.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(long id) {
        return Task.<Task>findByIdOptional(id).map(Task::view).orElseThrow(() -> ProblemException.notFound("No task with id " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> list(String accountId, String assignee, TaskStatus status, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        if (accountId != null) {
            where.add("accountId = :accountId");
            params.and("accountId", accountId.trim());
        }
        if (assignee != null) {
            where.add("assignee = :assignee");
            params.and("assignee", Emails.normalise(assignee));
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        String query = (where.length() == 0 ? "" : where + " ") + "order by id";
        var found = Task.<Task>find(query, params);
        return new Page<>(found.page(page.page, page.size).list().stream().map(Task::view).toList(), found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskOwnershipPolicy policy() {
        // a batch of events reads the policy once: plays never change it
        return batch.once(PolicySetting.class, () -> PolicySetting.current().policy);
    }

    public TaskOwnershipPolicy changePolicy(TaskOwnershipPolicy policy, String actor) {
        if (policy == null) {
            throw ProblemException.badRequest("policy", "policy is required: ACCOUNT_ONLY, OPEN_TASKS_EXCEPT_MANUAL or ALL_OPEN_TASKS");
        }
        PolicySetting.current().policy = policy;
        LOG.infof("Task-ownership policy set to %s by %s", policy, actor);
        return policy;
    }

    /** Moves the tasks the current policy moves on this handover; answers them as they were before the move. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TaskView> handOver(Handover handover) {
        List<Task> moving = tasksMovingOn(handover);
        List<TaskView> before = moving.stream().map(Task::view).toList();
        moving.forEach(task -> task.assignee = handover.toEmail());
        return before;
    }

    /** The tasks the current policy would move on this handover, moving nothing (for dry runs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskView> previewHandOver(Handover handover) {
        return tasksMovingOn(handover).stream().map(Task::view).toList();
    }

    /** The open tasks of one account, oldest first (what plays read as the account's open tasks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskView> openOn(String accountId) {
        List<TaskView> open = Task.<Task>list("accountId = ?1 and status = ?2 order by id", accountId, TaskStatus.OPEN).stream()
                .map(Task::view).toList();
        openTasks().ifPresent(known -> known.read(List.of(accountId), open));
        return open;
    }

    /** The open tasks of several accounts in one query, by account id, each oldest first (as {@link #openOn}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, List<TaskView>> openOnAll(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<TaskView> open = Task.<Task>list("accountId in ?1 and status = ?2 order by id", accountIds, TaskStatus.OPEN).stream()
                .map(Task::view).toList();
        openTasks().ifPresent(known -> known.read(accountIds, open));
        return open.stream().collect(java.util.stream.Collectors.groupingBy(TaskView::accountId));
    }

    /**
     * Whether a hand-over on this account may move tasks: not under "account only", nor (inside a batch) on an
     * account the batch read with no open task and gave none since; then the hand-over need not look for them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayMoveOn(String accountId) {
        if (policy() == TaskOwnershipPolicy.ACCOUNT_ONLY) {
            return false;
        }
        return openTasks().map(known -> !known.read.contains(accountId) || known.withOpen.contains(accountId)).orElse(true);
    }

    /** Inside a batch: the accounts whose open tasks it read, and those of them that have one (or were given one). */
    private static final class OpenTaskAccounts {
        final java.util.Set<String> read = new java.util.HashSet<>();
        final java.util.Set<String> withOpen = new java.util.HashSet<>();

        void read(java.util.Collection<String> accountIds, List<TaskView> open) {
            read.addAll(accountIds);
            withOpen.removeAll(accountIds);
            open.forEach(task -> withOpen.add(task.accountId()));
        }
    }

    private java.util.Optional<OpenTaskAccounts> openTasks() {
        return batch.kept(OpenTaskAccounts.class, OpenTaskAccounts::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOpenOf(String email) {
        return Task.count("assignee = ?1 and status = ?2", Emails.normalise(email), TaskStatus.OPEN);
    }

    /** How many open tasks each of these users has, in one query (users with none are left out). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, Long> countOpenOfAll(java.util.Collection<String> emails) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        if (!emails.isEmpty()) {
            Task.getEntityManager().createQuery("select t.assignee, count(t) from Task t where t.status = ?1 "
                            + "and t.assignee in ?2 group by t.assignee", Object[].class)
                    .setParameter(1, TaskStatus.OPEN).setParameter(2, emails).getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** Which of these accounts have an open task (a seat changing hands there may move tasks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<String> accountsWithOpenTasks(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(Task.getEntityManager()
                .createQuery("select distinct t.accountId from Task t where t.status = ?1 and t.accountId in ?2", String.class)
                .setParameter(1, TaskStatus.OPEN).setParameter(2, accountIds).getResultList());
    }

    /** Every open task of one user goes to another (disabling a user): answers them as they were before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TaskView> reassignAllOpen(String fromEmail, String toEmail) {
        List<Task> open = Task.list("assignee = ?1 and status = ?2 order by id", fromEmail, TaskStatus.OPEN);
        List<TaskView> before = new ArrayList<>(open.stream().map(Task::view).toList());
        open.forEach(task -> task.assignee = toEmail);
        return before;
    }

    private List<Task> tasksMovingOn(Handover handover) {
        if (handover.fromEmail() == null || handover.toEmail() == null) {
            return List.of();
        }
        TaskOwnershipPolicy policy = policy();
        List<Task> candidates = Task.list("accountId = ?1 and assignee = ?2 and status = ?3 order by id",
                handover.accountId(), handover.fromEmail(), TaskStatus.OPEN);
        return candidates.stream().filter(handover::concerns).filter(policy::moves).toList();
    }

    private String assigneeOf(NewTask request, Task task) {
        if (request.assignee() != null && !request.assignee().isBlank()) {
            String email = Emails.require("assignee", request.assignee());
            // shared lock on the user: a disable running now either sees this task or makes this refusal
            var status = users.lockStatus(email, false);
            if (status.isEmpty()) {
                throw ProblemException.refused("assignee", "No user with email " + email);
            }
            if (status.get() != io.teamplay.users.UserStatus.ACTIVE) {
                throw ProblemException.refused("assignee", email + " is disabled: a disabled user owns no open tasks");
            }
            return email;
        }
        if (task.role != null) {
            return holders.holderOf(task.accountId, task.role)
                    .orElseThrow(() -> ProblemException.refused("role",
                            "Nobody holds role " + task.role + " on account " + task.accountId + " to take the task"));
        }
        throw ProblemException.badRequest("assignee", "assignee or role is required");
    }
}
