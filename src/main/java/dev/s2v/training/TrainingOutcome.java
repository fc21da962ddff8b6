package dev.s2v.training;

/** How a training run ended. */
public enum TrainingOutcome {
    /** Every configured epoch ran. */
    COMPLETED,
    /** The monitored validation metric stopped improving. */
    STOPPED_EARLY,
    /** The user interrupted it (Ctrl-C); a checkpoint holds where it stood. */
    INTERRUPTED
}
