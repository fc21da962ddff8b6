package dev.s2v.training;

import java.nio.file.Path;

/**
 * The loss became NaN or infinite: training stops at once, naming where, and the last good
 * checkpoint stays as it was. Usually a learning rate too high for the data, so it is reported as a
 * problem of the configuration.
 */
public final class NonFiniteLossException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The loss of a batch of an epoch was not finite. */
    NonFiniteLossException(int epoch, int batch, Path lastGoodCheckpoint) {
        super(
                "the loss became non-finite at epoch "
                        + epoch
                        + ", batch "
                        + batch
                        + "; training stopped, the last good checkpoint is "
                        + lastGoodCheckpoint
                        + " (lower train.learning_rate, or check the data for extreme values)");
    }
}
