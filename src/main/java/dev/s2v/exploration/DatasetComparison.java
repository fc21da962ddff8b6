package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An exploration's dataset (A) compared with another (B): for every band both have, matched by
 * name, each class's reflectance in A and in B, with the quantiles and distances of {@link
 * ClassComparison}.
 */
public final class DatasetComparison {
    /**
     * One band analysed in both datasets.
     *
     * @param a the band in A
     * @param b the band in B
     */
    public record BandPair(BandAnalysis a, BandAnalysis b) {
        /** Checks that both analyse the same band. */
        public BandPair {
            if (a.band() != b.band()) {
                throw new IllegalArgumentException(
                        "a band pair needs one band in both datasets, got "
                                + a.band()
                                + " and "
                                + b.band());
            }
        }

        /** The band. */
        public SpectralBand band() {
            return a.band();
        }

        /** One class compared. */
        public ClassComparison compare(PixelClass pixelClass) {
            SortedSample sa = a.sample(pixelClass);
            SortedSample sb = b.sample(pixelClass);
            return new ClassComparison(
                    band(),
                    pixelClass,
                    sa.size(),
                    sb.size(),
                    Quantiles.of(sa),
                    Quantiles.of(sb),
                    SampleDistance.between(sa, sb));
        }
    }

    private final ChartContext a;
    private final ChartContext b;
    private final List<BandPair> bands;
    private final List<ClassComparison> rows;

    private DatasetComparison(ChartContext a, ChartContext b, List<BandPair> bands) {
        this.a = a;
        this.b = b;
        this.bands = List.copyOf(bands);
        List<ClassComparison> all = new ArrayList<>();
        for (BandPair pair : bands) {
            for (PixelClass c : PixelClass.values()) {
                all.add(pair.compare(c));
            }
        }
        this.rows = List.copyOf(all);
    }

    /**
     * The bands of {@code bands} that {@code other} also has, by name, in the order of {@code
     * bands}.
     */
    public static List<SpectralBand> commonBands(
            List<SpectralBand> bands, List<SpectralBand> other) {
        return bands.stream().filter(other::contains).toList();
    }

    /**
     * Compares A's analysed bands with the same bands of B's sample (analysed with B's bandwidth
     * rule); A's bands that B lacks are left out.
     *
     * @param a where A's sample came from
     * @param analysesA A's analysed bands, in the order the comparison keeps
     * @param b where B's sample came from
     * @param sampleB B's sample
     * @throws IllegalArgumentException when no band of {@code analysesA} is in B's sample, naming
     *     both band lists
     */
    public static DatasetComparison of(
            ChartContext a, List<BandAnalysis> analysesA, ChartContext b, PixelSample sampleB) {
        List<SpectralBand> bandsA = analysesA.stream().map(BandAnalysis::band).toList();
        List<SpectralBand> common = commonBands(bandsA, sampleB.bands());
        if (common.isEmpty()) {
            throw new IllegalArgumentException(
                    b.dataset()
                            + " has no band in common with "
                            + a.dataset()
                            + ": it has "
                            + names(sampleB.bands())
                            + ", the bands compared are "
                            + names(bandsA));
        }
        List<BandPair> pairs = new ArrayList<>();
        for (BandAnalysis analysis : analysesA) {
            if (common.contains(analysis.band())) {
                pairs.add(
                        new BandPair(
                                analysis, BandAnalysis.of(analysis.band(), sampleB, b.rule())));
            }
        }
        return new DatasetComparison(a, b, pairs);
    }

    /** Where A's sample came from; its dataset name is A's name. */
    public ChartContext a() {
        return a;
    }

    /** Where B's sample came from; its dataset name is the name B goes by. */
    public ChartContext b() {
        return b;
    }

    /** The bands compared, in A's order. */
    public List<BandPair> bands() {
        return bands;
    }

    /** Every band and class compared: per band, background then vessel. */
    public List<ClassComparison> rows() {
        return rows;
    }

    /**
     * The comparison as a table, one row per band and class: {@code band}, {@code wavelength_nm},
     * {@code class}, then {@code a_pixels} and A's quantiles {@code a_p5 .. a_p95}, the same of B
     * ({@code b_...}), and {@code kolmogorov_smirnov} and {@code wasserstein_1}, rounded to six
     * decimals (the tiles hold four; beyond six there is only the noise of single precision).
     * Undefined numbers (a class without pixels) are missing.
     */
    public Table table() {
        StringColumn band = StringColumn.create("band");
        IntColumn wavelength = IntColumn.create("wavelength_nm");
        StringColumn pixelClass = StringColumn.create("class");
        IntColumn pixelsA = IntColumn.create("a_pixels");
        IntColumn pixelsB = IntColumn.create("b_pixels");
        List<DoubleColumn> quantilesA = new ArrayList<>();
        List<DoubleColumn> quantilesB = new ArrayList<>();
        for (String q : Quantiles.NAMES) {
            quantilesA.add(DoubleColumn.create("a_" + q));
            quantilesB.add(DoubleColumn.create("b_" + q));
        }
        DoubleColumn ks = DoubleColumn.create("kolmogorov_smirnov");
        DoubleColumn w1 = DoubleColumn.create("wasserstein_1");
        for (ClassComparison r : rows) {
            band.append(r.band().name());
            wavelength.append(r.band().wavelengthNm());
            pixelClass.append(r.pixelClass().label());
            pixelsA.append(r.pixelsA());
            pixelsB.append(r.pixelsB());
            double[] qa = r.a().values();
            double[] qb = r.b().values();
            for (int k = 0; k < qa.length; k++) {
                quantilesA.get(k).append(rounded(qa[k]));
                quantilesB.get(k).append(rounded(qb[k]));
            }
            ks.append(rounded(r.distance().kolmogorovSmirnov()));
            w1.append(rounded(r.distance().wasserstein1()));
        }
        Table table = Table.create("comparison", band, wavelength, pixelClass, pixelsA);
        quantilesA.forEach(table::addColumns);
        table.addColumns(pixelsB);
        quantilesB.forEach(table::addColumns);
        return table.addColumns(ks, w1);
    }

    private static double rounded(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
    }

    private static String names(List<SpectralBand> bands) {
        return String.join(", ", bands.stream().map(Enum::name).toList());
    }
}
