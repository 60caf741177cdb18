package io.teamplay.notifications;

/**
 * What a digest run did: {@code emails} handed to SMTP and the {@code items} they carried; {@code failed} items left
 * waiting for a retry; {@code dropped} items given up (recipient disabled, or too many failed sends).
 */
public record DigestRun(int emails, int items, int failed, int dropped) {

    static final DigestRun NOTHING = new DigestRun(0, 0, 0, 0);

    static DigestRun sent(int items) {
        return new DigestRun(1, items, 0, 0);
    }

    static DigestRun dropped(int items) {
        return new DigestRun(0, 0, 0, items);
    }

    DigestRun plus(DigestRun other) {
        return new DigestRun(emails + other.emails, items + other.items, failed + other.failed, dropped + other.dropped);
    }
}
