package dev.s2v.cli;

import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.ProductMetadata;
import dev.s2v.raster.ProductMetadata.TileGeocoding;
import dev.s2v.raster.Radiometry;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "Show what s2v reads from a Sentinel-2 L1C product (.SAFE folder, .zip or MTD_MSIL1C.xml) or a GeoTIFF band stack.")
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "PRODUCT",
            description =
                    "L1C product (.SAFE folder, its .zip, MTD_MSIL1C.xml) or GeoTIFF band stack.")
    Path product;

    @Option(
            names = "--nodata",
            paramLabel = "BANDS",
            description =
                    "Also count no-data pixels of these bands (comma-separated names, or 'all').")
    String noDataBands;

    @Option(
            names = "--scale",
            paramLabel = "RULE",
            defaultValue = "auto",
            description =
                    "For GeoTIFF stacks: reflectance = (value + OFFSET) / DIVISOR; "
                            + ScaleRule.SYNTAX
                            + ". Default: ${DEFAULT-VALUE} (GDAL scale/offset metadata).")
    String scale;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScaleRule rule = ScaleRule.parse(scale);
        try (BandSource source = BandSources.open(product, rule)) {
            Set<SpectralBand> counted =
                    noDataBands == null
                            ? EnumSet.noneOf(SpectralBand.class)
                            : noDataBands.equalsIgnoreCase("all")
                                    ? source.bands()
                                    : EnumSet.copyOf(SpectralBand.parseList(noDataBands));
            for (SpectralBand band : counted) {
                if (!source.bands().contains(band)) {
                    throw new IllegalArgumentException(
                            product + " has no " + band + "; its bands: " + source.bands());
                }
            }
            if (source instanceof Sentinel2Product l1c) {
                describeProduct(out, l1c);
            } else {
                row(out, "stack", source.sceneId());
                row(
                        out,
                        "source",
                        source.path() + " (GeoTIFF band stack, scale rule " + rule + ")");
            }
            describeGrid(out, source);
            describeBands(out, source, counted);
        }
        return ExitCodes.OK;
    }

    private static void describeProduct(PrintWriter out, Sentinel2Product product) {
        ProductMetadata m = product.metadata();
        row(out, "product", m.productId());
        row(out, "source", product.path() + (product.isZipped() ? " (zip, read in place)" : ""));
        row(out, "spacecraft", m.spacecraft());
        row(out, "sensing", m.sensingStart().toString());
        row(
                out,
                "baseline",
                m.processingBaseline()
                        + ", quantification "
                        + fmt(m.quantificationValue())
                        + ", offsets "
                        + (m.offsetsDeclared()
                                ? describeOffsets(m)
                                : "none (before baseline 04.00: 0)"));
        m.cloudCoverPercent()
                .ifPresent(c -> row(out, "cloud", String.format(Locale.ROOT, "%.2f %%", c)));
        if (m.tile().isPresent()) {
            TileGeocoding t = m.tile().get();
            row(out, "tile", m.mgrsTile() + ", " + t.tileId());
            row(
                    out,
                    "tile grid",
                    String.format(
                            Locale.ROOT,
                            "%d x %d px at 10 m from E %s N %s, EPSG:%d (%s)",
                            t.columns10m(),
                            t.rows10m(),
                            fmt(t.ulx()),
                            fmt(t.uly()),
                            t.epsg(),
                            t.crsName()));
        } else {
            row(out, "tile", m.mgrsTile() + " (no MTD_TL.xml)");
        }
    }

    private static String describeOffsets(ProductMetadata m) {
        Set<Double> distinct = new java.util.TreeSet<>(m.radioAddOffsets().values());
        if (distinct.size() == 1) {
            return fmt(distinct.iterator().next()) + " (all bands)";
        }
        List<String> parts = new ArrayList<>();
        m.radioAddOffsets().forEach((b, o) -> parts.add(b + " " + fmt(o)));
        return String.join(", ", parts);
    }

    private static void describeGrid(PrintWriter out, BandSource source) {
        RasterGrid grid = source.grid();
        GeoTransform t = grid.transform();
        String crop = "";
        if (source instanceof Sentinel2Product l1c && l1c.metadata().tile().isPresent()) {
            TileGeocoding tile = l1c.metadata().tile().get();
            if (grid.width() != tile.columns10m() || grid.height() != tile.rows10m()) {
                crop =
                        String.format(
                                Locale.ROOT,
                                " (a crop of the tile at col %d, row %d)",
                                Math.round((t.originX() - tile.ulx()) / 10),
                                Math.round((tile.uly() - t.originY()) / 10));
            }
        }
        row(
                out,
                "grid",
                String.format(
                        Locale.ROOT,
                        "%d x %d px of %s m, origin E %s N %s, %s%s",
                        grid.width(),
                        grid.height(),
                        fmt(grid.pixelSizeX()),
                        fmt(t.originX()),
                        fmt(t.originY()),
                        grid.crsLabel(),
                        crop));
    }

    private static void describeBands(PrintWriter out, BandSource source, Set<SpectralBand> counted)
            throws IOException {
        out.println("bands");
        out.printf(
                "  %-4s %5s %8s  %-28s %s%n",
                "band",
                "res",
                "centre",
                "reflectance",
                counted.isEmpty() ? "file" : "no-data   file");
        List<SpectralBand> listed = new ArrayList<>(source.bands());
        if (source instanceof Sentinel2Product l1c) {
            listed = new ArrayList<>(l1c.metadata().bandFiles().keySet());
        }
        for (SpectralBand band : listed) {
            boolean present = source.bands().contains(band);
            Radiometry r = source.radiometry(band);
            String conversion =
                    String.format(
                            Locale.ROOT,
                            "(v %s %s) / %s",
                            r.addOffset() < 0 ? "-" : "+",
                            fmt(Math.abs(r.addOffset())),
                            fmt(r.divisor()));
            String noData =
                    counted.isEmpty()
                            ? ""
                            : counted.contains(band)
                                    ? String.format(
                                            Locale.ROOT,
                                            "%7.3f %%  ",
                                            100 * BandSources.noDataShare(source, band))
                                    : String.format("%-11s", "");
            String file =
                    source instanceof Sentinel2Product l1c
                            ? l1c.metadata().bandFiles().get(band)
                            : "";
            out.printf(
                    "  %-4s %3d m %5d nm  %-28s %s%s%s%n",
                    band,
                    // A stack holds every band on its own grid, whatever the band's native
                    // resolution.
                    source instanceof Sentinel2Product
                            ? band.resolutionM()
                            : Math.round(source.grid().pixelSizeX()),
                    band.wavelengthNm(),
                    conversion,
                    noData,
                    file,
                    present ? "" : "  (ABSENT)");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("%-10s %s%n", key, value);
    }
}
