package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an exploration found and wrote.
 *
 * @param dataset the dataset's name
 * @param datasetFolder the dataset folder
 * @param out the folder written
 * @param split the splits looked at
 * @param bands the bands charted
 * @param tileSize the tiles' side in pixels
 * @param sampling what was read and sampled
 * @param sampled pixels sampled per class: background, vessel
 * @param separability per charted band, in band order
 * @param figures the charts, in the pages' order
 * @param rule the bandwidth rule of the density estimates
 * @param quantity what the tiles' values are, e.g. "TOA reflectance (L1C, unitless)"
 * @param comparison the comparison with another dataset, when one was asked for
 * @param comparisonFigures the comparison's charts, in the pages' order; empty without one
 * @param seconds wall time of the whole exploration
 */
public record ExplorationResult(
        String dataset,
        Path datasetFolder,
        Path out,
        SplitSelection split,
        List<SpectralBand> bands,
        int tileSize,
        SamplingSummary sampling,
        int[] sampled,
        List<BandSeparability> separability,
        List<Figure> figures,
        BandwidthRule rule,
        String quantity,
        Optional<DatasetComparison> comparison,
        List<Figure> comparisonFigures,
        double seconds) {

    /** Copies the lists; comparison figures need a comparison. */
    public ExplorationResult {
        if (comparison.isEmpty() && !comparisonFigures.isEmpty()) {
            throw new IllegalArgumentException(
                    "comparison figures need a comparison, got " + comparisonFigures.size());
        }
        comparisonFigures = List.copyOf(comparisonFigures);
        bands = List.copyOf(bands);
        sampled = sampled.clone();
        separability = List.copyOf(separability);
        figures = List.copyOf(figures);
    }

    @Override
    public int[] sampled() {
        return sampled.clone();
    }

    /** Pixels sampled of a class. */
    public int sampled(PixelClass pixelClass) {
        return sampled[pixelClass.ordinal()];
    }
}
