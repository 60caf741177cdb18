package io.teamplay.plays;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.Locale;

/** Whose turn it was last, per team and role, for round-robin assignment. */
@Entity
@Table(name = "play_rotation")
class PlayRotation extends PanacheEntityBase {

    @Id
    String slot;
    @Column(name = "last_email")
    String lastEmail;

    static String slot(String team, String role) {
        return team.trim().toLowerCase(Locale.ROOT) + "/" + role;
    }

    /** The rotation of this team and role, locked until the transaction ends (created when new, safely when two events create it at once). */
    static PlayRotation lockedFor(String team, String role) {
        String slot = slot(team, role);
        getEntityManager().createNativeQuery("insert into play_rotation (slot) values (:slot) on conflict do nothing")
                .setParameter("slot", slot).executeUpdate();
        return findById(slot, LockModeType.PESSIMISTIC_WRITE);
    }
}
