package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.GeoTiffStack;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * L2A scenes as {@code s2v synth --level L2A} writes them: the band stack's format, its relation to
 * the L1C product of the same seed, and its surface reflectance.
 */
@Tag("native")
class SurfaceStackTest {
    private static final int SIZE = 96;
    private static final SynthOptions L1C = SynthOptions.defaults().withSeed(7).withScenes(2, SIZE);
    private static final SynthOptions L2A = withQuicklook(L1C.withLevel(ProductLevel.L2A));

    @TempDir static Path dir;
    private static List<GeneratedScene> stacks;
    private static List<GeneratedScene> products;

    private static SynthOptions withQuicklook(SynthOptions o) {
        return new SynthOptions(
                o.scenes(),
                o.sizePx(),
                o.seed(),
                o.zip(),
                o.processingBaseline(),
                true,
                o.vesselDensity(),
                o.overwrite(),
                o.level(),
                o.stackBands(),
                o.randomise());
    }

    @BeforeAll
    static void generate() throws IOException {
        Natives.assumeGdal();
        stacks = SyntheticProducts.generate(dir.resolve("l2a"), L2A);
        products = SyntheticProducts.generate(dir.resolve("l1c"), L1C);
    }

    @Test
    void writesEachStackBesideItsTruthInTheSen2shipsLayout() throws IOException {
        Path out = dir.resolve("l2a");
        Set<String> expected = new TreeSet<>(Set.of(SyntheticProducts.SCENES_CSV));
        for (int i = 0; i < stacks.size(); i++) {
            GeneratedScene s = stacks.get(i);
            String id = s.sceneId();
            assertEquals(products.get(i).sceneId().replace("_MSIL1C_", "_MSIL2A_"), id);
            assertEquals(ProductLevel.L2A, s.level());
            assertEquals(out, s.folder());
            assertEquals(out.resolve(id + ".tif"), s.product());
            assertEquals(out.resolve(id + "_labels.geojson"), s.labels());
            assertEquals(out.resolve(id + "_mask.tif"), s.mask());
            assertEquals(Optional.of(out.resolve(id + "_quicklook.png")), s.quicklook());
            assertEquals(
                    SceneLook.of(ScenePlanner.plan(s.seed(), SIZE, "05.09", 1), true),
                    s.look().orElseThrow());
            expected.addAll(
                    List.of(
                            id + ".tif",
                            id + "_labels.geojson",
                            id + "_mask.tif",
                            id + "_quicklook.png"));
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    expected,
                    new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()),
                    "the scenes' files and nothing else (no staging folder left)");
        }
        List<String> rows = Files.readAllLines(out.resolve(SyntheticProducts.SCENES_CSV));
        assertEquals(3, rows.size());
        assertTrue(
                rows.get(0)
                        .endsWith(
                                ",vessel_pixel_pct,turbidity_open_water,turbidity_coast,glint,"
                                        + "haze_residue_550,smoothing_sigma_px,vessel_brightness"),
                rows.get(0));
        assertTrue(
                rows.get(1)
                        .startsWith(
                                stacks.get(0).sceneId() + "," + stacks.get(0).sceneId() + ".tif,"));
        assertEquals(
                rows.get(0).split(",").length,
                rows.get(1).split(",").length,
                "every column filled");
    }

    @Test
    void theStackIsUInt16ReflectanceWithBandNamesScaleAndNoData() throws IOException {
        try (RasterDataset tif = RasterDataset.open(stacks.get(0).product())) {
            assertEquals("GTiff", tif.driverName());
            assertEquals("DEFLATE", tif.metadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
            assertEquals(SynthOptions.STACK_BANDS.size(), tif.bandCount());
            for (int b = 1; b <= tif.bandCount(); b++) {
                assertEquals(SynthOptions.STACK_BANDS.get(b - 1).name(), tif.description(b));
                assertTrue(tif.isIntegerBand(b));
                assertEquals(1e-4, tif.scale(b).orElseThrow());
                assertEquals(0, tif.offset(b).orElseThrow());
                assertEquals(0, tif.noData(b).orElseThrow());
                assertArrayEquals(new int[] {256, 256}, tif.blockSize(b), "tiled");
                short[] values = new short[SIZE * SIZE];
                tif.readUInt16(b, PixelWindow.of(SIZE, SIZE), values);
                for (short v : values) {
                    // These scenes lie inside the swath: every pixel is valid, dark water too.
                    assertTrue((v & 0xFFFF) >= 1 && (v & 0xFFFF) < 10000, "value " + v);
                }
            }
            assertTrue(tif.metadataItem("PROCESSING_LEVEL", "").startsWith("L2A"));
        }
    }

    @Test
    void sharesGridLabelsAndMaskWithTheL1cProductOfTheSameSeed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < stacks.size(); i++) {
            GeneratedScene stack = stacks.get(i);
            GeneratedScene product = products.get(i);
            byte[] stackMask = new byte[SIZE * SIZE];
            byte[] productMask = new byte[SIZE * SIZE];
            try (RasterDataset tif = RasterDataset.open(stack.product());
                    RasterDataset mask = RasterDataset.open(stack.mask());
                    RasterDataset truth = RasterDataset.open(product.mask());
                    Sentinel2Product safe = Sentinel2Product.open(product.product())) {
                assertEquals(safe.grid().transform(), tif.grid().transform());
                assertEquals(safe.grid().epsg(), tif.grid().epsg());
                assertEquals(safe.grid().transform(), mask.grid().transform());
                mask.readByte(1, PixelWindow.of(SIZE, SIZE), stackMask);
                truth.readByte(1, PixelWindow.of(SIZE, SIZE), productMask);
            }
            assertArrayEquals(productMask, stackMask);
            assertEquals(product.vesselPixels(), stack.vesselPixels());
            JsonNode a = json.readTree(stack.labels().toFile()).get("features");
            JsonNode b = json.readTree(product.labels().toFile()).get("features");
            assertEquals(b.size(), a.size());
            for (int f = 0; f < a.size(); f++) {
                assertEquals(b.get(f).get("geometry"), a.get(f).get("geometry"));
            }
        }
    }

    @Test
    void readsAsABandStackWithItsSensingTime() throws IOException {
        GeneratedScene s = stacks.get(1);
        try (GeoTiffStack stack = GeoTiffStack.open(s.product(), ScaleRule.auto())) {
            assertEquals(Set.copyOf(SynthOptions.STACK_BANDS), stack.bands());
            assertEquals(s.sceneId(), stack.sceneId());
            assertEquals(Optional.of(s.sensingTime()), stack.sensingTime());
            assertEquals(1e-4, 1 / stack.radiometry(SpectralBand.B11).divisor(), 1e-12);
        }
    }

    @Test
    void waterIsFarDarkerThanInL1cAndTwentyMetreBandsAreNotBlocks() throws IOException {
        List<SpectralBand> bands =
                List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B08, SpectralBand.B11);
        PixelWindow all = PixelWindow.of(SIZE, SIZE);
        List<Double> surface = new ArrayList<>();
        List<Double> toa = new ArrayList<>();
        int pairs = 0;
        int equalPairs = 0;
        for (int i = 0; i < stacks.size(); i++) {
            BandWindow l2a;
            BandWindow l1c;
            try (GeoTiffStack stack = GeoTiffStack.open(stacks.get(i).product(), ScaleRule.auto());
                    Sentinel2Product safe = Sentinel2Product.open(products.get(i).product())) {
                l2a = stack.read(bands, all);
                l1c = safe.read(bands, all);
            }
            for (int p = 0; p < SIZE * SIZE; p++) {
                float green = l2a.band(1)[p];
                float nir = l2a.band(2)[p];
                if ((green - nir) / (green + nir) > 0.5) {
                    surface.add((double) l2a.band(0)[p]);
                    toa.add((double) l1c.band(0)[p]);
                }
                if (p % 2 == 0) {
                    pairs++;
                    equalPairs += l2a.band(3)[p] == l2a.band(3)[p + 1] ? 1 : 0;
                }
            }
        }
        double surfaceB02 = median(surface);
        double toaB02 = median(toa);
        assertTrue(surface.size() > 1000, surface.size() + " water pixels");
        assertTrue(surfaceB02 > 0.02 && surfaceB02 < 0.05, "L2A water B02 " + surfaceB02);
        assertTrue(toaB02 > surfaceB02 + 0.03, "L1C " + toaB02 + ", L2A " + surfaceB02);
        assertTrue(equalPairs < 0.2 * pairs, equalPairs + " of " + pairs + " B11 pairs equal");
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    @Test
    void theSameOptionsGiveTheSameBytes() throws IOException {
        SyntheticProducts.generate(dir.resolve("l2a-again"), L2A);
        Map<String, byte[]> a = contents(dir.resolve("l2a"));
        Map<String, byte[]> b = contents(dir.resolve("l2a-again"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    @Test
    void refusesAnEarlierRunsStacksUnlessToldToOverwrite() throws IOException {
        Path out = dir.resolve("again");
        SynthOptions one = L2A.withScenes(1, 64);
        SyntheticProducts.generate(out, one);
        Files.delete(out.resolve(SyntheticProducts.SCENES_CSV));
        FileAlreadyExistsException e =
                assertThrows(
                        FileAlreadyExistsException.class,
                        () -> SyntheticProducts.generate(out, one.withSeed(8)));
        assertTrue(
                e.getReason().contains("4 synthetic product folder(s), stack file(s)"),
                e.getReason());
        Files.writeString(out.resolve("notes.txt"), "mine");
        SynthOptions overwrite =
                new SynthOptions(
                        1,
                        64,
                        8,
                        false,
                        "05.09",
                        false,
                        1,
                        true,
                        ProductLevel.L2A,
                        SynthOptions.STACK_BANDS,
                        true);
        GeneratedScene replaced = SyntheticProducts.generate(out, overwrite).get(0);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(
                    Set.of(
                            replaced.sceneId() + ".tif",
                            replaced.sceneId() + "_labels.geojson",
                            replaced.sceneId() + "_mask.tif",
                            SyntheticProducts.SCENES_CSV,
                            "notes.txt"),
                    Set.copyOf(left.map(p -> p.getFileName().toString()).toList()));
        }
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.list(root)) {
            for (Path file : walk.toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
