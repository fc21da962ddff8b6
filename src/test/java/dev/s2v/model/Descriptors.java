package dev.s2v.model;

import dev.s2v.config.Normalization;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Model descriptors for tests. */
final class Descriptors {
    static final List<SpectralBand> BANDS =
            List.of(
                    SpectralBand.B02,
                    SpectralBand.B03,
                    SpectralBand.B04,
                    SpectralBand.B08,
                    SpectralBand.B8A,
                    SpectralBand.B11,
                    SpectralBand.B12);

    private Descriptors() {}

    /** Seven bands, max normalisation, base 16, depth 2, focal loss, 32-pixel tiles. */
    static ModelDescriptor sevenBands() {
        return of(
                BANDS,
                Normalization.max(new double[] {0.31, 0.28, 0.27, 0.52, 0.55, 0.43, 0.375}),
                new UNetArchitecture(7, 16, 2, 0.25, true, Decoder.TRANSPOSED));
    }

    /** A descriptor of the given bands, normalisation and architecture. */
    static ModelDescriptor of(
            List<SpectralBand> bands, Normalization normalization, UNetArchitecture architecture) {
        return new ModelDescriptor(
                bands,
                32,
                true,
                Optional.of(ProductLevel.L1C),
                normalization,
                architecture,
                new LossSpec("focal", Map.of("gamma", 2.0)),
                0.45,
                "synthetic-demo",
                "datasets/synthetic-demo",
                "quickstart",
                Instant.parse("2026-11-25T10:15:30Z"),
                "0.1.0");
    }
}
