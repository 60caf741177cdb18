package io.teamplay.plays;

import io.teamplay.plays.facts.EventType;
import java.time.Instant;

/** An event row as the API shows it. */
public record EventView(String id, EventType type, String accountId, EventStatus status, String reason, int depth,
                        String chain, Instant createdAt, Instant handledAt) {
}
