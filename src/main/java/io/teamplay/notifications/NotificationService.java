package io.teamplay.notifications;

import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentsChanged;
import io.teamplay.assignments.UserDisabled;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Actor;
import io.teamplay.users.Permission;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * In-app notifications: whoever made a change that moved tasks is told what moved. Written in the change's own
 * transaction, so a notice exists exactly when the change does. The only writer of {@link Notification}.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    @Inject
    Describe describe;
    @Inject
    UserService users;

    void onChange(@Observes AssignmentChanged change) {
        if (change.movedTasks().isEmpty()) {
            return;
        }
        String accountName = describe.accountName(change.accountId());
        String roleName = describe.roleName(change.role());
        String message = "%d task%s moved on %s: %s went from %s to %s%s".formatted(change.movedTasks().size(),
                change.movedTasks().size() == 1 ? "" : "s", accountName, roleName, describe.person(change.fromEmail()),
                describe.person(change.toEmail(), change.toName()), origin(change));
        for (String recipient : recipientsOf(change)) {
            Notification notice = new Notification();
            notice.recipient = recipient;
            notice.accountId = change.accountId();
            notice.accountName = accountName;
            notice.role = change.role();
            notice.roleName = roleName;
            notice.fromEmail = change.fromEmail();
            notice.toEmail = change.toEmail();
            notice.tasksMoved = change.movedTasks().size();
            notice.path = change.path().name();
            notice.actor = change.actor();
            notice.play = change.play() == null ? null : change.play().play();
            notice.message = message;
            notice.createdAt = change.at() == null ? Instant.now() : change.at();
            notice.persist();
        }
    }

    /** A bulk change: told as each of its changes would be (bulk changes move no tasks, so this is rare). */
    void onChanges(@Observes AssignmentsChanged bulk) {
        bulk.changes().stream().filter(change -> !change.movedTasks().isEmpty()).forEach(this::onChange);
    }

    /**
     * Disabling a user also moves open tasks that came with no seat; the one who disabled them is told the total.
     * (The per-account notices come from the seat changes themselves.)
     */
    void onUserDisabled(@Observes UserDisabled disabled) {
        if (disabled.tasksMoved() == 0 || disabled.actor() == null) {
            return;
        }
        Notification notice = new Notification();
        notice.recipient = disabled.actor();
        notice.fromEmail = disabled.email();
        notice.toEmail = disabled.reassignedTo();
        notice.tasksMoved = disabled.tasksMoved();
        notice.path = AssignmentPath.USER_DISABLE.name();
        notice.actor = disabled.actor();
        notice.message = "Disabling %s moved %d task%s and %d assignment%s to %s".formatted(
                describe.person(disabled.email()), disabled.tasksMoved(), disabled.tasksMoved() == 1 ? "" : "s",
                disabled.assignmentsMoved(), disabled.assignmentsMoved() == 1 ? "" : "s",
                describe.person(disabled.reassignedTo()));
        notice.createdAt = Instant.now();
        notice.persist();
    }

    /**
     * The acting user (for an import: who started it; for the admin token: "admin-token", read with that token);
     * for a play, the active ADMIN users of the team that owns it, or the admin token when that team has none.
     */
    private List<String> recipientsOf(AssignmentChanged change) {
        if (change.path() == AssignmentPath.PLAY && change.play() != null && change.play().team() != null) {
            return teamAdmins(change.play().team(), change.play().play());
        }
        return change.actor() == null ? List.of() : List.of(change.actor());
    }

    /** The active ADMIN users of the team owning a play, or the admin token when that team has none. */
    List<String> teamAdmins(String team, String play) {
        List<String> admins = team == null ? List.of() : users.membersOf(team).stream()
                .filter(UserView::isActive)
                .filter(u -> u.permission() == Permission.ADMIN)
                .map(UserView::email)
                .toList();
        if (admins.isEmpty()) {
            LOG.warnf("Team %s owning play %s has no active ADMIN: its notice goes to the admin token", team, play);
            return List.of(Actor.ADMIN_TOKEN_ACTOR);
        }
        return admins;
    }

    private static String origin(AssignmentChanged change) {
        if (change.play() != null) {
            return " (play \"%s\", rule \"%s\")".formatted(change.play().play(), change.play().rule());
        }
        return switch (change.path()) {
            case BULK_EDIT -> " (bulk edit)";
            case INTEGRATION -> " (import)";
            case USER_DISABLE -> " (user disabled)";
            case ROLE_DELETED -> " (role deleted)";
            default -> "";
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NotificationView> of(String recipient, boolean unreadOnly, PageRequest page) {
        var query = unreadOnly
                ? Notification.<Notification>find("recipient = ?1 and readAt is null order by createdAt desc, id desc", recipient)
                : Notification.<Notification>find("recipient = ?1 order by createdAt desc, id desc", recipient);
        List<NotificationView> items = query.page(page.page, page.size).list().stream().map(Notification::view).toList();
        return new Page<>(items, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(String recipient) {
        return Notification.count("recipient = ?1 and readAt is null", recipient);
    }

    public NotificationView markRead(String recipient, long id) {
        Notification notice = Notification.<Notification>findByIdOptional(id)
                .filter(n -> n.recipient.equals(recipient))
                .orElseThrow(() -> ProblemException.notFound("No notification " + id + " for " + recipient));
        if (notice.readAt == null) {
            notice.readAt = Instant.now();
        }
        return notice.view();
    }

    public int markAllRead(String recipient) {
        return Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", Instant.now(), recipient);
    }
}
