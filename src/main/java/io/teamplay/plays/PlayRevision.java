package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * The change counter of plays: raised in the transaction of every new version and every activation change, so each
 * instance notices (by polling {@link #current()}) that the plays in force may have changed. Taking it for a change
 * locks its row, which serialises changes to plays across instances (version numbers never collide).
 */
@Entity
@Table(name = "play_revision")
class PlayRevision extends PanacheEntityBase {

    private static final int ROW = 1;

    @Id
    Integer id;
    long revision;

    /** Locks the counter until the caller's transaction ends; {@link #raise()} it when something changed. */
    static PlayRevision lock() {
        return PlayRevision.findById(ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    void raise() {
        revision++;
    }

    /** The counter as committed now (a scalar query: never an entity cached in the caller's session). */
    static long current() {
        return getEntityManager().createQuery("select r.revision from PlayRevision r where r.id = :id", Long.class)
                .setParameter("id", ROW).getResultStream().findFirst().orElse(0L);
    }
}
