package dev.s2v.cli;

import dev.s2v.training.Experiments;

/** The exit codes of every s2v command. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;

    /** Something inside s2v or its environment failed. */
    static final int INTERNAL = 1;

    /** The user's input was wrong: arguments, files, configuration. */
    static final int USER_ERROR = 2;

    /** The user interrupted the command (Ctrl-C, SIGTERM) after it saved where it stood. */
    static final int INTERRUPTED = Experiments.INTERRUPTED_EXIT_CODE;

    private ExitCodes() {}
}
