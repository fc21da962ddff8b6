package dev.s2v.files;

import java.nio.file.FileSystemException;

/** Another run, still alive, is building the same output: this one must not race it. */
public final class OutputBusyException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /** The output and the process id of the run building it. */
    public OutputBusyException(String output, long otherProcess) {
        super(
                output,
                null,
                "another s2v run (process "
                        + otherProcess
                        + ") is writing it; wait for it to finish or choose another output");
    }
}
