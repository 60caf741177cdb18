package io.teamplay.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed-in browser: the hash of its cookie, who it is, and the CSRF token its forms carry. */
@Entity
@Table(name = "web_session")
class WebSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    String idHash;
    String principal;
    @Column(name = "csrf_token")
    String csrfToken;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;
}
