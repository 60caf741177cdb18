package io.teamplay.assignments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of an account's team: when, which role, from whom to whom, by which path and actor (and play). */
@Entity
@Table(name = "assignment_history")
class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_history_seq")
    @SequenceGenerator(name = "assignment_history_seq", sequenceName = "assignment_history_seq", allocationSize = 50)
    Long id;
    @Column(name = "account_id")
    String accountId;
    Instant at;
    @Column(name = "role_key")
    String role;
    @Column(name = "from_email")
    String fromEmail;
    @Column(name = "to_email")
    String toEmail;
    String source;
    String actor;
    String play;
    @Column(name = "rule_name")
    String rule;
    @Column(name = "tasks_moved")
    int tasksMoved;

    HistoryView view() {
        return new HistoryView(at, role, fromEmail, toEmail, source, actor, play, rule, tasksMoved);
    }
}
