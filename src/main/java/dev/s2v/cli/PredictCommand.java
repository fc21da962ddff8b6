package dev.s2v.cli;

import dev.s2v.inference.Aoi;
import dev.s2v.inference.PredictRequest;
import dev.s2v.inference.Prediction;
import dev.s2v.inference.PredictionSummary;
import dev.s2v.inference.ProbabilityFormat;
import dev.s2v.inference.ProgressMeter;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Run a model over a whole Sentinel-2 product (L1C .SAFE folder, zip or MTD_MSIL1C.xml,"
                    + " or a GeoTIFF band stack), strip by strip in flat memory, with overlapping"
                    + " windows of which only the centres are kept.",
            "Writes probability.tif and mask.tif (the product's 10 m grid and CRS, tiled, DEFLATE,"
                    + " overviews), vessels.geojson (WGS84) and vessels.csv (one vessel per"
                    + " connected object: centroid, length, width, heading from true north, area,"
                    + " probabilities), map.html (works offline) and prediction.yaml."
        })
final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "The model folder (model.xml and weights), e.g. models/quickstart.")
    Path model;

    @Option(
            names = "--product",
            required = true,
            paramLabel = "PATH",
            description = "An L1C product (.SAFE folder, .zip, MTD_MSIL1C.xml) or a GeoTIFF stack.")
    Path product;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The output folder (default: predictions/<product name>).")
    Path out;

    @Mixin WindowOptions windows;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            description = "Vessel probability threshold in (0, 1) (default: the model's).")
    Double threshold;

    @Option(
            names = "--probability",
            defaultValue = "uint8",
            paramLabel = "uint8|float32",
            description =
                    "How probability.tif stores probabilities: uint8 (p x 254, 255 = no data) or"
                            + " float32 (default: ${DEFAULT-VALUE}).")
    String probability;

    /** The area to predict: one of two ways. */
    static final class Area {
        @Option(
                names = "--aoi",
                paramLabel = "FILE",
                description =
                        "Predict only inside these polygons (GeoJSON or any OGR file, any CRS).")
        Path aoi;

        @Option(
                names = "--bbox",
                paramLabel = "W,S,E,N",
                description = "Predict only inside this lon/lat box: minlon,minlat,maxlon,maxlat.")
        String bbox;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Area area;

    @Option(
            names = "--scale",
            defaultValue = "auto",
            description =
                    "For GeoTIFF stacks: " + ScaleRule.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--overwrite", description = "Replace an existing output folder.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Aoi aoi =
                area == null
                        ? new Aoi.Everywhere()
                        : area.aoi != null
                                ? new Aoi.Polygons(area.aoi)
                                : Aoi.BoundingBox.parse(area.bbox);
        PredictRequest request =
                new PredictRequest(
                        model,
                        product,
                        out != null ? out : PredictRequest.defaultOut(product),
                        windows.settings(),
                        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                        ProbabilityFormat.parse(probability),
                        aoi,
                        ScaleRule.parse(scale),
                        overwrite);
        PredictionSummary summary =
                Prediction.run(request, new ProgressMeter(stderr, System.console() != null));
        summary.warnings().forEach(w -> stderr.println("s2v: warning: " + w));
        stdout.println(Prediction.summaryLine(summary));
        return ExitCodes.OK;
    }
}
