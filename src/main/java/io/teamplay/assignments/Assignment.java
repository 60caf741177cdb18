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
import java.util.Optional;

/** (account, role) -> one assignee, kept by email; the name is resolved when a user with that email exists. */
@Entity
@Table(name = "assignment")
class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_seq")
    @SequenceGenerator(name = "assignment_seq", sequenceName = "assignment_seq", allocationSize = 50)
    Long id;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "role_key")
    String role;
    String email;
    String name;
    @Column(name = "assigned_at")
    Instant assignedAt;

    static Optional<Assignment> of(String accountId, String role) {
        return find("accountId = ?1 and role = ?2", accountId, role).firstResultOptional();
    }
}
