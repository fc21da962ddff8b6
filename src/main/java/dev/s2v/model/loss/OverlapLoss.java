package dev.s2v.model.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The overlap losses of one family, computed per sample and then averaged over the batch: soft
 * Tversky {@code 1 - (TP + s) / (TP + alpha FP + beta FN + s)} with soft counts {@code TP = sum(p
 * y)}, {@code FP = sum(p (1 - y))}, {@code FN = sum((1 - p) y)} over a sample's pixels.
 *
 * <ul>
 *   <li>{@link #dice soft Dice}: {@code 1 - (2 sum(p y) + s) / (sum(p) + sum(y) + s)}, which is
 *       Tversky with alpha = beta = 1/2 and smoothing s/2.
 *   <li>{@link #jaccard soft Jaccard (IoU)}: {@code 1 - (sum(p y) + s) / (sum(p) + sum(y) - sum(p
 *       y) + s)}, Tversky with alpha = beta = 1.
 *   <li>{@link #tversky Tversky}: beta > alpha weighs missed vessel pixels more than false alarms.
 * </ul>
 *
 * <p>Per sample, not over the whole batch: a batch-wide sum lets the few tiles with large ships
 * decide the loss and hides both the small vessels and the false alarms on the many vessel-free sea
 * tiles; averaging per-tile losses gives each tile the same say. The smoothing {@code s = 1} (one
 * pixel) keeps the ratio defined on vessel-free tiles: there a prediction of all zeros scores a
 * perfect 0, and a false alarm of {@code P} pixels' worth of probability costs {@code P / (P + 1)}
 * in Dice, so false alarms on empty tiles are pushed down hard. On tiles with vessels one pixel is
 * small against the vessel's area and barely changes the ratio.
 */
public final class OverlapLoss extends SegmentationLoss {
    private final double alpha;
    private final double beta;
    private final double smooth;

    private OverlapLoss(LossSpec spec, double alpha, double beta, double smooth) {
        super(spec);
        this.alpha = alpha;
        this.beta = beta;
        this.smooth = smooth;
    }

    /** Soft Dice loss with smoothing {@code smooth} (positive; 1 by default). */
    public static OverlapLoss dice(double smooth) {
        LossSpec spec = new LossSpec("dice", Map.of("smooth", smooth));
        return new OverlapLoss(spec, 0.5, 0.5, smooth / 2);
    }

    /** Soft Jaccard (IoU) loss with smoothing {@code smooth} (positive; 1 by default). */
    public static OverlapLoss jaccard(double smooth) {
        LossSpec spec = new LossSpec("jaccard", Map.of("smooth", smooth));
        return new OverlapLoss(spec, 1, 1, smooth);
    }

    /**
     * Tversky loss: {@code alpha} weighs false positives, {@code beta} false negatives (both at
     * least 0, not both 0), {@code smooth} is positive.
     */
    public static OverlapLoss tversky(double alpha, double beta, double smooth) {
        LossSpec spec =
                new LossSpec("tversky", Map.of("alpha", alpha, "beta", beta, "smooth", smooth));
        return new OverlapLoss(spec, alpha, beta, smooth);
    }

    @Override
    protected NDArray loss(NDArray mask, NDArray probabilities) {
        NDArray truePositives = sumPerSample(probabilities.mul(mask));
        NDArray falsePositives = sumPerSample(probabilities).sub(truePositives);
        NDArray falseNegatives = sumPerSample(mask).sub(truePositives);
        NDArray numerator = truePositives.add(smooth);
        NDArray denominator =
                numerator.add(falsePositives.mul(alpha)).add(falseNegatives.mul(beta));
        return numerator.div(denominator).neg().add(1).mean();
    }
}
