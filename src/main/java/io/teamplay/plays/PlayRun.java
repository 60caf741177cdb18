package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing a play did (or failed to do) on one event: the history of plays. */
@Entity
@Table(name = "play_run")
class PlayRun extends PanacheEntityBase {

    enum Outcome { APPLIED, UNCHANGED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "play_run_seq")
    @SequenceGenerator(name = "play_run_seq", sequenceName = "play_run_seq", allocationSize = 50)
    Long id;
    String play;
    @Column(name = "rule_name")
    String rule;
    @Column(name = "event_id")
    String eventId;
    @Column(name = "account_id")
    String accountId;
    String action;
    @Column(name = "role_key")
    String role;
    @Column(name = "before_value")
    String before;
    @Column(name = "after_value")
    String after;
    String detail;
    @Enumerated(EnumType.STRING)
    Outcome outcome;
    String reason;
    Instant at;
    /** The key of the plays' memory the firing was about ("account", "renewal_date=2027-03-31"), or null. */
    @Column(name = "once_key")
    String once;

    RunView view() {
        return new RunView(id, play, rule, eventId, accountId, action, role, before, after, detail, outcome.name(),
                reason, at, once);
    }
}
