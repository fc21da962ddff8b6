package dev.s2v.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training loop.
 *
 * @param epochs maximum number of passes over the training tiles
 * @param batchSize tiles per step
 * @param optimizer {@code adam} (the reference) or {@code sgd} (with Nesterov momentum 0.9)
 * @param learningRate the initial learning rate
 * @param loss {@code dice} (the reference), {@code bce}, {@code dice_bce}, {@code jaccard}, {@code
 *     focal} or {@code tversky}
 * @param lossParams the loss's parameters by name (e.g. {@code pos_weight} of bce, {@code gamma} of
 *     focal); a missing {@code pos_weight} takes the dataset's positive-class weight
 * @param augment the exact transforms drawn from: {@code rot90}, {@code rot180}, {@code rot270},
 *     {@code flip_x}, {@code flip_y} (never resampling)
 * @param expand enumerate every transform of every tile each epoch (the notebook's way) instead of
 *     drawing one at random per tile
 * @param oversamplePositives how many times each tile with vessels is seen per epoch (1: once)
 * @param threshold the probability above which a pixel counts as vessel in validation metrics
 * @param earlyStopping when to stop
 * @param reduceLr when to lower the learning rate
 */
public record TrainConfig(
        int epochs,
        int batchSize,
        String optimizer,
        double learningRate,
        String loss,
        Map<String, Double> lossParams,
        List<String> augment,
        boolean expand,
        int oversamplePositives,
        double threshold,
        EarlyStopping earlyStopping,
        ReduceLr reduceLr) {

    /** The transforms that may be listed under {@code augment}. */
    public static final Set<String> TRANSFORMS =
            Set.of("rot90", "rot180", "rot270", "flip_x", "flip_y");

    /** The losses that may be named. */
    public static final List<String> LOSSES =
            List.of("dice", "bce", "dice_bce", "jaccard", "focal", "tversky");

    /** Validates every value. */
    public TrainConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
        }
        if (!"adam".equals(optimizer) && !"sgd".equals(optimizer)) {
            throw new IllegalArgumentException(
                    "optimizer must be adam or sgd, got '" + optimizer + "'");
        }
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException(
                    "learning_rate must be positive (e.g. 0.001), got " + learningRate);
        }
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException(
                    "loss must be one of " + String.join(", ", LOSSES) + ", got '" + loss + "'");
        }
        lossParams = Map.copyOf(lossParams == null ? Map.of() : lossParams);
        augment = List.copyOf(augment == null ? List.of() : augment);
        for (String t : augment) {
            if (!TRANSFORMS.contains(t)) {
                throw new IllegalArgumentException(
                        "augment lists '"
                                + t
                                + "'; allowed: rot90, rot180, rot270, flip_x, flip_y");
            }
        }
        if (augment.stream().distinct().count() != augment.size()) {
            throw new IllegalArgumentException("augment lists a transform twice: " + augment);
        }
        if (oversamplePositives < 1) {
            throw new IllegalArgumentException(
                    "oversample_positives must be at least 1, got " + oversamplePositives);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException(
                    "threshold must be between 0 and 1, got " + threshold);
        }
    }

    /**
     * Stop when the monitored validation metric has not improved for {@code patience} epochs.
     *
     * @param patience epochs without improvement before stopping (0: never stop early)
     * @param monitor {@code val_loss} (lower is better) or {@code val_dice} (higher is better)
     * @param minDelta the smallest change that counts as an improvement
     */
    public record EarlyStopping(int patience, String monitor, double minDelta) {
        /** Validates the values. */
        public EarlyStopping {
            if (patience < 0) {
                throw new IllegalArgumentException("patience must be 0 or more, got " + patience);
            }
            if (!"val_loss".equals(monitor) && !"val_dice".equals(monitor)) {
                throw new IllegalArgumentException(
                        "monitor must be val_loss or val_dice, got '" + monitor + "'");
            }
            if (!(minDelta >= 0)) {
                throw new IllegalArgumentException("min_delta must be 0 or more, got " + minDelta);
            }
        }
    }

    /**
     * Multiply the learning rate by {@code factor} when the validation loss has not improved for
     * {@code patience} epochs, down to {@code minLearningRate}.
     *
     * @param patience epochs without improvement before lowering (0: never)
     * @param factor the multiplier, in (0, 1)
     * @param minLearningRate the floor
     */
    public record ReduceLr(int patience, double factor, double minLearningRate) {
        /** Validates the values. */
        public ReduceLr {
            if (patience < 0) {
                throw new IllegalArgumentException("patience must be 0 or more, got " + patience);
            }
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
            }
            if (!(minLearningRate >= 0)) {
                throw new IllegalArgumentException(
                        "min_learning_rate must be 0 or more, got " + minLearningRate);
            }
        }
    }

    /**
     * 20 epochs of batch 32 with Adam at 0.001 on the Dice loss, every rotation and flip drawn at
     * random, early stopping after 5 epochs and halving the rate after 3 without improvement.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(
                20,
                32,
                "adam",
                0.001,
                "dice",
                Map.of(),
                List.of("rot90", "rot180", "rot270", "flip_x", "flip_y"),
                false,
                1,
                0.5,
                new EarlyStopping(5, "val_loss", 0.0),
                new ReduceLr(3, 0.5, 1e-5));
    }
}
