package io.teamplay.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The organisation-wide task-ownership policy (single row). */
@Entity
@Table(name = "task_ownership_setting")
class PolicySetting extends PanacheEntityBase {

    static final int ONLY_ROW = 1;

    @Id
    int id = ONLY_ROW;
    @Enumerated(EnumType.STRING)
    TaskOwnershipPolicy policy;

    static PolicySetting current() {
        return findById(ONLY_ROW);
    }
}
