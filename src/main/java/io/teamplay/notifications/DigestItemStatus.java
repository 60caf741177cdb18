package io.teamplay.notifications;

/** WAITING until an email carried it (SENT) or it was given up (DROPPED, with the reason). */
public enum DigestItemStatus {
    WAITING, SENT, DROPPED
}
