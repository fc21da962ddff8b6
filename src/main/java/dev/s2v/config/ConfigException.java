package dev.s2v.config;

import java.nio.file.Path;

/**
 * A configuration file that s2v cannot accept: the message names the file, the key path (such as
 * {@code train.batch_size}) and what is allowed. A user mistake, so it extends {@link
 * IllegalArgumentException}.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String keyPath;

    /** A problem at a key of a file ({@code keyPath} empty for the whole file). */
    public ConfigException(Path file, String keyPath, String problem) {
        super(file + (keyPath.isEmpty() ? "" : ": " + keyPath) + ": " + problem);
        this.file = file;
        this.keyPath = keyPath;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The key path, e.g. {@code train.batch_size}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }
}
