package dev.s2v.model;

import java.nio.file.Path;

/**
 * A model folder s2v cannot use: a {@code model.xml} with a missing or invalid element, or weights
 * that do not fit the network the XML describes. The message is one line naming the file, the
 * element or parameter, and what is wrong.
 */
public class ModelFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** A problem in {@code path}. */
    public ModelFormatException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    /** A problem in {@code path} found by a parser or by DJL. */
    public ModelFormatException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    /** The file the problem is in. */
    public Path path() {
        return path;
    }
}
