package io.teamplay.plays;

import io.teamplay.accounts.AccountCreated;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountsImported;
import io.teamplay.accounts.AttributeChanged;
import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentsChanged;
import io.teamplay.assignments.PlayOrigin;
import io.teamplay.common.BulkRows;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.RoleKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.teamplay.common.BatchReads;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Writes an event row for every account event plays may react to, in the transaction of the change itself (the
 * transactional outbox), and for events posted from outside. An id already there is not written again.
 */
@ApplicationScoped
public class PlayEventOutbox {

    private static final Logger LOG = Logger.getLogger(PlayEventOutbox.class);
    /** How the ids of daily ticks start ({@link io.teamplay.plays.facts.AccountEvent#dailyId}): the service's own. */
    static final String DAILY_ID_PREFIX = "daily:";
    /** How the ids of backfill events start ({@link PlayBackfill}): the service's own too. */
    static final String BACKFILL_ID_PREFIX = "backfill:";
    private static final List<String> BULK_COLUMNS = List.of("id", "type", "account_id", "attribute", "old_value",
            "new_value", "role_key", "from_email", "to_email", "event_date", "depth", "status", "created_at");
    private static final AtomicLong LAST_TICK = new AtomicLong();
    private static final AtomicLong LAST_ID_STAMP = new AtomicLong();

    @Inject
    AccountService accounts;
    @Inject
    Event<PlayEventQueued> queued;
    @Inject
    DisabledUserAccounts disabledUserAccounts;
    @Inject
    BatchReads reads;

    void onAccountCreated(@Observes AccountCreated created) {
        queue(PlayEventRow.pending(newId(), EventType.ACCOUNT_CREATED, created.account().id(), LocalDate.now()));
    }

    void onAttributeChanged(@Observes AttributeChanged changed) {
        AttributeWrites.Cause cause = AttributeWrites.current();
        if (cause != null && cause.queuedByCaller()) {
            return;
        }
        PlayEventRow row = PlayEventRow.pending(newId(), EventType.ATTRIBUTE_CHANGED, changed.accountId(), LocalDate.now());
        row.attribute = changed.attribute();
        row.oldValue = JsonValues.toJson(changed.oldValue());
        row.newValue = JsonValues.toJson(changed.newValue());
        causedBy(row, cause == null ? null : cause.origin());
        queue(row);
    }

    /** A seat changed hands; when plays made the change, the new event is one step deeper in their cascade. */
    void onAssignmentChanged(@Observes AssignmentChanged changed) {
        PlayEventRow row = PlayEventRow.pending(newId(), EventType.ASSIGNMENT_CHANGED, changed.accountId(), LocalDate.now());
        row.role = changed.role();
        row.fromEmail = changed.fromEmail();
        row.toEmail = changed.toEmail();
        causedBy(row, changed.play());
        queue(row);
        if (changed.path() == AssignmentPath.USER_DISABLE && changed.fromEmail() != null
                && disabledUserAccounts.firstOf(changed.fromEmail(), changed.accountId())) {
            PlayEventRow disabled = PlayEventRow.pending(newId(), EventType.USER_DISABLED, changed.accountId(),
                    LocalDate.now());
            disabled.userEmail = changed.fromEmail();
            queue(disabled);
        }
    }

    /** A bulk upsert of accounts: the rows {@link #onAccountCreated} and {@link #onAttributeChanged} write, at once. */
    void onAccountsImported(@Observes AccountsImported imported) {
        List<Object[]> rows = new ArrayList<>(imported.created().size() + imported.changed().size());
        imported.created().forEach(created -> rows.add(bulkRow(EventType.ACCOUNT_CREATED, created.account().id(),
                null, null, null, null, null, null)));
        imported.changed().forEach(changed -> rows.add(bulkRow(EventType.ATTRIBUTE_CHANGED, changed.accountId(),
                changed.attribute(), JsonValues.toJson(changed.oldValue()), JsonValues.toJson(changed.newValue()),
                null, null, null)));
        queueAll(rows);
    }

    /** A bulk change of seats: the rows {@link #onAssignmentChanged} writes, at once. */
    void onAssignmentsChanged(@Observes AssignmentsChanged bulk) {
        List<Object[]> rows = new ArrayList<>(bulk.changes().size());
        for (AssignmentChanged changed : bulk.changes()) {
            if (changed.play() != null || changed.path() == AssignmentPath.USER_DISABLE) {
                onAssignmentChanged(changed); // a cascade step or a leaver: as one change
            } else {
                rows.add(bulkRow(EventType.ASSIGNMENT_CHANGED, changed.accountId(), null, null, null,
                        changed.role(), changed.fromEmail(), changed.toEmail()));
            }
        }
        queueAll(rows);
    }

    private static Object[] bulkRow(EventType type, String accountId, String attribute, String oldValue, String newValue,
                                    String role, String from, String to) {
        return new Object[]{newId(), type.name(), accountId, attribute, oldValue, newValue, role, from, to,
                LocalDate.now(), 0, EventStatus.PENDING.name(), LocalDateTime.ofInstant(tick(), ZoneOffset.UTC)};
    }

    private void queueAll(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PlayEventRow.getEntityManager().flush();
        PlayEventRow.getEntityManager().unwrap(Session.class)
                .doWork(connection -> BulkRows.on(connection).insert("play_event", BULK_COLUMNS, rows));
        queued.fire(new PlayEventQueued((String) rows.get(rows.size() - 1)[0]));
    }

    /**
     * The time an event row is written at: never the same twice nor earlier than the last (microseconds, the
     * column's precision), so the events of one account keep the order they were written in even when a bulk write
     * gives thousands the same moment. The worker takes them by this time.
     */
    static Instant tick() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long at = LAST_TICK.updateAndGet(last -> Math.max(now, last + 1));
        return Instant.EPOCH.plus(at, ChronoUnit.MICROS);
    }

    /**
     * Queues an event from outside (or answers false when its id was queued before). 404 for an unknown account. An
     * ATTRIBUTE_CHANGED event first sets the attribute on the account, through the accounts service like any other
     * change, so the plays' conditions see the new value; the event row records the value it had before.
     */
    @Transactional
    public boolean accept(ExternalEvent event, String actor) {
        EventType type = parseType(event.type());
        if (type == EventType.LEAVE_STARTED || type == EventType.LEAVE_ENDED) {
            throw ProblemException.badRequest("type", type + " events come from users' availability "
                    + "(PUT /api/users/{email}/availability), not from outside");
        }
        if (type == EventType.ATTRIBUTE_CHANGED && (event.attribute() == null || event.attribute().isBlank())) {
            throw ProblemException.badRequest("attribute", "an ATTRIBUTE_CHANGED event names its attribute");
        }
        if (type == EventType.ASSIGNMENT_CHANGED && (event.role() == null || event.role().isBlank())) {
            throw ProblemException.badRequest("role", "an ASSIGNMENT_CHANGED event names its role");
        }
        if (event.accountId() == null || event.accountId().isBlank()) {
            throw ProblemException.badRequest("accountId", "accountId is required");
        }
        if (!accounts.exists(event.accountId())) {
            throw ProblemException.notFound("No account with id " + event.accountId());
        }
        String id = event.id() == null || event.id().isBlank() ? newId() : event.id().trim();
        if (id.length() > 300) {
            throw ProblemException.badRequest("id", "id is at most 300 characters");
        }
        for (String own : List.of(DAILY_ID_PREFIX, BACKFILL_ID_PREFIX)) {
            if (id.regionMatches(true, 0, own, 0, own.length())) {
                // the service's own ticks: an outside event holding such an id would suppress the real one
                throw ProblemException.badRequest("id", "ids starting with '" + own + "' belong to the service's "
                        + "own daily ticks and backfills; give another id (a DAILY replay without an id gets one)");
            }
        }
        PlayEventRow row = PlayEventRow.pending(id, type, event.accountId().trim(),
                event.date() == null ? LocalDate.now() : event.date());
        row.attribute = event.attribute() == null ? null : event.attribute().trim();
        row.oldValue = JsonValues.toJson(event.oldValue());
        row.newValue = JsonValues.toJson(event.newValue());
        row.role = RoleKey.of(event.role());
        row.fromEmail = event.fromEmail();
        row.toEmail = event.toEmail();
        row.userEmail = event.userEmail();
        if (type == EventType.ATTRIBUTE_CHANGED) {
            if (PlayEventRow.findById(id) != null) {
                LOG.infof("Event %s (%s) on account %s already known: ignored", id, type, row.accountId);
                return false;
            }
            AttributeWrites.forOutsideEvent(() -> accounts.setAttribute(row.accountId, event.attribute().trim(),
                            event.newValue(), actor))
                    .ifPresent(change -> row.oldValue = JsonValues.toJson(change.oldValue()));
        }
        boolean inserted = insertIfNew(row);
        LOG.infof("Event %s (%s) on account %s %s", id, type, row.accountId, inserted ? "queued" : "already known: ignored");
        return inserted;
    }

    /** Queues the day's tick of one account; its id is deterministic, so every instance writes the same single row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueDaily(String accountId, LocalDate date) {
        return insertIfNew(PlayEventRow.pending(io.teamplay.plays.facts.AccountEvent.dailyId(accountId, date),
                EventType.DAILY, accountId, date));
    }

    /**
     * Queues a backfill event for each account: a daily tick of that date that fires the one play named. Answers how
     * many were new (ids are {@code backfill:<play>:<run>:<account>}, so a retried batch queues nothing twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int queueBackfill(String play, String run, List<String> accountIds, LocalDate date) {
        int queued = 0;
        for (String accountId : accountIds) {
            PlayEventRow row = PlayEventRow.pending(BACKFILL_ID_PREFIX + play + ":" + run + ":" + accountId,
                    EventType.DAILY, accountId, date);
            row.onlyPlay = play;
            queued += insertIfNew(row) ? 1 : 0;
        }
        return queued;
    }

    /**
     * Queues a leave starting or ending on one account, under the caller's deterministic id (a leave's event is
     * queued once however often the days are ticked); answers whether it was new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean queueLeave(String id, EventType type, String accountId, LocalDate date, String user, String cover,
                       String accountsTaken) {
        PlayEventRow row = PlayEventRow.pending(id, type, accountId, date);
        row.userEmail = user;
        row.toEmail = cover;
        row.newValue = accountsTaken == null ? null : JsonValues.toJson(accountsTaken);
        return insertIfNew(row);
    }

    static EventType parseType(String type) {
        try {
            return EventType.valueOf(type == null ? "" : type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("type", "unknown event type '" + type + "': one of ACCOUNT_CREATED, "
                    + "ATTRIBUTE_CHANGED, ASSIGNMENT_CHANGED, USER_DISABLED, DAILY");
        }
    }

    /** The key under which a batch keeps the chains of its events, by id (a chain may be empty: a first step). */
    static final class EventChains {
    }

    private void causedBy(PlayEventRow row, PlayOrigin origin) {
        if (origin == null) {
            return;
        }
        // inside a batch the event being handled is the parent: its chain is known, not read again per seat change
        Optional<String> chain = reads.<Map<String, Optional<String>>>find(EventChains.class)
                .map(known -> known.get(origin.eventId()))
                .orElseGet(() -> Optional.ofNullable(PlayEventRow.<PlayEventRow>findById(origin.eventId()))
                        .map(parent -> parent.chain));
        String step = origin.play() + "/" + origin.rule();
        row.depth = origin.depth() + 1;
        row.chain = chain.map(parent -> parent + " -> " + step).orElse(step);
    }

    private void queue(PlayEventRow row) {
        row.createdAt = tick();
        row.persist();
        queued.fire(new PlayEventQueued(row.id));
    }

    /** Insert that ignores an id already there, even when two instances insert it at the same moment. */
    private boolean insertIfNew(PlayEventRow row) {
        int inserted = PlayEventRow.getEntityManager().createNativeQuery("""
                        insert into play_event (id, type, account_id, attribute, old_value, new_value, role_key,
                            from_email, to_email, user_email, event_date, depth, chain, status, created_at, only_play)
                        values (:id, :type, :account, :attribute, :old, :new, :role, :from, :to, :user, :date, 0, null,
                            'PENDING', :at, :only)
                        on conflict do nothing""")
                .setParameter("id", row.id).setParameter("type", row.type.name())
                .setParameter("account", row.accountId).setParameter("attribute", row.attribute)
                .setParameter("old", row.oldValue).setParameter("new", row.newValue)
                .setParameter("role", row.role).setParameter("from", row.fromEmail)
                .setParameter("to", row.toEmail).setParameter("user", row.userEmail)
                .setParameter("date", row.date).setParameter("at", tick())
                .setParameter("only", row.onlyPlay)
                .executeUpdate();
        if (inserted > 0) {
            queued.fire(new PlayEventQueued(row.id));
        }
        return inserted > 0;
    }

    /**
     * {@code evt:} and a UUID of version 7: its first 60 bits are the milliseconds and a count within them, never the
     * same twice in this process, so new ids sort after the ones before them and a bulk write appends to the primary
     * key's index instead of scattering its inserts over the whole of it (a random UUID does); its 62 random bits
     * keep it unique across instances.
     */
    static String newId() {
        long stamp = LAST_ID_STAMP.updateAndGet(last -> Math.max(System.currentTimeMillis() << 12, last + 1));
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return "evt:" + new UUID(high, low);
    }
}
