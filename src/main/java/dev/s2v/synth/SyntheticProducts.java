package dev.s2v.synth;

import dev.s2v.files.AtomicFiles;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.LabelPolygon;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes synthetic Sentinel-2 scenes with known vessels, and beside each its ground truth. Level-1C
 * products come in ESA's SAFE layout (all 13 bands at their native resolution, lossless JPEG2000,
 * real MGRS tile, UTM grid and product names, offsets of the chosen processing baseline):
 *
 * <pre>
 * out/
 *   scenes.csv                              one row per scene
 *   S2B_MSIL1C_..._T32TMP_.../
 *     S2B_MSIL1C_..._T32TMP_....SAFE        (or .zip)
 *     labels.geojson                        one polygon per vessel hull, EPSG:4326
 *     truth_mask.tif                        Byte, 1 = vessel, on the product's 10 m grid
 *     quicklook.png                         optional: true colour with outlines
 * </pre>
 *
 * <p>Level-2A scenes are band stacks of surface reflectance laid out as sen2ships is, which {@code
 * s2v tiles} and {@code s2v inspect} read as they read sen2ships (see {@link SurfaceStack} for the
 * file and {@link SceneLook} for the domain randomisation):
 *
 * <pre>
 * out/
 *   scenes.csv                              one row per scene, with its look
 *   S2B_MSIL2A_..._T32TMP_....tif           UInt16 reflectance x 10000, 10 m grid, band names
 *   S2B_MSIL2A_..._T32TMP_..._labels.geojson
 *   S2B_MSIL2A_..._T32TMP_..._mask.tif
 *   S2B_MSIL2A_..._T32TMP_..._quicklook.png optional
 * </pre>
 *
 * The L2A scene of a seed has the place, grid, vessels and labels of the L1C product of that seed;
 * only its reflectance differs.
 *
 * <p>The mask is the labels rasterised with GDAL's pixel-centre rule (exactly what {@link
 * VectorLabels#rasterize} gives for {@code labels.geojson}): a pixel is a vessel pixel when its
 * centre lies inside a hull. A boat narrower than a pixel can therefore have no mask pixel while
 * still brightening the pixels it covers; each label's {@code mask_pixels} says how many it has.
 * Wakes, rocks, islets, buoys, platforms, wind turbines and cloud puffs are drawn but never
 * labelled, and keep at least 16 m from every hull.
 *
 * <p>The same options give the same bytes in every file: everything derives from the seed (dates
 * included), never from the clock.
 */
public final class SyntheticProducts {
    /** The per-scene table written into the output folder. */
    public static final String SCENES_CSV = "scenes.csv";

    private static final String LABELS = "labels.geojson";
    private static final String TRUTH_MASK = "truth_mask.tif";
    private static final String QUICKLOOK = "quicklook.png";
    private static final String SCENE_ID =
            "S2[ABC]_MSIL%s_\\d{8}T\\d{6}_N\\d{4}_R\\d{3}_T\\d\\d[A-Z]{3}_\\d{8}T\\d{6}";
    private static final Pattern PRODUCT_FOLDER = Pattern.compile(String.format(SCENE_ID, "1C"));
    // A stack and the files named after it, as dataset.SceneDiscovery pairs them.
    private static final Pattern STACK_FILE =
            Pattern.compile(
                    String.format(SCENE_ID, "2A")
                            + "(\\.tif|_labels\\.geojson|_mask\\.tif|_quicklook\\.png)");
    private static final int MASK_STRIP_ROWS = 1024;

    private SyntheticProducts() {}

    /**
     * Generates the products.
     *
     * @throws FileAlreadyExistsException when {@code out} holds products of an earlier run and
     *     {@code options.overwrite()} is false
     * @throws IOException when a file cannot be written
     */
    public static List<GeneratedScene> generate(Path out, SynthOptions options) throws IOException {
        return generate(out, options, scene -> {});
    }

    /**
     * Generates the products, reporting each scene as soon as it is complete.
     *
     * @param onScene called with each finished scene, in order
     * @throws FileAlreadyExistsException when {@code out} holds products of an earlier run and
     *     {@code options.overwrite()} is false
     * @throws IOException when a file cannot be written
     */
    public static List<GeneratedScene> generate(
            Path out, SynthOptions options, Consumer<GeneratedScene> onScene) throws IOException {
        prepare(out, options.overwrite());
        Draws master = new Draws(options.seed());
        Set<String> ids = new HashSet<>();
        List<GeneratedScene> scenes = new ArrayList<>();
        for (int i = 0; i < options.scenes(); i++) {
            ScenePlan plan;
            do {
                plan =
                        ScenePlanner.plan(
                                master.nextLong(),
                                options.sizePx(),
                                options.processingBaseline(),
                                options.vesselDensity());
            } while (!ids.add(plan.productSpec(0).productId()));
            GeneratedScene scene =
                    options.level() == ProductLevel.L1C
                            ? writeProduct(out, plan, options)
                            : writeStack(out, plan, options);
            scenes.add(scene);
            onScene.accept(scene);
        }
        writeTable(out, scenes, options.level());
        return List.copyOf(scenes);
    }

    /** Refuses (or, with overwrite, clears) an output folder that holds products already. */
    private static void prepare(Path out, boolean overwrite) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new FileAlreadyExistsException(
                    out.toString(), null, "it is a file, not a folder");
        }
        Files.createDirectories(out);
        List<Path> earlier = new ArrayList<>();
        try (Stream<Path> children = Files.list(out)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                boolean staging = name.startsWith(".") && name.endsWith(".partial");
                if (name.equals(SCENES_CSV)
                        || (Files.isDirectory(child)
                                && (PRODUCT_FOLDER.matcher(name).matches() || staging))
                        || (Files.isRegularFile(child) && STACK_FILE.matcher(name).matches())) {
                    earlier.add(child);
                }
            }
        }
        if (earlier.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new FileAlreadyExistsException(
                    out.toString(),
                    null,
                    "it holds "
                            + earlier.size()
                            + " synthetic product folder(s), stack file(s) or "
                            + SCENES_CSV
                            + "; add --overwrite to replace them");
        }
        for (Path p : earlier) {
            deleteTree(p);
        }
    }

    /** An L1C product in its own folder, beside its truth. */
    private static GeneratedScene writeProduct(Path out, ScenePlan plan, SynthOptions options)
            throws IOException {
        String id = plan.productSpec(0).productId();
        Path staging = out.resolve("." + id + ".partial");
        deleteTree(staging);
        Files.createDirectories(staging);
        try {
            SceneRenderer renderer = new SceneRenderer(plan);
            int offset = plan.productSpec(0).radioAddOffset();
            SceneRenderer.Rendered rendered = renderer.render(offset);
            ProductSpec spec = plan.productSpec(round(rendered.cloudCoverPercent(), 4));
            Map<SpectralBand, short[]> dn = rendered.digitalNumbers();
            List<ConvexPolygon> hulls = plan.vessels().stream().map(Vessel::hullOutline).toList();
            Optional<Path> quicklook = Optional.empty();
            if (options.quicklook()) {
                Path png = staging.resolve(QUICKLOOK);
                Quicklook.write(
                        png,
                        plan.widthPx(),
                        plan.heightPx(),
                        dn.get(SpectralBand.B04),
                        dn.get(SpectralBand.B03),
                        dn.get(SpectralBand.B02),
                        offset,
                        hulls);
                quicklook = Optional.of(out.resolve(id).resolve(QUICKLOOK));
            }
            Path product =
                    Sentinel2ProductWriter.write(
                            staging,
                            spec,
                            EnumSet.allOf(SpectralBand.class),
                            (band, w, h) -> dn.get(band),
                            options.zip());
            Truth truth = writeTruth(staging, plan, LABELS, TRUTH_MASK);
            Path folder = out.resolve(id);
            deleteTree(folder);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            return scene(
                    plan,
                    folder,
                    folder.resolve(product.getFileName()),
                    folder.resolve(LABELS),
                    folder.resolve(TRUTH_MASK),
                    quicklook,
                    rendered.cloudCoverPercent(),
                    rendered.waterPercent(),
                    truth,
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /**
     * An L2A band stack and its truth, side by side in the output folder. They are written in a
     * staging folder and moved out one by one, the stack last: a folder scan finds a scene only
     * once its labels are there.
     */
    private static GeneratedScene writeStack(Path out, ScenePlan planned, SynthOptions options)
            throws IOException {
        SceneLook look = SceneLook.of(planned, options.randomise());
        ScenePlan plan = look.applyTo(planned);
        String id = plan.productSpec(0).productId(ProductLevel.L2A);
        Path staging = out.resolve("." + id + ".partial");
        deleteTree(staging);
        Files.createDirectories(staging);
        try {
            Path stack = staging.resolve(id + ".tif");
            SurfaceStack.Written written =
                    SurfaceStack.write(
                            stack, plan, look, options.stackBands(), options.quicklook());
            List<String> files = new ArrayList<>();
            if (options.quicklook()) {
                Map<SpectralBand, short[]> rgb = written.trueColour();
                Quicklook.write(
                        staging.resolve(id + "_" + QUICKLOOK),
                        plan.widthPx(),
                        plan.heightPx(),
                        rgb.get(SpectralBand.B04),
                        rgb.get(SpectralBand.B03),
                        rgb.get(SpectralBand.B02),
                        0,
                        plan.vessels().stream().map(Vessel::hullOutline).toList());
                files.add(id + "_" + QUICKLOOK);
            }
            Truth truth = writeTruth(staging, plan, id + "_" + LABELS, id + "_mask.tif");
            files.add(id + "_" + LABELS);
            files.add(id + "_mask.tif");
            files.add(id + ".tif");
            for (String name : files) {
                Files.move(
                        staging.resolve(name),
                        out.resolve(name),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging);
            return scene(
                    plan,
                    out,
                    out.resolve(id + ".tif"),
                    out.resolve(id + "_" + LABELS),
                    out.resolve(id + "_mask.tif"),
                    options.quicklook()
                            ? Optional.of(out.resolve(id + "_" + QUICKLOOK))
                            : Optional.empty(),
                    written.cloudCoverPercent(),
                    written.waterPercent(),
                    truth,
                    Optional.of(look));
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** What a scene is, from its plan, where its files are and what writing measured. */
    private static GeneratedScene scene(
            ScenePlan plan,
            Path folder,
            Path product,
            Path labels,
            Path mask,
            Optional<Path> quicklook,
            double cloudCoverPercent,
            double waterPercent,
            Truth truth,
            Optional<SceneLook> look) {
        // Only L2A scenes are given a look.
        ProductLevel level = look.isPresent() ? ProductLevel.L2A : ProductLevel.L1C;
        return new GeneratedScene(
                plan.productSpec(0).productId(level),
                folder,
                product,
                labels,
                mask,
                quicklook,
                plan.seed(),
                plan.site().name(),
                plan.setting(),
                plan.tile().id(),
                plan.epsg(),
                plan.widthPx(),
                plan.heightPx(),
                plan.datatakeStart(),
                plan.processingBaseline(),
                plan.sun().zenithDeg(),
                cloudCoverPercent,
                waterPercent,
                plan.vessels().size(),
                truth.vesselsInMask(),
                truth.vesselPixels(),
                level,
                look);
    }

    private record Truth(int vesselsInMask, long vesselPixels) {}

    /**
     * Writes the labels (GeoJSON) and the mask (GeoTIFF) under the given names. The mask is
     * rasterised by {@link VectorLabels} from exactly the longitudes and latitudes written into the
     * GeoJSON, so it is what rasterising the file gives.
     */
    private static Truth writeTruth(Path folder, ScenePlan plan, String labelsName, String maskName)
            throws IOException {
        List<LabelPolygon> utm = new ArrayList<>();
        for (Vessel v : plan.vessels()) {
            ConvexPolygon hull = v.hullOutline();
            double[] xy = new double[2 * hull.size()];
            for (int i = 0; i < hull.size(); i++) {
                xy[2 * i] = plan.mapX(hull.x(i));
                xy[2 * i + 1] = plan.mapY(hull.y(i));
            }
            utm.add(new LabelPolygon(xy, Map.of()));
        }
        List<LabelPolygon> lonLat = VectorLabels.toWgs84(plan.epsg(), utm);
        RasterGrid grid = plan.grid();
        long[] pixels = new long[lonLat.size() + 1];
        try (VectorLabels labels = VectorLabels.of(4326, lonLat);
                GeoTiffWriter mask =
                        GeoTiffWriter.create(
                                folder.resolve(maskName),
                                grid,
                                1,
                                PixelType.BYTE,
                                GeoTiffWriter.Options.defaults())) {
            mask.describeBand(1, "vessel");
            for (int row0 = 0; row0 < grid.height(); row0 += MASK_STRIP_ROWS) {
                PixelWindow strip =
                        new PixelWindow(
                                0,
                                row0,
                                grid.width(),
                                Math.min(MASK_STRIP_ROWS, grid.height() - row0));
                int[] ids = labels.rasterizeFeatureIds(grid, strip);
                byte[] bytes = new byte[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    pixels[ids[i]]++;
                    bytes[i] = ids[i] != 0 ? (byte) 1 : 0;
                }
                mask.write(1, strip, bytes);
            }
            mask.commit();
        }
        List<LabelPolygon> features = new ArrayList<>();
        List<double[]> centres = centresLonLat(plan);
        int inMask = 0;
        long total = 0;
        for (int k = 0; k < lonLat.size(); k++) {
            Vessel v = plan.vessels().get(k);
            long count = pixels[k + 1];
            inMask += count > 0 ? 1 : 0;
            total += count;
            features.add(
                    lonLat.get(k)
                            .withProperties(properties(plan, v, k + 1, count, centres.get(k))));
        }
        VectorLabels.writeGeoJson(folder.resolve(labelsName), 4326, features);
        return new Truth(inMask, total);
    }

    private static List<double[]> centresLonLat(ScenePlan plan) {
        List<double[]> centres = new ArrayList<>();
        try (CrsTransform toWgs84 = CrsTransform.between(plan.epsg(), 4326)) {
            for (Vessel v : plan.vessels()) {
                centres.add(toWgs84.apply(plan.mapX(v.x()), plan.mapY(v.y())));
            }
        }
        return centres;
    }

    private static Map<String, Object> properties(
            ScenePlan plan, Vessel v, int id, long maskPixels, double[] centre) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("kind", v.kind().label());
        p.put("length_m", round(v.lengthM(), 2));
        p.put("width_m", round(v.widthM(), 2));
        p.put("heading_deg", round(((v.headingDeg() % 360) + 360) % 360, 1));
        p.put("hull_colour", v.hull().label());
        p.put("deck_colour", v.deck().label());
        p.put("state", v.state().label());
        p.put("moored", v.state() == VesselState.MOORED);
        p.put("speed_kn", round(v.speedKn(), 1));
        p.put("under_cloud", plan.underCloud(v));
        p.put("in_glint", plan.inGlint(v));
        p.put("mask_pixels", maskPixels);
        p.put("centre_lon", centre[0]);
        p.put("centre_lat", centre[1]);
        return p;
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    /** One row per scene; L2A tables add each scene's look. */
    private static void writeTable(Path out, List<GeneratedScene> scenes, ProductLevel level)
            throws IOException {
        Path target = out.resolve(SCENES_CSV);
        StringBuilder table = new StringBuilder();
        table.append(
                "scene_id,product,labels,mask,quicklook,seed,site,setting,mgrs_tile,epsg,width_px,height_px,"
                        + "sensing_time,processing_baseline,sun_zenith_deg,cloud_cover_pct,water_pct,"
                        + "vessels,vessels_in_mask,vessel_pixels,vessel_pixel_pct");
        if (level == ProductLevel.L2A) {
            table.append(
                    ",turbidity_open_water,turbidity_coast,glint,haze_residue_550,smoothing_sigma_px,"
                            + "vessel_brightness");
        }
        table.append('\n');
        for (GeneratedScene s : scenes) {
            table.append(
                    String.join(
                            ",",
                            s.sceneId(),
                            relative(out, s.product()),
                            relative(out, s.labels()),
                            relative(out, s.mask()),
                            s.quicklook().map(q -> relative(out, q)).orElse(""),
                            Long.toString(s.seed()),
                            csvText(s.site()),
                            csvText(s.setting()),
                            s.mgrsTile(),
                            Integer.toString(s.epsg()),
                            Integer.toString(s.widthPx()),
                            Integer.toString(s.heightPx()),
                            s.sensingTime().toString(),
                            s.processingBaseline(),
                            format(s.sunZenithDeg(), 2),
                            format(s.cloudCoverPercent(), 2),
                            format(s.waterPercent(), 2),
                            Integer.toString(s.vesselCount()),
                            Integer.toString(s.vesselsInMask()),
                            Long.toString(s.vesselPixels()),
                            format(s.vesselPixelPercent(), 4)));
            s.look()
                    .ifPresent(
                            look ->
                                    table.append(',')
                                            .append(
                                                    String.join(
                                                            ",",
                                                            format(look.turbidityBase(), 4),
                                                            format(look.turbidityCoast(), 4),
                                                            format(look.glintStrength(), 4),
                                                            format(look.hazeResidue550(), 4),
                                                            format(look.smoothingSigmaPx(), 3),
                                                            format(look.vesselBrightness(), 3))));
            table.append('\n');
        }
        AtomicFiles.writeString(target, table.toString());
    }

    private static String relative(Path out, Path file) {
        return out.relativize(file).toString().replace('\\', '/');
    }

    private static String csvText(String text) {
        return text.contains(",") || text.contains("\"")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String format(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
