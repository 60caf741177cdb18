package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One saved version of a play: what was saved, by whom, when, and how it was found (OK or ERROR). Never changed. */
@Entity
@Table(name = "play_version")
class PlayVersion extends PanacheEntityBase {

    /** Where a version came from: a save over the API, or a file of the rules directory. */
    enum Origin { API, FILE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "play_version_seq")
    @SequenceGenerator(name = "play_version_seq", sequenceName = "play_version_seq", allocationSize = 50)
    Long id;
    String play;
    int version;
    @Column(name = "file_name")
    String fileName;
    String team;
    String description;
    String author;
    @Enumerated(EnumType.STRING)
    Origin origin;
    @Column(name = "created_at")
    Instant createdAt;
    String source;
    @Column(name = "source_hash")
    String sourceHash;
    @Enumerated(EnumType.STRING)
    PlayStatus.Status status;
    /** JSON array of {line, column, message}. */
    String errors;
    /** JSON array of {line, column, message}. */
    String warnings;

    static List<PlayVersion> of(String play) {
        return list("play = ?1 order by version desc", play);
    }

    static Optional<PlayVersion> find(String play, int version) {
        return find("play = ?1 and version = ?2", play, version).firstResultOptional();
    }

    static Optional<PlayVersion> latest(String play) {
        return find("play = ?1 order by version desc", play).firstResultOptional();
    }

    static Optional<PlayVersion> latestOk(String play) {
        return find("play = ?1 and status = ?2 order by version desc", play, PlayStatus.Status.OK).firstResultOptional();
    }

    PlayFile file() {
        return PlayFile.of(fileName, source);
    }

    boolean ok() {
        return status == PlayStatus.Status.OK;
    }

    /** True when this version holds exactly that file (same kind, same text). */
    boolean holds(PlayFile file) {
        return fileName.equals(file.fileName()) && sourceHash.equals(PlaySources.hash(file.text()));
    }
}
