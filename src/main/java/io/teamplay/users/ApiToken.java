package io.teamplay.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's bearer token, kept only as its SHA-256 hash. */
@Entity
@Table(name = "api_token")
class ApiToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    String tokenHash;
    String email;
    @Column(name = "created_at")
    Instant createdAt;
}
