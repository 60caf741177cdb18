package io.teamplay.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "app_user")
class User extends PanacheEntityBase {

    @Id
    String email;
    String name;
    @Enumerated(EnumType.STRING)
    License license;
    @Enumerated(EnumType.STRING)
    Permission permission;
    @Enumerated(EnumType.STRING)
    UserStatus status;
    @Column(name = "created_at")
    Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_team", joinColumns = @JoinColumn(name = "email"))
    @Column(name = "team")
    Set<String> teams = new TreeSet<>();

    static List<User> named(String name) {
        return list("name", name.trim());
    }

    UserView view() {
        return new UserView(email, name, license, permission, status, List.copyOf(new TreeSet<>(teams)));
    }
}
