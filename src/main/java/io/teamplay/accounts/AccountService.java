package io.teamplay.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The only writer of accounts and their attributes. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    io.teamplay.common.BatchReads batch;
    @Inject
    Event<AccountCreated> created;
    @Inject
    Event<AttributeChanged> attributeChanged;

    public AccountView create(AccountRequest request, String actor) {
        String id = requireId(request.id());
        if (Account.findById(id) != null) {
            throw ProblemException.conflict("An account with id " + id + " already exists");
        }
        Account account = new Account();
        account.id = id;
        account.name = requireName(request.name());
        account.createdAt = Instant.now();
        if (request.attributes() != null) {
            request.attributes().forEach((name, value) -> {
                if (value != null && !value.isNull()) {
                    account.attributes.put(AttributeValues.requireName(name), AttributeValues.toJson(name, value));
                }
            });
        }
        account.persist();
        AccountView view = account.view();
        created.fire(new AccountCreated(view, actor));
        LOG.infof("Account created: %s by %s", id, actor);
        return view;
    }

    public AccountView update(String id, AccountRequest request, String actor) {
        Account account = requireLocked(id);
        if (request.name() != null) {
            account.name = requireName(request.name());
        }
        if (request.attributes() != null) {
            List<AttributeChanged> changes = applyAttributes(account, request.attributes(), actor);
            AttributeHistory.insert(Account.getEntityManager(), changes, "API");
            changes.forEach(attributeChanged::fire);
        }
        return account.view();
    }

    /**
     * Sets one attribute (a null or JSON null value removes it), firing {@link AttributeChanged} when the value
     * changed: the path events from outside and plays take. Answers the change made, or empty when it already was so.
     */
    public Optional<AttributeChanged> setAttribute(String id, String name, JsonNode value, String actor) {
        Account account = requireLocked(id);
        Map<String, JsonNode> one = new java.util.HashMap<>();
        one.put(name, value);
        List<AttributeChanged> changes = applyAttributes(account, one, actor);
        AttributeHistory.insert(Account.getEntityManager(), changes, "INTEGRATION");
        changes.forEach(attributeChanged::fire);
        return changes.stream().findFirst();
    }

    /**
     * Creates or updates an account from an integration (CSV upload). Attributes given are set; others are kept.
     */
    public ImportOutcome upsert(String id, String name, Map<String, JsonNode> attributes, String actor) {
        Account account = lockRow(requireId(id)) ? Account.findById(id.trim()) : null;
        if (account == null) {
            create(new AccountRequest(id, name == null || name.isBlank() ? id : name, attributes), actor);
            return ImportOutcome.CREATED;
        }
        boolean renamed = name != null && !name.isBlank() && !name.trim().equals(account.name);
        if (renamed) {
            account.name = name.trim();
        }
        List<AttributeChanged> changes = applyAttributes(account, attributes, actor);
        AttributeHistory.insert(Account.getEntityManager(), changes, "INTEGRATION");
        changes.forEach(attributeChanged::fire);
        return renamed || !changes.isEmpty() ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
    }

    /** The changes of the account's attributes, newest first (set-based imports, plays and edits alike). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttributeHistoryView> attributeHistoryOf(String id) {
        return AttributeHistory.of(Account.getEntityManager(), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(String id) {
        return require(id).view();
    }

    /** The accounts with these ids, in the order given (unknown ids are left out). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> getAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, AccountView> byId = new java.util.HashMap<>();
        // the attributes in the same query: batch fetching them took one more query per 16 accounts
        Account.<Account>list("select distinct a from Account a left join fetch a.attributes where a.id in ?1", ids)
                .forEach(account -> byId.put(account.id, account.view()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The names of these accounts, by id (unknown ids are left out): one query for a batch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> namesOf(java.util.Collection<String> ids) {
        Map<String, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            Account.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> io.teamplay.common.BulkRows
                    .on(connection).select("select id, name from account where id = any(?)", ids)
                    .forEach(row -> names.put((String) row[0], (String) row[1])));
        }
        return names;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> find(String id) {
        return id == null ? Optional.empty() : Account.<Account>findByIdOptional(id.trim()).map(Account::view);
    }

    /** A page of account ids in id order, after the id given (null: from the first); keyset paging for sweeps. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> idsAfter(String after, int limit) {
        var query = after == null
                ? Account.getEntityManager().createQuery("select a.id from Account a order by a.id", String.class)
                : Account.getEntityManager().createQuery("select a.id from Account a where a.id > :after order by a.id",
                        String.class).setParameter("after", after);
        return query.setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String id) {
        return id != null && Account.count("id", id.trim()) > 0;
    }

    /** True when at least one account has the attribute, whatever its value. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyHasAttribute(String attribute) {
        return !Account.getEntityManager()
                .createNativeQuery("select 1 from account_attribute where name = :name limit 1")
                .setParameter("name", attribute)
                .getResultList().isEmpty();
    }

    /**
     * Locks the account row until the caller's transaction ends: every team change on one account is serialised
     * here, so two concurrent changes never leave two holders or lose a history row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String id) {
        if (!lockRow(id)) {
            throw ProblemException.notFound("No account with id " + id);
        }
    }

    /** {@link #lock}, answering false when there is no such account. */
    private boolean lockRow(String id) {
        if (batch.<java.util.Set<String>>find(Locked.class).map(locked -> locked.contains(id)).orElse(false)) {
            return true; // this batch locked it already (lockAll), until it commits
        }
        // a query on the row alone, not find(): Account fetches its attributes by a join, so Hibernate 7.2.6 locks a
        // found Account by a follow-on statement whose list of rows is shared by every session (7.2.9 builds it per
        // query, HHH-20126): under contention one session emptied another's list, which then went on unlocked
        return !Account.getEntityManager()
                .createQuery("select a.id from Account a where a.id = :id", String.class)
                .setParameter("id", id == null ? "" : id.trim())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().isEmpty();
    }

    /** The key under which a batch remembers the accounts it locked. */
    private static final class Locked {
    }

    /**
     * Locks the rows of these accounts (in id order, so two callers never wait on each other) until the caller's
     * transaction ends, as {@link #lock} does for one; answers the ids that exist. One statement for a batch of events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> lockAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> locked = Account.getEntityManager()
                .createNativeQuery("select id from account where id in (:ids) order by id for update")
                .setParameter("ids", ids).getResultList();
        batch.kept(Locked.class, java.util.HashSet::new).ifPresent(kept -> kept.addAll(locked));
        return new java.util.HashSet<>(locked);
    }

    private List<AttributeChanged> applyAttributes(Account account, Map<String, JsonNode> attributes, String actor) {
        List<AttributeChanged> changes = new ArrayList<>();
        attributes.forEach((name, value) -> {
            AttributeValues.requireName(name);
            String before = account.attributes.get(name);
            String after = value == null || value.isNull() ? null : AttributeValues.toJson(name, value);
            if (Objects.equals(before, after)) {
                return;
            }
            if (after == null) {
                account.attributes.remove(name);
            } else {
                account.attributes.put(name, after);
            }
            changes.add(new AttributeChanged(account.id, name,
                    before == null ? null : AttributeValues.toJava(before),
                    after == null ? null : AttributeValues.toJava(after), actor));
        });
        return changes;
    }

    /**
     * The account, its row locked first: every change of an account's attributes reads them only once it holds the
     * account, so two writers of one account serialise and the second sees the first's values (its history and
     * event start from them) instead of both adding the same new attribute (a key collision, once answered 409).
     */
    private Account requireLocked(String id) {
        lock(id);
        return require(id);
    }

    private Account require(String id) {
        return Account.<Account>findByIdOptional(id == null ? "" : id.trim())
                .orElseThrow(() -> ProblemException.notFound("No account with id " + id));
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.badRequest("id", "id is required");
        }
        if (id.trim().length() > 200) {
            throw ProblemException.badRequest("id", "id is longer than 200 characters");
        }
        return id.trim();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name", "name is required");
        }
        return name.trim();
    }
}
