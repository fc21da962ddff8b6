package dev.s2v.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything besides the weights and the optimizer's moments that a resumed run needs to continue
 * exactly as an uninterrupted one: where it stands, the schedules' counters and the history.
 *
 * @param epochsDone complete epochs
 * @param nextBatch the next batch of epoch {@code epochsDone + 1} (0 unless interrupted)
 * @param partialLossSum sum of the batch losses of that epoch so far
 * @param partialSeconds training seconds of that epoch so far
 * @param bestScore best monitored validation value so far (loss: lower; Dice: higher)
 * @param bestEpoch the epoch that reached it (0: none yet)
 * @param epochsWithoutImprovement epochs since the monitored value last improved
 * @param bestValLoss lowest validation loss so far, for the learning-rate schedule
 * @param epochsWithoutLossImprovement epochs since it last improved
 * @param history the metrics of the complete epochs
 */
public record TrainingState(
        int epochsDone,
        int nextBatch,
        double partialLossSum,
        double partialSeconds,
        double bestScore,
        int bestEpoch,
        int epochsWithoutImprovement,
        double bestValLoss,
        int epochsWithoutLossImprovement,
        List<EpochMetrics> history) {

    /** Copies the history. */
    public TrainingState {
        history = List.copyOf(history);
    }

    /** The state before the first epoch (finite sentinels keep state.yaml plain numbers). */
    static TrainingState start(boolean higherIsBetter) {
        return new TrainingState(
                0,
                0,
                0,
                0,
                higherIsBetter ? -Double.MAX_VALUE : Double.MAX_VALUE,
                0,
                0,
                Double.MAX_VALUE,
                0,
                List.of());
    }

    /** The state in the middle of an epoch. */
    TrainingState interruptedAt(int batch, double lossSum, double seconds) {
        return new TrainingState(
                epochsDone,
                batch,
                lossSum,
                seconds,
                bestScore,
                bestEpoch,
                epochsWithoutImprovement,
                bestValLoss,
                epochsWithoutLossImprovement,
                history);
    }

    /**
     * The state after an epoch with these metrics.
     *
     * @param monitored the early-stopping metric's value this epoch
     * @param improved whether it beat {@link #bestScore} by the minimum delta
     * @param lossImproved whether the validation loss beat {@link #bestValLoss}
     */
    TrainingState after(
            EpochMetrics metrics, double monitored, boolean improved, boolean lossImproved) {
        List<EpochMetrics> rows = new ArrayList<>(history);
        rows.add(metrics);
        return new TrainingState(
                metrics.epoch(),
                0,
                0,
                0,
                improved ? monitored : bestScore,
                improved ? metrics.epoch() : bestEpoch,
                improved ? 0 : epochsWithoutImprovement + 1,
                lossImproved ? metrics.valLoss() : bestValLoss,
                lossImproved ? 0 : epochsWithoutLossImprovement + 1,
                rows);
    }

    /** The state with the learning-rate counter reset (after a reduction). */
    TrainingState afterLearningRateReduction() {
        return new TrainingState(
                epochsDone,
                nextBatch,
                partialLossSum,
                partialSeconds,
                bestScore,
                bestEpoch,
                epochsWithoutImprovement,
                bestValLoss,
                0,
                history);
    }
}
