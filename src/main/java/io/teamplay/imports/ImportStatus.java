package io.teamplay.imports;

/** Where an import stands: reading and writing, done (its report is final), or stopped by a failure. */
public enum ImportStatus {
    RUNNING, DONE, FAILED
}
