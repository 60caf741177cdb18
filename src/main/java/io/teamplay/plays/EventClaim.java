package io.teamplay.plays;

/** An event claimed by a worker for one handling: its id and the attempt this handling is (0: given up). */
record EventClaim(String eventId, int attempt) {
}
