package dev.s2v.cli;

import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import dev.s2v.synth.GeneratedScene;
import dev.s2v.synth.SynthOptions;
import dev.s2v.synth.SyntheticProducts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic Sentinel-2 L1C products with known vessels: real SAFE layout (all 13"
                    + " bands, lossless JPEG2000, real MGRS tiles and UTM grids), and beside each"
                    + " product labels.geojson (vessel hulls, EPSG:4326), truth_mask.tif (1 ="
                    + " vessel, 10 m grid) and optionally quicklook.png; plus DIR/scenes.csv.",
            "With --level L2A: surface-reflectance band stacks laid out as sen2ships is,"
                    + " DIR/<scene>.tif (UInt16 reflectance x 10000, band names, 10 m grid) beside"
                    + " <scene>_labels.geojson and <scene>_mask.tif, each scene's water colour,"
                    + " glint, haze residue, smoothing and vessel paint drawn from its seed (see"
                    + " scenes.csv).",
            "The mask uses the pixel-centre rule, so a boat narrower than a pixel may have no mask"
                    + " pixel (see mask_pixels in the labels). The same options give the same bytes."
        })
final class SynthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--scenes",
            defaultValue = "1",
            paramLabel = "N",
            description = "Number of products (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(
            names = "--size",
            defaultValue = "1024",
            paramLabel = "PX",
            description =
                    "Width and height at 10 m, 64..10980 (default: ${DEFAULT-VALUE}; 10980 = a whole tile).")
    int size;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--zip",
            description = "Write each product as a .zip instead of a .SAFE folder.")
    boolean zip;

    @Option(
            names = "--baseline",
            defaultValue = "05.09",
            paramLabel = "NN.NN",
            description =
                    "Processing baseline (default: ${DEFAULT-VALUE}); from 04.00 DNs carry the +1000 offset.")
    String baseline;

    @Option(
            names = "--quicklook",
            description = "Also write quicklook.png (true colour, outlines).")
    boolean quicklook;

    @Option(
            names = "--vessel-density",
            defaultValue = "" + SynthOptions.DEFAULT_VESSEL_DENSITY,
            paramLabel = "X",
            description =
                    "Traffic level (default: ${DEFAULT-VALUE}: 0.5 vessels per km2 at sea, 8 per km2 of anchorage, 65 %% of berths taken); 0 = no vessels.")
    double vesselDensity;

    @Option(names = "--overwrite", description = "Replace the products of an earlier run in DIR.")
    boolean overwrite;

    @Option(
            names = "--level",
            defaultValue = "L1C",
            paramLabel = "L1C|L2A",
            description =
                    "L1C: SAFE products of top-of-atmosphere reflectance (default); L2A: band stacks of surface reflectance.")
    String level;

    @Option(
            names = "--bands",
            paramLabel = "LIST",
            description =
                    "Layers of an L2A stack, in order (default: B02,B03,B04,B08,B8A,B11,B12; L2A only).")
    String bands;

    @Option(
            names = "--randomise",
            negatable = true,
            description =
                    "Draw each L2A scene's water colour, glint, haze residue, smoothing and vessel paint from its seed (default with --level L2A; --no-randomise keeps the planned water, glint and paint).")
    Boolean randomise;

    @Override
    public Integer call() throws IOException {
        ProductLevel productLevel = ProductLevel.parse(level);
        SynthOptions options =
                new SynthOptions(
                        scenes,
                        size,
                        seed,
                        zip,
                        baseline,
                        quicklook,
                        vesselDensity,
                        overwrite,
                        productLevel,
                        bands == null ? SynthOptions.STACK_BANDS : SpectralBand.parseList(bands),
                        randomise == null ? productLevel == ProductLevel.L2A : randomise);
        PrintWriter w = spec.commandLine().getOut();
        long start = System.nanoTime();
        long[] sceneStart = {start};
        List<GeneratedScene> written =
                SyntheticProducts.generate(
                        out,
                        options,
                        scene -> {
                            long now = System.nanoTime();
                            w.printf(
                                    Locale.ROOT,
                                    "%s  %dx%d  %s (%s)  %d vessels, %d in mask, %d px (%.3f %%)  %.1f s%n",
                                    scene.sceneId(),
                                    scene.widthPx(),
                                    scene.heightPx(),
                                    scene.site(),
                                    scene.setting(),
                                    scene.vesselCount(),
                                    scene.vesselsInMask(),
                                    scene.vesselPixels(),
                                    scene.vesselPixelPercent(),
                                    (now - sceneStart[0]) / 1e9);
                            w.flush();
                            sceneStart[0] = now;
                        });
        w.printf(
                Locale.ROOT,
                "%d scene(s) in %.1f s -> %s%n",
                written.size(),
                (System.nanoTime() - start) / 1e9,
                out.resolve(SyntheticProducts.SCENES_CSV));
        return ExitCodes.OK;
    }
}
