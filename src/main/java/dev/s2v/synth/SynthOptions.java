package dev.s2v.synth;

/**
 * What {@link SyntheticProducts#generate} makes.
 *
 * @param scenes number of products, at least 1
 * @param sizePx width and height of each product at 10 m, 64 .. 10980 (a whole tile); 20 m bands
 *     are half as wide, 60 m bands a sixth
 * @param seed master seed: the same seed gives the same bytes in every file
 * @param zip write each product as a {@code .zip} instead of a {@code .SAFE} folder
 * @param processingBaseline processing baseline such as {@code 05.09}; from 04.00 the DNs carry the
 *     +1000 offset ({@code RADIO_ADD_OFFSET} -1000)
 * @param quicklook also write {@code quicklook.png} (true colour with the vessel outlines)
 * @param vesselDensity traffic level: 1 (the default) puts 0.5 vessels per km2 of water at sea
 *     (lengths 8-350 m, most small), 8 ships per km2 of an anchorage and takes 65 % of a harbour's
 *     berths; other values scale all three (berths at most 95 %); 0 gives scenes without vessels
 * @param overwrite replace the products of an earlier run in the output folder
 */
public record SynthOptions(
        int scenes,
        int sizePx,
        long seed,
        boolean zip,
        String processingBaseline,
        boolean quicklook,
        double vesselDensity,
        boolean overwrite) {

    /**
     * The default traffic level: 64 x 64 tiles that hold vessel pixels are then about 1.3 % vessel
     * pixels on average.
     */
    public static final double DEFAULT_VESSEL_DENSITY = 1.0;

    /** Validates every value; messages name the command-line option too. */
    public SynthOptions {
        if (scenes < 1) {
            throw new IllegalArgumentException(
                    "the number of scenes (--scenes) must be at least 1, got " + scenes);
        }
        if (sizePx < 64 || sizePx > MgrsTile.SIZE_10M) {
            throw new IllegalArgumentException(
                    "the product size (--size) must be 64.."
                            + MgrsTile.SIZE_10M
                            + " pixels at 10 m (10980 is a whole tile), got "
                            + sizePx);
        }
        if (processingBaseline == null || !processingBaseline.matches("0[2-9]\\.\\d\\d")) {
            throw new IllegalArgumentException(
                    "the processing baseline (--baseline) must look like 05.09 (02.00 to 09.99), got "
                            + processingBaseline);
        }
        if (!(vesselDensity >= 0) || Double.isInfinite(vesselDensity)) {
            throw new IllegalArgumentException(
                    "the vessel density (--vessel-density) must be a finite number >= 0 (1 = the"
                            + " default traffic), got "
                            + vesselDensity);
        }
    }

    /** One 1024 x 1024 scene, seed 42, baseline 05.09, unzipped, no quicklook. */
    public static SynthOptions defaults() {
        return new SynthOptions(1, 1024, 42, false, "05.09", false, DEFAULT_VESSEL_DENSITY, false);
    }

    /** The same options with another number of scenes and size. */
    public SynthOptions withScenes(int count, int size) {
        return new SynthOptions(
                count, size, seed, zip, processingBaseline, quicklook, vesselDensity, overwrite);
    }

    /** The same options with another seed. */
    public SynthOptions withSeed(long newSeed) {
        return new SynthOptions(
                scenes,
                sizePx,
                newSeed,
                zip,
                processingBaseline,
                quicklook,
                vesselDensity,
                overwrite);
    }
}
