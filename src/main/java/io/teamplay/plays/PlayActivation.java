package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whether a play is active, and which of its versions runs: data, not file names, so it survives restarts and is the
 * same on every instance. A null version (rows from before versions) means the latest OK version.
 */
@Entity
@Table(name = "play_activation")
class PlayActivation extends PanacheEntityBase {

    @Id
    String play;
    boolean active;
    Integer version;
    @Column(name = "changed_at")
    Instant changedAt;
    @Column(name = "changed_by")
    String changedBy;
    /** Firings of this play that passed a limit since it was last activated (or followed a new version). */
    @Column(name = "limit_failures")
    int limitFailures;
}
