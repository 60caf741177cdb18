package io.teamplay.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A user's out-of-office period and their cover; one row per user. */
@Entity
@Table(name = "user_availability")
class Availability extends PanacheEntityBase {

    @Id
    String email;
    @Column(name = "from_date")
    LocalDate firstDay;
    @Column(name = "to_date")
    LocalDate lastDay;
    @Column(name = "cover_email")
    String cover;
    @Column(name = "ended_on")
    LocalDate endedOn;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "updated_by")
    String updatedBy;

    Leave leave() {
        return new Leave(email, firstDay, lastDay, cover, endedOn);
    }
}
