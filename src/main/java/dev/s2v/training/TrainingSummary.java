package dev.s2v.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a training run produced.
 *
 * @param outcome how it ended
 * @param runFolder its experiment folder
 * @param modelFolder the exported model, when one was exported
 * @param history the metrics of every epoch
 * @param bestEpoch the epoch of the exported weights (0: none)
 * @param parameterCount the network's parameter count
 */
public record TrainingSummary(
        TrainingOutcome outcome,
        Path runFolder,
        Optional<Path> modelFolder,
        List<EpochMetrics> history,
        int bestEpoch,
        long parameterCount) {

    /** Copies the history. */
    public TrainingSummary {
        history = List.copyOf(history);
    }

    /** The metrics of the best epoch. */
    public Optional<EpochMetrics> best() {
        return history.stream().filter(m -> m.epoch() == bestEpoch).findFirst();
    }
}
