package io.teamplay.notifications;

import java.time.Instant;

/** One in-app notification as the API shows it. */
public record NotificationView(long id, String message, String accountId, String accountName, String role,
                               String roleName, String from, String to, int tasksMoved, String path, String actor,
                               String play, Instant createdAt, boolean read) {
}
