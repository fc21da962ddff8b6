package dev.s2v.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * A loss between a vessel mask and predicted vessel probabilities, both {@code (N, 1, H, W)}:
 * labels in {0, 1} (soft labels in [0, 1] also work), predictions in [0, 1] (after the sigmoid).
 * {@link #evaluate} returns the batch's loss as a scalar, differentiable with respect to the
 * predictions.
 */
public abstract class SegmentationLoss extends Loss {
    private final LossSpec spec;

    /** A loss named and parameterised by {@code spec}. */
    protected SegmentationLoss(LossSpec spec) {
        super(spec.name());
        this.spec = spec;
    }

    /** The name and parameters of this loss, as {@code model.xml} records them. */
    public LossSpec spec() {
        return spec;
    }

    /**
     * The loss of a batch.
     *
     * @param labels one array, the mask
     * @param predictions one array, the probabilities, of the mask's shape
     * @return a scalar
     * @throws IllegalArgumentException when the shapes differ or there is no batch axis
     */
    @Override
    public final NDArray evaluate(NDList labels, NDList predictions) {
        NDArray probabilities = predictions.singletonOrThrow();
        NDArray mask = labels.singletonOrThrow();
        if (!probabilities.getShape().equals(mask.getShape())
                || probabilities.getShape().dimension() < 2) {
            throw new IllegalArgumentException(
                    "loss "
                            + spec.name()
                            + " needs mask and probabilities of one shape (N, 1, H, W), got "
                            + mask.getShape()
                            + " and "
                            + probabilities.getShape());
        }
        if (mask.getDataType() != probabilities.getDataType()) {
            mask = mask.toType(probabilities.getDataType(), false);
        }
        return loss(mask, probabilities);
    }

    /**
     * The loss of a batch whose mask and probabilities have one shape and type.
     *
     * @param mask the labels
     * @param probabilities the predictions
     * @return a scalar
     */
    protected abstract NDArray loss(NDArray mask, NDArray probabilities);

    /** Sums each sample of {@code (N, ...)} over all but the batch axis, giving {@code (N)}. */
    static NDArray sumPerSample(NDArray array) {
        return array.reshape(array.getShape().get(0), -1).sum(new int[] {1});
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
