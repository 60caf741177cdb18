package io.teamplay.notifications;

import java.util.List;

/**
 * Fired inside a recipient's digest transaction once its items are claimed (locked), before the email is rendered
 * and sent. An observer that throws aborts that transaction: the claim is released and the items stay waiting.
 */
public record DigestClaimed(String recipient, List<Long> itemIds) {
}
