package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of the rules directory as it was last loaded (by any instance): its content's hash. */
@Entity
@Table(name = "play_file")
class PlayFileSeen extends PanacheEntityBase {

    @Id
    @Column(name = "file_name")
    String fileName;
    @Column(name = "source_hash")
    String sourceHash;
    @Column(name = "loaded_at")
    Instant loadedAt;
}
