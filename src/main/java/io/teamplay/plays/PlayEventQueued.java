package io.teamplay.plays;

/** Fired when an event row is written, so the worker wakes up once the transaction commits. */
record PlayEventQueued(String eventId) {
}
