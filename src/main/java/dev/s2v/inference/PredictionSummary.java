package dev.s2v.inference;

import java.nio.file.Path;
import java.util.List;

/**
 * What a prediction found and where the time went.
 *
 * @param folder the output folder
 * @param productId the product's identifier
 * @param vessels vessels found
 * @param vesselPixels pixels at or above the threshold
 * @param validPixels pixels with data in every band the model reads, inside the area
 * @param regionPixels pixels predicted (the area's bounding window)
 * @param windows windows laid over the region
 * @param windowsRun windows the network ran on (those with data)
 * @param decodeSeconds reading and decoding the bands
 * @param modelSeconds building the inputs and running the network
 * @param writeSeconds writing rasters, vectors and the map
 * @param totalSeconds the whole run, model loading included
 * @param warnings what the user should know, one line each (e.g. a product without data)
 */
public record PredictionSummary(
        Path folder,
        String productId,
        int vessels,
        long vesselPixels,
        long validPixels,
        long regionPixels,
        long windows,
        long windowsRun,
        double decodeSeconds,
        double modelSeconds,
        double writeSeconds,
        double totalSeconds,
        List<String> warnings) {

    /** Copies the warnings. */
    public PredictionSummary {
        warnings = List.copyOf(warnings);
    }

    /** The same summary for outputs moved to another folder. */
    PredictionSummary movedTo(Path newFolder) {
        return new PredictionSummary(
                newFolder,
                productId,
                vessels,
                vesselPixels,
                validPixels,
                regionPixels,
                windows,
                windowsRun,
                decodeSeconds,
                modelSeconds,
                writeSeconds,
                totalSeconds,
                warnings);
    }
}
