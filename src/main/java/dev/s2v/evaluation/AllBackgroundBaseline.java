package dev.s2v.evaluation;

/**
 * The trivial baseline: no vessel anywhere. Its pixel accuracy is the share of water, usually above
 * 0.999, which is why accuracy is no measure of a vessel detector; its F1 is 0 whenever there is a
 * vessel.
 */
public record AllBackgroundBaseline() implements PixelBaseline {

    @Override
    public String name() {
        return "all background";
    }

    @Override
    public String description() {
        return "predicts no vessel anywhere";
    }

    /**
     * An all-zero mask of the tile's size.
     *
     * @throws IllegalArgumentException without bands
     */
    @Override
    public byte[] apply(float[][] bands) {
        if (bands.length == 0) {
            throw new IllegalArgumentException("a tile needs at least one band");
        }
        return new byte[bands[0].length];
    }
}
