package io.teamplay.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's password, as its {@link PasswordHash}. */
@Entity
@Table(name = "user_password")
class UserPassword extends PanacheEntityBase {

    @Id
    String email;
    String hash;
    @Column(name = "set_at")
    Instant setAt;
}
