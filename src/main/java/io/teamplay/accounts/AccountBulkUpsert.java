package io.teamplay.accounts;

import io.teamplay.common.BulkRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link AccountService#upsert} for a batch of accounts at once, with the same rules and outcomes: the batch's
 * accounts and attributes are read in one query, and what changed is written in one statement per table (COPY on
 * PostgreSQL). Fires one {@link AccountsImported} with every creation and attribute change, in order.
 */
@ApplicationScoped
public class AccountBulkUpsert {

    private static final List<String> ACCOUNT_COLUMNS = List.of("id", "name", "created_at");
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("account_id", "name", "json_value");

    @Inject
    EntityManager session;
    @Inject
    Event<AccountsImported> imported;

    /** Upserts accounts of distinct ids; answers each one's outcome, in the order given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> upsertAll(List<AccountUpsert> accounts, String actor) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        session.flush();
        Changes changes = new Changes(actor, Instant.now());
        List<ImportOutcome> outcomes = session.unwrap(Session.class)
                .doReturningWork(connection -> write(BulkRows.on(connection), accounts, changes));
        if (!changes.created.isEmpty() || !changes.changed.isEmpty()) {
            imported.fire(new AccountsImported(changes.created, changes.changed));
        }
        return outcomes;
    }

    private static List<ImportOutcome> write(BulkRows bulk, List<AccountUpsert> accounts, Changes changes) {
        Set<String> ids = new HashSet<>();
        accounts.forEach(account -> {
            if (!ids.add(account.id())) {
                throw new IllegalArgumentException("account " + account.id() + " twice in one bulk upsert");
            }
        });
        Map<String, String> names = new HashMap<>();
        Map<String, Map<String, String>> stored = new HashMap<>();
        // the accounts with their attributes in one read (one round trip a batch, not two)
        bulk.select("select a.id, a.name, v.name, v.json_value from account a"
                        + " left join account_attribute v on v.account_id = a.id where a.id = any(?)", ids)
                .forEach(row -> {
                    names.put((String) row[0], (String) row[1]);
                    if (row[2] != null) {
                        stored.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((String) row[2], (String) row[3]);
                    }
                });
        List<ImportOutcome> outcomes = new ArrayList<>(accounts.size());
        for (AccountUpsert account : accounts) {
            outcomes.add(names.containsKey(account.id())
                    ? changes.update(account, names.get(account.id()), stored.getOrDefault(account.id(), Map.of()))
                    : changes.create(account));
        }
        bulk.insert("account", ACCOUNT_COLUMNS, changes.newAccounts);
        bulk.insert("account_attribute", ATTRIBUTE_COLUMNS, changes.newAttributes);
        bulk.batch("update account set name = ? where id = ?", changes.renamed);
        bulk.batch("update account_attribute set json_value = ? where account_id = ? and name = ?", changes.newValues);
        bulk.insert("attribute_history", AttributeHistory.COLUMNS,
                changes.changed.stream().map(c -> AttributeHistory.row(c, "INTEGRATION", changes.now)).toList());
        return outcomes;
    }

    /** What a batch writes, gathered row by row. */
    private static final class Changes {
        final String actor;
        final Instant now;
        final List<Object[]> newAccounts = new ArrayList<>();
        final List<Object[]> newAttributes = new ArrayList<>();
        final List<Object[]> renamed = new ArrayList<>();
        final List<Object[]> newValues = new ArrayList<>();
        final List<AccountCreated> created = new ArrayList<>();
        final List<AttributeChanged> changed = new ArrayList<>();

        Changes(String actor, Instant now) {
            this.actor = actor;
            this.now = now;
        }

        ImportOutcome create(AccountUpsert account) {
            String name = account.name() == null || account.name().isBlank() ? account.id() : account.name().trim();
            newAccounts.add(new Object[]{account.id(), name, now});
            Map<String, Object> values = new LinkedHashMap<>();
            account.attributes().forEach((attribute, value) -> {
                if (value != null && !value.isNull()) {
                    String json = AttributeValues.toJson(AttributeValues.requireName(attribute), value);
                    newAttributes.add(new Object[]{account.id(), attribute, json});
                    values.put(attribute, AttributeValues.toJava(value, json));
                }
            });
            created.add(new AccountCreated(new AccountView(account.id(), name, values), actor));
            return ImportOutcome.CREATED;
        }

        ImportOutcome update(AccountUpsert account, String storedName, Map<String, String> storedValues) {
            boolean renamedNow = account.name() != null && !account.name().isBlank() && !account.name().trim().equals(storedName);
            if (renamedNow) {
                renamed.add(new Object[]{account.name().trim(), account.id()});
            }
            int before = changed.size();
            account.attributes().forEach((attribute, value) -> {
                AttributeValues.requireName(attribute);
                if (value == null || value.isNull()) {
                    return; // an import never removes an attribute
                }
                String old = storedValues.get(attribute);
                String json = AttributeValues.toJson(attribute, value);
                if (Objects.equals(old, json)) {
                    return;
                }
                (old == null ? newAttributes : newValues).add(old == null
                        ? new Object[]{account.id(), attribute, json} : new Object[]{json, account.id(), attribute});
                changed.add(new AttributeChanged(account.id(), attribute, old == null ? null : AttributeValues.toJava(old),
                        AttributeValues.toJava(json), actor));
            });
            return renamedNow || changed.size() > before ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
        }
    }
}
