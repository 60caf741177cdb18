package io.teamplay.roles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account_role")
class AccountRole extends PanacheEntityBase {

    @Id
    @Column(name = "role_key")
    String key;
    @Column(name = "display_name")
    String displayName;
    String description;
    @Enumerated(EnumType.STRING)
    RoleSource source;
    boolean editable;
    @Enumerated(EnumType.STRING)
    @Column(name = "empty_value_behavior")
    EmptyValueBehavior emptyValueBehavior;

    RoleView view() {
        return new RoleView(key, displayName, description, source, editable, emptyValueBehavior);
    }
}
