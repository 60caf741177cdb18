package io.teamplay.plays;

/** Where an event row is: waiting for the worker, handled, or failed (with its reason). */
public enum EventStatus {
    PENDING, DONE, FAILED
}
