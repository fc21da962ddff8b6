package dev.s2v.exploration;

import dev.s2v.dataset.TileCodec;
import dev.s2v.raster.SpectralBand;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One band's sampled reflectances per class, their density estimates, the range the charts show,
 * and how far apart the classes lie.
 */
public final class BandAnalysis {
    /** The tiles' reflectance step: a finer kernel or bin would only draw the quantisation. */
    public static final double RESOLUTION = 1 / TileCodec.QUANTIFICATION;

    /** The charts show each class from this quantile up to its complement. */
    public static final double TAIL = 0.001;

    /** Histogram bins across the shown range (fewer when that would be finer than a step). */
    static final int BINS = 150;

    private final SpectralBand band;
    private final Map<PixelClass, SortedSample> samples = new EnumMap<>(PixelClass.class);
    private final Map<PixelClass, KernelDensity> densities = new EnumMap<>(PixelClass.class);
    private final double lower;
    private final double upper;
    private final BandSeparability separability;

    private BandAnalysis(SpectralBand band, PixelSample sample, BandwidthRule rule) {
        this.band = band;
        for (PixelClass c : PixelClass.values()) {
            SortedSample s = sample.sorted(c, band);
            samples.put(c, s);
            if (!s.isEmpty()) {
                densities.put(c, KernelDensity.fit(s, rule, RESOLUTION));
            }
        }
        double[] range = shownRange(List.copyOf(samples.values()));
        this.lower = range[0];
        this.upper = range[1];
        SortedSample vessel = samples.get(PixelClass.VESSEL);
        SortedSample background = samples.get(PixelClass.BACKGROUND);
        boolean both = !vessel.isEmpty() && !background.isEmpty();
        this.separability =
                new BandSeparability(
                        band,
                        vessel.size(),
                        background.size(),
                        Separability.auc(vessel, background),
                        both
                                ? Separability.bhattacharyyaDistance(
                                        densities.get(PixelClass.VESSEL),
                                        densities.get(PixelClass.BACKGROUND))
                                : Double.NaN);
    }

    /**
     * The range charts show for some samples of a band: from the smallest {@value #TAIL}-quantile
     * among them to the largest {@code 1 - TAIL}-quantile, at least 200 reflectance steps wide,
     * with a margin of 5 % each side; 0..1 (with margins) when every sample is empty.
     *
     * @return lower and upper end
     */
    static double[] shownRange(List<SortedSample> samples) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SortedSample s : samples) {
            if (!s.isEmpty()) {
                lo = Math.min(lo, s.quantile(TAIL));
                hi = Math.max(hi, s.quantile(1 - TAIL));
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        // A narrow range (one class, nearly constant) still gets a readable axis.
        double minimumSpan = 200 * RESOLUTION;
        if (hi - lo < minimumSpan) {
            double centre = (lo + hi) / 2;
            lo = centre - minimumSpan / 2;
            hi = centre + minimumSpan / 2;
        }
        double margin = 0.05 * (hi - lo);
        return new double[] {lo - margin, hi + margin};
    }

    /**
     * Analyses a band of a sample.
     *
     * @throws IllegalArgumentException when the band was not sampled
     */
    public static BandAnalysis of(SpectralBand band, PixelSample sample, BandwidthRule rule) {
        return new BandAnalysis(band, sample, rule);
    }

    /** The band. */
    public SpectralBand band() {
        return band;
    }

    /** A class's sampled reflectances (empty when the class has none). */
    public SortedSample sample(PixelClass pixelClass) {
        return samples.get(pixelClass);
    }

    /** A class's density estimate; empty when the class has no pixels. */
    public Optional<KernelDensity> density(PixelClass pixelClass) {
        return Optional.ofNullable(densities.get(pixelClass));
    }

    /**
     * The lower end of the range the charts show: the smallest {@value #TAIL}-quantile of the
     * classes, less a margin.
     */
    public double lower() {
        return lower;
    }

    /** The upper end of the range the charts show. */
    public double upper() {
        return upper;
    }

    /** How far apart the classes lie. */
    public BandSeparability separability() {
        return separability;
    }

    /**
     * A class's histogram over the shown range: bins of a whole number of reflectance steps, with
     * edges halfway between steps, so that no bin collects one step more than its neighbours.
     */
    public Histogram histogram(PixelClass pixelClass) {
        double steps = Math.max(1, Math.ceil((upper - lower) / BINS / RESOLUTION));
        double width = steps * RESOLUTION;
        double from = (Math.floor(lower / RESOLUTION) - 0.5) * RESOLUTION;
        int bins = (int) Math.ceil((upper - from) / width);
        return Histogram.of(samples.get(pixelClass), from, from + bins * width, bins);
    }
}
