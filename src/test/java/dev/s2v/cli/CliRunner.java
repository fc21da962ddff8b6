package dev.s2v.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the s2v command line in-process and keeps what it printed. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** Whether stderr is a single line without a stack trace. */
    boolean errIsOneLine() {
        return err.strip().lines().count() == 1 && !err.contains("\tat ");
    }
}
