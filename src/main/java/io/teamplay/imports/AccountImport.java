package io.teamplay.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One upload: who, its progress while it runs, and its report (errors as JSON) once done. */
@Entity
@Table(name = "account_import")
class AccountImport extends PanacheEntityBase {

    @Id
    String id;
    String actor;
    String format;
    String status;
    @Column(name = "rows_done")
    long rowsDone;
    long created;
    long updated;
    long unchanged;
    @Column(name = "error_count")
    long errorCount;
    /** The first errors in line order, as a JSON array. */
    String errors;
    String failure;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    /** The instance running it ({@link ImportHeartbeat#INSTANCE}). */
    String owner;
    @Column(name = "heartbeat_at")
    Instant heartbeatAt;
}
