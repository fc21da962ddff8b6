package dev.s2v.model;

/** libtorch cannot be loaded through DJL: the machine or the class path is not set up. */
public class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that says what is missing and how to fix it. */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
