package dev.s2v.model.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Pixel-wise binary cross-entropy with class weights and an optional focal modulation, averaged
 * over all pixels of the batch:
 *
 * <pre>
 * loss = -mean( w1 y (1 - p)^gamma log(p) + w0 (1 - y) p^gamma log(1 - p) )
 * </pre>
 *
 * <ul>
 *   <li>{@link #weighted bce}: {@code w1 = pos_weight}, {@code w0 = 1}, {@code gamma = 0}; a
 *       positive weight above 1 counters the rarity of vessel pixels.
 *   <li>{@link #focal focal} (Lin et al. 2017): {@code w1 = alpha}, {@code w0 = 1 - alpha}; {@code
 *       gamma > 0} down-weights pixels that are already classified well (mostly open sea).
 * </ul>
 *
 * <p>Probabilities are clamped to [1e-7, 1 - 1e-7] (Keras' epsilon) before the logarithms, so a
 * saturated sigmoid gives a large finite loss instead of infinity; where a probability is clamped
 * its gradient is zero, as in Keras.
 */
public final class CrossEntropyLoss extends SegmentationLoss {
    /** The clamp of probabilities away from 0 and 1. */
    public static final float EPSILON = 1e-7f;

    private final double positiveWeight;
    private final double negativeWeight;
    private final double gamma;

    private CrossEntropyLoss(
            LossSpec spec, double positiveWeight, double negativeWeight, double gamma) {
        super(spec);
        this.positiveWeight = positiveWeight;
        this.negativeWeight = negativeWeight;
        this.gamma = gamma;
    }

    /**
     * Binary cross-entropy with vessel pixels weighted {@code posWeight} (positive; 1 is plain).
     */
    public static CrossEntropyLoss weighted(double posWeight) {
        return new CrossEntropyLoss(
                new LossSpec("bce", Map.of("pos_weight", posWeight)), posWeight, 1, 0);
    }

    /**
     * Focal loss with focusing {@code gamma} (at least 0; 0 gives weighted cross-entropy) and
     * vessel weight {@code alpha} in [0, 1] (sea pixels get {@code 1 - alpha}).
     */
    public static CrossEntropyLoss focal(double gamma, double alpha) {
        return new CrossEntropyLoss(
                new LossSpec("focal", Map.of("gamma", gamma, "alpha", alpha)),
                alpha,
                1 - alpha,
                gamma);
    }

    @Override
    protected NDArray loss(NDArray mask, NDArray probabilities) {
        NDArray p = probabilities.clip(EPSILON, 1 - EPSILON);
        NDArray q = p.neg().add(1);
        NDArray positive = p.log().mul(mask);
        NDArray negative = q.log().mul(mask.neg().add(1));
        if (gamma != 0) {
            positive = positive.mul(q.pow(gamma));
            negative = negative.mul(p.pow(gamma));
        }
        return positive.mul(positiveWeight).add(negative.mul(negativeWeight)).mean().neg();
    }
}
