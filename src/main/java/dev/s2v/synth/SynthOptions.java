package dev.s2v.synth;

import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SyntheticProducts#generate} makes.
 *
 * @param scenes number of products, at least 1
 * @param sizePx width and height of each product at 10 m, 64 .. 10980 (a whole tile); 20 m bands
 *     are half as wide, 60 m bands a sixth
 * @param seed master seed: the same seed gives the same bytes in every file
 * @param zip write each product as a {@code .zip} instead of a {@code .SAFE} folder (L1C only)
 * @param processingBaseline processing baseline such as {@code 05.09}; from 04.00 the DNs carry the
 *     +1000 offset ({@code RADIO_ADD_OFFSET} -1000)
 * @param quicklook also write {@code quicklook.png} (true colour with the vessel outlines)
 * @param vesselDensity traffic level: 1 (the default) puts 0.5 vessels per km2 of water at sea
 *     (lengths 8-350 m, most small), 8 ships per km2 of an anchorage and takes 65 % of a harbour's
 *     berths; other values scale all three (berths at most 95 %); 0 gives scenes without vessels
 * @param overwrite replace the products of an earlier run in the output folder
 * @param level {@link ProductLevel#L1C}: SAFE products of top-of-atmosphere reflectance; {@link
 *     ProductLevel#L2A}: GeoTIFF band stacks of surface reflectance on the 10 m grid, laid out as
 *     sen2ships is (see {@link SyntheticProducts})
 * @param stackBands the layers of an L2A stack, in file order; any band but B10, which Level-2A
 *     products do not carry. An L1C product always holds all 13 bands, so L1C takes only {@link
 *     #STACK_BANDS}
 * @param randomise draw each L2A scene's water colour, sun glint, haze residue, smoothing and
 *     vessel paint from its seed (domain randomisation, see {@link SceneLook}); without it an L2A
 *     scene keeps its plan's water, glint and paint. L1C products are never randomised
 */
public record SynthOptions(
        int scenes,
        int sizePx,
        long seed,
        boolean zip,
        String processingBaseline,
        boolean quicklook,
        double vesselDensity,
        boolean overwrite,
        ProductLevel level,
        List<SpectralBand> stackBands,
        boolean randomise) {

    /**
     * The default traffic level: 64 x 64 tiles that hold vessel pixels are then about 1.3 % vessel
     * pixels on average.
     */
    public static final double DEFAULT_VESSEL_DENSITY = 1.0;

    /** The bands of an L2A stack unless told otherwise: the seven s2v's models read. */
    public static final List<SpectralBand> STACK_BANDS =
            SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12");

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
        if (level == null) {
            throw new IllegalArgumentException(
                    "the processing level (--level) must be L1C or L2A, got null");
        }
        if (stackBands == null
                || stackBands.isEmpty()
                || stackBands.stream().anyMatch(Objects::isNull)
                || stackBands.contains(SpectralBand.B10)
                || new HashSet<>(stackBands).size() != stackBands.size()) {
            throw new IllegalArgumentException(
                    "the stack bands (--bands) must be distinct Sentinel-2 bands other than B10"
                            + " (Level-2A products have no B10), got "
                            + stackBands);
        }
        stackBands = List.copyOf(stackBands);
        if (level == ProductLevel.L1C && !stackBands.equals(STACK_BANDS)) {
            throw new IllegalArgumentException(
                    "the stack bands (--bands) choose the layers of an L2A stack; an L1C product"
                            + " always holds all 13 bands, got "
                            + stackBands
                            + " with --level L1C");
        }
        if (level == ProductLevel.L1C && randomise) {
            throw new IllegalArgumentException(
                    "domain randomisation (--randomise) applies to --level L2A only; L1C products"
                            + " stay as their plan draws them");
        }
        if (level == ProductLevel.L2A && zip) {
            throw new IllegalArgumentException(
                    "--zip packs an L1C SAFE product; an L2A scene is a single GeoTIFF, drop --zip"
                            + " or use --level L1C");
        }
    }

    /** One 1024 x 1024 L1C scene, seed 42, baseline 05.09, unzipped, no quicklook. */
    public static SynthOptions defaults() {
        return new SynthOptions(
                1,
                1024,
                42,
                false,
                "05.09",
                false,
                DEFAULT_VESSEL_DENSITY,
                false,
                ProductLevel.L1C,
                STACK_BANDS,
                false);
    }

    /** The same options with another number of scenes and size. */
    public SynthOptions withScenes(int count, int size) {
        return new SynthOptions(
                count,
                size,
                seed,
                zip,
                processingBaseline,
                quicklook,
                vesselDensity,
                overwrite,
                level,
                stackBands,
                randomise);
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
                overwrite,
                level,
                stackBands,
                randomise);
    }

    /**
     * The same options at another level, randomised if it is L2A (the default there), unzipped,
     * with the default stack bands.
     */
    public SynthOptions withLevel(ProductLevel newLevel) {
        return new SynthOptions(
                scenes,
                sizePx,
                seed,
                false,
                processingBaseline,
                quicklook,
                vesselDensity,
                overwrite,
                newLevel,
                STACK_BANDS,
                newLevel == ProductLevel.L2A);
    }
}
