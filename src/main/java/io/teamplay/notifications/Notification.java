package io.teamplay.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An in-app notice to whoever made a change that moved tasks: how many, on which account, from whom to whom. */
@Entity
@Table(name = "notification")
class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    Long id;
    String recipient;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "account_name")
    String accountName;
    @Column(name = "role_key")
    String role;
    @Column(name = "role_name")
    String roleName;
    @Column(name = "from_email")
    String fromEmail;
    @Column(name = "to_email")
    String toEmail;
    @Column(name = "tasks_moved")
    int tasksMoved;
    String path;
    String actor;
    String play;
    String message;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "read_at")
    Instant readAt;

    NotificationView view() {
        return new NotificationView(id, message, accountId, accountName, role, roleName, fromEmail, toEmail, tasksMoved,
                path, actor, play, createdAt, readAt != null);
    }
}
