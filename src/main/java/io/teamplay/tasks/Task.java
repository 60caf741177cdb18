package io.teamplay.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import java.time.LocalDate;

@Entity
@Table(name = "task")
class Task extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 50)
    Long id;
    @Column(name = "account_id")
    String accountId;
    String title;
    String assignee;
    @Column(name = "role_key")
    String role;
    @Enumerated(EnumType.STRING)
    TaskSource source;
    @Enumerated(EnumType.STRING)
    TaskStatus status;
    @Column(name = "due_date")
    LocalDate dueDate;
    @Column(name = "created_at")
    Instant createdAt;
    @Enumerated(EnumType.STRING)
    TaskPriority priority = TaskPriority.NORMAL;

    TaskView view() {
        return new TaskView(id, accountId, title, assignee, role, source, status, dueDate, priority);
    }
}
