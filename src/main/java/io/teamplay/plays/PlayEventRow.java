package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One account event waiting for (or handled by) the plays: the transactional outbox. */
@Entity
@Table(name = "play_event")
class PlayEventRow extends PanacheEntityBase {

    @Id
    String id;
    @Enumerated(EnumType.STRING)
    EventType type;
    @Column(name = "account_id")
    String accountId;
    String attribute;
    /** JSON text of the old value (null = absent). */
    @Column(name = "old_value")
    String oldValue;
    @Column(name = "new_value")
    String newValue;
    @Column(name = "role_key")
    String role;
    @Column(name = "from_email")
    String fromEmail;
    @Column(name = "to_email")
    String toEmail;
    @Column(name = "user_email")
    String userEmail;
    /** Set on a backfill event: the one play it fires (when active); null: every active play. */
    @Column(name = "only_play")
    String onlyPlay;
    @Column(name = "event_date")
    LocalDate date;
    int depth;
    /** The plays and rules whose actions led to this event, "play/rule -> play/rule". */
    String chain;
    @Enumerated(EnumType.STRING)
    EventStatus status;
    String reason;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "handled_at")
    Instant handledAt;
    /** Handlings started, each committed before the plays fire (see PlayWorker). */
    int attempts;
    /** Until when the worker that started the last handling has the event to itself. */
    @Column(name = "claimed_until")
    Instant claimedUntil;

    static PlayEventRow pending(String id, EventType type, String accountId, LocalDate date) {
        PlayEventRow row = new PlayEventRow();
        row.id = id;
        row.type = type;
        row.accountId = accountId;
        row.date = date;
        row.status = EventStatus.PENDING;
        row.createdAt = Instant.now();
        return row;
    }

    AccountEvent fact() {
        return AccountEvent.builder(id, type, accountId)
                .attribute(attribute, JsonValues.toJava(oldValue), JsonValues.toJava(newValue))
                .assignment(role, fromEmail, toEmail)
                .userEmail(userEmail)
                .date(date)
                .depth(depth)
                .build();
    }

    EventView view() {
        return new EventView(id, type, accountId, status, reason, depth, chain, createdAt, handledAt);
    }

    void failed(String why) {
        status = EventStatus.FAILED;
        reason = why.length() > 3900 ? why.substring(0, 3900) : why;
        handledAt = Instant.now();
    }

    void done() {
        status = EventStatus.DONE;
        handledAt = Instant.now();
    }
}
