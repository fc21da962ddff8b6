package dev.s2v.model.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Soft Dice plus binary cross-entropy, {@code dice(s) + bce(pos_weight)} (see {@link OverlapLoss}
 * and {@link CrossEntropyLoss}): Dice optimises the overlap the evaluation measures, cross-entropy
 * gives every pixel a gradient that does not vanish on empty tiles and steadies early training.
 */
public final class DiceBceLoss extends SegmentationLoss {
    private final OverlapLoss dice;
    private final CrossEntropyLoss crossEntropy;

    /**
     * Dice with smoothing {@code smooth} plus cross-entropy with vessel weight {@code posWeight}.
     */
    public DiceBceLoss(double smooth, double posWeight) {
        super(new LossSpec("dice_bce", Map.of("smooth", smooth, "pos_weight", posWeight)));
        dice = OverlapLoss.dice(smooth);
        crossEntropy = CrossEntropyLoss.weighted(posWeight);
    }

    @Override
    protected NDArray loss(NDArray mask, NDArray probabilities) {
        return dice.loss(mask, probabilities).add(crossEntropy.loss(mask, probabilities));
    }
}
