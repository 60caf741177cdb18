package io.teamplay.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The hash of the installation's bootstrap admin token (single row). */
@Entity
@Table(name = "admin_token")
class AdminToken extends PanacheEntityBase {

    static final int ONLY_ROW = 1;

    @Id
    int id = ONLY_ROW;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "created_at")
    Instant createdAt;
}
