package dev.s2v.synth;

import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A planned scene as a Level-2A band stack: rendered through the corrected atmosphere of its {@link
 * SceneLook} (surface reflectance, sensor noise at each band's native resolution), brought onto the
 * 10 m grid by {@link SensorSmoothing}, and written as the band stacks s2v reads ({@code
 * raster.GeoTiffStack}) and sen2ships is made of: UInt16, value = reflectance x 10000, GDAL scale
 * 0.0001 and offset 0 on every band, no-data 0 (valid pixels at least 1), band descriptions the
 * Sentinel-2 band names, DEFLATE in 256 x 256 tiles.
 */
final class SurfaceStack {
    /** GDAL's scale of every band: value x 0.0001 = reflectance. */
    static final double SCALE = 1e-4;

    private static final List<SpectralBand> TRUE_COLOUR =
            List.of(SpectralBand.B04, SpectralBand.B03, SpectralBand.B02);

    private SurfaceStack() {}

    /**
     * What writing measured, and the true-colour bands for a quicklook.
     *
     * @param cloudCoverPercent share of pixels under cloud or cirrus
     * @param waterPercent share of the scene that is water
     * @param trueColour B04, B03 and B02 on the 10 m grid as written (smoothed), when asked for
     */
    record Written(
            double cloudCoverPercent, double waterPercent, Map<SpectralBand, short[]> trueColour) {}

    /**
     * Renders the scene and writes its stack; the file appears only when complete.
     *
     * @param plan the plan with the look applied ({@link SceneLook#applyTo})
     * @param keepTrueColour whether to return B04, B03 and B02 (smoothed, even if not in the stack)
     * @throws IOException when the GeoTIFF cannot be written
     */
    static Written write(
            Path file,
            ScenePlan plan,
            SceneLook look,
            List<SpectralBand> bands,
            boolean keepTrueColour)
            throws IOException {
        SceneRenderer renderer = new SceneRenderer(plan, look.atmosphere(plan));
        SceneRenderer.Rendered rendered = renderer.render(0);
        Map<SpectralBand, short[]> nativeBands = rendered.digitalNumbers();
        SceneFields fields = plan.fields();
        double px = ConvexPolygon.PIXEL_M;
        SensorSmoothing smoothing =
                new SensorSmoothing(
                        plan.widthPx(),
                        plan.heightPx(),
                        look.smoothingSigmaPx(),
                        (col, row) -> !fields.noData((col + 0.5) * px, (row + 0.5) * px));
        Map<SpectralBand, short[]> trueColour = new EnumMap<>(SpectralBand.class);
        PixelWindow all = PixelWindow.of(plan.widthPx(), plan.heightPx());
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        file,
                        plan.grid(),
                        bands.size(),
                        PixelType.UINT16,
                        GeoTiffWriter.Options.defaults())) {
            describe(out, plan, look, bands);
            for (int i = 0; i < bands.size(); i++) {
                SpectralBand band = bands.get(i);
                short[] values = smoothing.toTenMetres(nativeBands.get(band), band.factorTo10m());
                out.write(i + 1, all, values);
                if (keepTrueColour && TRUE_COLOUR.contains(band)) {
                    trueColour.put(band, values);
                }
            }
            out.commit();
        }
        if (keepTrueColour) {
            for (SpectralBand band : TRUE_COLOUR) {
                trueColour.computeIfAbsent(
                        band, b -> smoothing.toTenMetres(nativeBands.get(b), b.factorTo10m()));
            }
        }
        return new Written(rendered.cloudCoverPercent(), rendered.waterPercent(), trueColour);
    }

    /** Band names, scale, no-data, and where the file comes from. */
    private static void describe(
            GeoTiffWriter out, ScenePlan plan, SceneLook look, List<SpectralBand> bands) {
        for (int i = 0; i < bands.size(); i++) {
            out.describeBand(i + 1, bands.get(i).name());
            out.setScaleOffset(i + 1, SCALE, 0);
        }
        out.setNoData(0);
        out.setMetadata(
                "PROCESSING_LEVEL", "L2A (synthetic surface reflectance written by s2v synth)");
        out.setMetadata("SCALE_RULE", "reflectance = value / 10000");
        out.setMetadata(
                "NODATA_RULE",
                "0 = no-data; valid pixels whose reflectance rounds to 0 are written as 1");
        out.setMetadata(
                "BANDS", bands.stream().map(SpectralBand::name).collect(Collectors.joining(",")));
        out.setMetadata("SCENE_SEED", Long.toString(plan.seed()));
        out.setMetadata(
                "LOOK",
                String.format(
                        Locale.ROOT,
                        "turbidity %.3f open water, +%.3f near the shore; glint %.4f; haze residue"
                                + " %.4f at 550 nm; smoothing sigma %.2f px; vessel paint x %.2f",
                        look.turbidityBase(),
                        look.turbidityCoast(),
                        look.glintStrength(),
                        look.hazeResidue550(),
                        look.smoothingSigmaPx(),
                        look.vesselBrightness()));
    }
}
