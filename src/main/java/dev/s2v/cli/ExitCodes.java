package dev.s2v.cli;

/** The exit codes of every s2v command. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;

    /** Something inside s2v or its environment failed. */
    static final int INTERNAL = 1;

    /** The user's input was wrong: arguments, files, configuration. */
    static final int USER_ERROR = 2;

    /** The user interrupted the command (Ctrl-C) after it saved where it stood: 128 + SIGINT. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
