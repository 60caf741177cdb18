package io.teamplay.users;

import io.teamplay.common.Emails;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The only writer of users. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    @Inject
    io.teamplay.common.BatchReads batch;
    @Inject
    Event<UserCreated> created;
    @Inject
    Event<UserRenamed> renamed;

    public UserView create(NewUser request) {
        String email = Emails.require("email", request.email());
        String name = requireName(request.name());
        if (User.findById(email) != null) {
            throw ProblemException.conflict("A user with email " + email + " already exists");
        }
        User user = new User();
        user.email = email;
        user.name = name;
        user.license = request.license();
        user.permission = request.permission() == null ? Permission.STANDARD : request.permission();
        user.status = UserStatus.ACTIVE;
        user.createdAt = Instant.now();
        user.teams = cleanTeams(request.teams());
        try {
            user.persistAndFlush();
        } catch (jakarta.persistence.PersistenceException race) {
            if (race instanceof org.hibernate.exception.ConstraintViolationException
                    || race.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                // a concurrent request created the same email between the check above and this insert
                throw ProblemException.conflict("A user with email " + email + " already exists");
            }
            throw race;
        }
        created.fire(new UserCreated(email, name));
        LOG.infof("User created: %s (%s, %s)", email, user.license, user.permission);
        return user.view();
    }

    public UserView update(String email, UserPatch patch) {
        User user = require(email);
        if (patch.name() != null && !patch.name().trim().equals(user.name)) {
            user.name = requireName(patch.name());
            renamed.fire(new UserRenamed(user.email, user.name));
        }
        if (patch.license() != null) {
            user.license = patch.license();
        }
        if (patch.permission() != null) {
            user.permission = patch.permission();
        }
        if (patch.teams() != null) {
            user.teams.clear();
            user.teams.addAll(cleanTeams(patch.teams()));
        }
        LOG.infof("User updated: %s", user.email);
        return user.view();
    }

    /** Marks the user disabled; their assignments and tasks must have been moved by the caller first. */
    public UserView markDisabled(String email) {
        User user = require(email);
        user.status = UserStatus.DISABLED;
        LOG.infof("User disabled: %s", user.email);
        return user.view();
    }

    /** Makes a disabled user active again; the seats handed over when they were disabled stay where they went. */
    public UserView markActive(String email) {
        User user = require(email);
        user.status = UserStatus.ACTIVE;
        LOG.infof("User re-enabled: %s", user.email);
        return user.view();
    }

    /**
     * Locks the user's row until the caller's transaction ends and answers their status as committed now (empty when
     * no user has this email). Disabling takes it exclusively, a team change naming the user shared: so a user being
     * disabled is never given a seat the disable did not see. Hibernate writes the lock for the database: FOR SHARE on
     * PostgreSQL; on H2 (the embedded default), which has no shared row locks, FOR UPDATE.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UserStatus> lockStatus(String email, boolean exclusive) {
        if (!exclusive) {
            // inside a batch of events the shared lock, once taken, is held until the batch commits: a disable waits
            // for it, so the status read under it stays true for the batch
            return batch.once(new SharedLock(Emails.normalise(email)), () -> readLockedStatus(email, false));
        }
        return readLockedStatus(email, true);
    }

    private Optional<UserStatus> readLockedStatus(String email, boolean exclusive) {
        // a query, not find(): the status is read from the locked row even when the user is already loaded
        return User.getEntityManager()
                .createQuery("select u.status from User u where u.email = :email", UserStatus.class)
                .setParameter("email", Emails.normalise(email))
                .setLockMode(exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String email) {
        return require(email).view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> find(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String normalised = Emails.normalise(email);
        // a batch of events reads each user once: plays never change users
        return batch.once(new Found(normalised), () -> User.<User>findByIdOptional(normalised).map(User::view));
    }

    /** The keys a batch remembers a user, and the shared lock taken on their status, under. */
    private record Found(String email) {
    }

    private record SharedLock(String email) {
    }

    /**
     * The users with these (normalised) emails, by email, each row share-locked as {@link #lockStatus} does (FOR SHARE
     * on PostgreSQL, FOR UPDATE on H2): one query for a whole batch of team changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UserView> lockAll(Collection<String> emails) {
        Map<String, UserView> found = new HashMap<>();
        if (!emails.isEmpty()) {
            // the rows locked first, then read with their teams in one query (a lock cannot take an outer join)
            User.getEntityManager().createQuery("select u.email from User u where u.email in :emails order by u.email", String.class)
                    .setParameter("emails", emails)
                    .setLockMode(LockModeType.PESSIMISTIC_READ)
                    .getResultList();
            User.<User>list("select distinct u from User u left join fetch u.teams where u.email in ?1", emails)
                    .forEach(user -> found.put(user.email, user.view()));
        }
        return found;
    }

    /** Every user bearing each of these names (trimmed), active or disabled, by name: one query for a batch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<UserView>> namedAll(Collection<String> names) {
        Map<String, List<UserView>> found = new HashMap<>();
        if (!names.isEmpty()) {
            User.<User>list("select distinct u from User u left join fetch u.teams where u.name in ?1 order by u.email",
                            names.stream().map(String::trim).distinct().toList())
                    .forEach(user -> found.computeIfAbsent(user.name, n -> new ArrayList<>()).add(user.view()));
        }
        return found;
    }

    /** Every user, active or disabled, with exactly this name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> named(String name) {
        return User.named(name).stream().map(User::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> membersOf(String team) {
        return User.<User>find("select distinct u from User u join u.teams t where lower(t) = lower(?1) order by u.email", team.trim())
                .stream().map(User::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> list(String team, PageRequest page) {
        var query = team == null
                ? User.<User>find("order by email")
                : User.<User>find("select distinct u from User u join u.teams t where lower(t) = lower(?1) order by u.email", team.trim());
        List<UserView> items = query.page(page.page, page.size).list().stream().map(User::view).toList();
        return new Page<>(items, query.count());
    }

    /** Users, active or disabled, whose name or email contains {@code text} (any case), by name, a page of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> search(String text, PageRequest page) {
        String like = "%" + (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
        var query = User.<User>find("lower(name) like ?1 or email like ?1 order by name, email", like);
        return new Page<>(query.page(page.page, page.size).list().stream().map(User::view).toList(), query.count());
    }

    /** Active users whose name or email contains {@code text} (any case), by name, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> searchActive(String text, int limit) {
        String like = "%" + (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
        return User.<User>find("status = ?1 and (lower(name) like ?2 or email like ?2) order by name, email",
                        UserStatus.ACTIVE, like)
                .page(0, limit).list().stream().map(User::view).toList();
    }

    private User require(String email) {
        return User.<User>findByIdOptional(Emails.normalise(email))
                .orElseThrow(() -> ProblemException.notFound("No user with email " + Emails.normalise(email)));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name", "name is required");
        }
        return name.trim();
    }

    private static TreeSet<String> cleanTeams(List<String> teams) {
        TreeSet<String> clean = new TreeSet<>();
        if (teams != null) {
            for (int i = 0; i < teams.size(); i++) {
                String team = teams.get(i);
                if (team == null || team.isBlank()) {
                    throw ProblemException.badRequest("teams[" + i + "]", "a team name cannot be empty");
                }
                clean.add(team.trim());
            }
        }
        return clean;
    }
}
