package dev.s2v.dataset;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How tiles are divided into train, validation and test, never by random tile: neighbouring tiles
 * look alike, so a random split would grade a model on near-copies of its training data.
 *
 * <ul>
 *   <li>{@code scene}: whole scenes go to one split; scenes whose footprints overlap (two dates of
 *       one port) count as one, so no ground is seen in two splits.
 *   <li>{@code block}: the ground is cut into square blocks of {@code blockKm} in each scene's map
 *       coordinates (so the same ground falls in the same block in every product of a CRS); blocks
 *       go to splits, a tile to the split of the block holding its centre, and a tile that reaches
 *       into a block of another split is dropped, so no tile of one split shares ground with a tile
 *       of another.
 * </ul>
 *
 * Assignment orders scenes or blocks by a hash of the seed and their names, then hands out exact
 * counts, so it does not depend on the order inputs are given in.
 *
 * @param rule scene or block
 * @param valFraction share of scenes or blocks for validation, 0 to below 1
 * @param testFraction share of scenes or blocks for test, 0 to below 1
 * @param blockKm block side in kilometres (block rule only)
 * @param seed the assignment's seed
 */
public record SplitPlan(
        SplitPlan.Rule rule, double valFraction, double testFraction, double blockKm, long seed) {

    /** The splitting rules. */
    public enum Rule {
        /** Whole scenes (groups of overlapping scenes) per split. */
        SCENE,
        /** Square blocks of ground per split. */
        BLOCK;

        /** The name on the command line and in dataset.yaml. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses {@code scene} or {@code block}.
         *
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Rule parse(String text) {
            for (Rule rule : values()) {
                if (rule.key().equalsIgnoreCase(text.trim())) {
                    return rule;
                }
            }
            throw new IllegalArgumentException(
                    "unknown split rule '" + text + "'; allowed: scene, block");
        }
    }

    /** Validates the fractions and the block size. */
    public SplitPlan {
        if (!(valFraction >= 0 && valFraction <= 1) || !(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException(
                    "--val and --test must be fractions in [0, 1], got "
                            + valFraction
                            + " and "
                            + testFraction);
        }
        if (valFraction + testFraction > 1 + 1e-12) {
            throw new IllegalArgumentException(
                    "--val + --test must be at most 1 (1 makes a dataset only to evaluate on), got "
                            + valFraction
                            + " + "
                            + testFraction);
        }
        if (rule == Rule.BLOCK && !(blockKm > 0 && Double.isFinite(blockKm))) {
            throw new IllegalArgumentException(
                    "--block-km must be a positive number of kilometres, got " + blockKm);
        }
    }

    /**
     * Whether the plan keeps anything to train on; a plan with {@code val + test = 1} makes a
     * dataset only to evaluate a finished model on.
     */
    public boolean trains() {
        return valFraction + testFraction < 1 - 1e-12;
    }

    /** A scene to be split: its id and its 10 m grid. */
    public record Scene(String sceneId, RasterGrid grid) {}

    /** The splits of the scenes, ready to place tiles. */
    public interface Assignment {
        /**
         * The split of a tile of a scene, or empty when the tile is dropped because it reaches into
         * ground of another split.
         */
        Optional<Split> splitOf(String sceneId, PixelWindow tile);

        /** The split of a whole scene under the scene rule; empty under the block rule. */
        Optional<Split> sceneSplit(String sceneId);
    }

    /**
     * Assigns the scenes (scene rule) or the blocks they cover (block rule) to splits.
     *
     * @throws IllegalArgumentException when there are too few independent scenes or blocks to give
     *     every requested split at least one
     */
    public Assignment assign(List<Scene> scenes, int tilePx) {
        return rule == Rule.SCENE ? assignScenes(scenes) : assignBlocks(scenes, tilePx);
    }

    private Assignment assignScenes(List<Scene> scenes) {
        List<List<String>> groups = overlappingGroups(scenes);
        Map<List<String>, Split> splitOfGroup =
                distribute(
                        groups,
                        g -> String.join("+", g),
                        "independent scenes (overlapping " + "scenes count as one)",
                        "--split block");
        Map<String, Split> splitOfScene = new HashMap<>();
        splitOfGroup.forEach((group, split) -> group.forEach(id -> splitOfScene.put(id, split)));
        return new Assignment() {
            @Override
            public Optional<Split> splitOf(String sceneId, PixelWindow tile) {
                return Optional.of(splitOfScene.get(sceneId));
            }

            @Override
            public Optional<Split> sceneSplit(String sceneId) {
                return Optional.of(splitOfScene.get(sceneId));
            }
        };
    }

    /** Scenes whose lon/lat footprints overlap, joined transitively; ids sorted in each group. */
    private static List<List<String>> overlappingGroups(List<Scene> scenes) {
        List<double[]> boxes = new ArrayList<>();
        for (Scene scene : scenes) {
            boxes.add(lonLatBox(scene.grid()));
        }
        int[] parent = new int[scenes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < scenes.size(); i++) {
            for (int j = i + 1; j < scenes.size(); j++) {
                if (overlap(boxes.get(i), boxes.get(j))) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (int i = 0; i < scenes.size(); i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>())
                    .add(scenes.get(i).sceneId());
        }
        List<List<String>> result = new ArrayList<>();
        for (List<String> group : groups.values()) {
            group.sort(Comparator.naturalOrder());
            result.add(List.copyOf(group));
        }
        return result;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** {minLon, minLat, maxLon, maxLat} of a grid's corners. */
    private static double[] lonLatBox(RasterGrid grid) {
        GeoTransform t = grid.transform();
        double[] box = {
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        try (CrsTransform toWgs84 = CrsTransform.toWgs84(grid)) {
            for (int[] corner :
                    new int[][] {
                        {0, 0}, {grid.width(), 0}, {0, grid.height()}, {grid.width(), grid.height()}
                    }) {
                double[] lonLat =
                        toWgs84.apply(t.mapX(corner[0], corner[1]), t.mapY(corner[0], corner[1]));
                box[0] = Math.min(box[0], lonLat[0]);
                box[1] = Math.min(box[1], lonLat[1]);
                box[2] = Math.max(box[2], lonLat[0]);
                box[3] = Math.max(box[3], lonLat[1]);
            }
        }
        return box;
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /**
     * Square blocks of one CRS: anchored at the upper-left corner of the first scene (by id) in
     * that CRS, with a side rounded to whole tiles, so that products on that scene's grid (other
     * dates of the same tile) never have a tile across a block edge.
     */
    private record BlockGrid(String crs, double x0, double y0, double sizeM) {
        static BlockGrid of(RasterGrid anchor, double blockKm, int tilePx) {
            double tileM = tilePx * anchor.pixelSizeX();
            double size = Math.max(1, Math.round(blockKm * 1000 / tileM)) * tileM;
            GeoTransform t = anchor.transform();
            return new BlockGrid(crsKey(anchor), t.originX(), t.originY(), size);
        }

        /** The keys of the blocks a map rectangle touches (edges excluded). */
        List<String> keysOf(double xa, double ya, double xb, double yb) {
            List<String> keys = new ArrayList<>();
            long c0 = (long) Math.floor((Math.min(xa, xb) - x0) / sizeM);
            long c1 = (long) Math.floor((Math.max(xa, xb) - x0) / sizeM - 1e-9);
            long r0 = (long) Math.floor((y0 - Math.max(ya, yb)) / sizeM);
            long r1 = (long) Math.floor((y0 - Math.min(ya, yb)) / sizeM - 1e-9);
            for (long c = c0; c <= c1; c++) {
                for (long r = r0; r <= r1; r++) {
                    keys.add(crs + ":" + c + ":" + r);
                }
            }
            return keys;
        }

        /** The key of the block holding a point. */
        String keyOf(double x, double y) {
            return crs
                    + ":"
                    + (long) Math.floor((x - x0) / sizeM)
                    + ":"
                    + (long) Math.floor((y0 - y) / sizeM);
        }
    }

    private Assignment assignBlocks(List<Scene> scenes, int tilePx) {
        Map<String, BlockGrid> blockGrids = new HashMap<>();
        List<Scene> byId = new ArrayList<>(scenes);
        byId.sort(Comparator.comparing(Scene::sceneId));
        for (Scene scene : byId) {
            if (!scene.grid().transform().isNorthUp()) {
                throw new IllegalArgumentException(
                        scene.sceneId() + ": the block split needs a north-up grid");
            }
            blockGrids.putIfAbsent(
                    crsKey(scene.grid()), BlockGrid.of(scene.grid(), blockKm, tilePx));
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Scene scene : byId) {
            GeoTransform t = scene.grid().transform();
            keys.addAll(
                    blockGrids
                            .get(crsKey(scene.grid()))
                            .keysOf(
                                    t.mapX(0, 0),
                                    t.mapY(0, 0),
                                    t.mapX(scene.grid().width(), 0),
                                    t.mapY(0, scene.grid().height())));
        }
        Map<String, Split> splitOfBlock =
                distribute(
                        List.copyOf(keys),
                        k -> k,
                        "blocks of " + blockKm + " km",
                        "a smaller --block-km");
        Map<String, RasterGrid> grids = new HashMap<>();
        scenes.forEach(s -> grids.put(s.sceneId(), s.grid()));
        return new Assignment() {
            @Override
            public Optional<Split> splitOf(String sceneId, PixelWindow tile) {
                RasterGrid grid = grids.get(sceneId);
                GeoTransform t = grid.transform();
                BlockGrid blocks = blockGrids.get(crsKey(grid));
                Split split =
                        splitOfBlock.get(
                                blocks.keyOf(
                                        t.mapX(tile.col() + tile.width() / 2.0, 0),
                                        t.mapY(0, tile.row() + tile.height() / 2.0)));
                for (String key :
                        blocks.keysOf(
                                t.mapX(tile.col(), 0),
                                t.mapY(0, tile.row()),
                                t.mapX(tile.endCol(), 0),
                                t.mapY(0, tile.endRow()))) {
                    if (splitOfBlock.get(key) != split) {
                        return Optional.empty();
                    }
                }
                return Optional.of(split);
            }

            @Override
            public Optional<Split> sceneSplit(String sceneId) {
                return Optional.empty();
            }
        };
    }

    private static String crsKey(RasterGrid grid) {
        return grid.epsg().isPresent()
                ? "EPSG" + grid.epsg().getAsInt()
                : Integer.toHexString(grid.crsWkt().hashCode());
    }

    /**
     * Orders the units by a seeded hash of their names and gives the first ones to test, the next
     * to validation, the rest to training: exact counts, independent of input order.
     */
    private <T> Map<T, Split> distribute(
            List<T> units, Function<T, String> name, String what, String hint) {
        int n = units.size();
        int test = count(n, testFraction);
        int val = trains() ? count(n, valFraction) : n - test;
        if (!trains() && val < 0) {
            test = n;
            val = 0;
        }
        if (trains() && n - test - val < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "a %s split with --val %s and --test %s needs at least %d %s, got %d;"
                                    + " lower --val/--test or use %s",
                            rule.key(),
                            valFraction,
                            testFraction,
                            test + val + 1,
                            what,
                            n,
                            hint));
        }
        List<T> ordered = new ArrayList<>(units);
        Map<T, Long> keys = new HashMap<>();
        for (T unit : units) {
            keys.put(unit, new SplittableRandom(seed ^ name.apply(unit).hashCode()).nextLong());
        }
        ordered.sort(Comparator.<T, Long>comparing(keys::get).thenComparing(name));
        Map<T, Split> result = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            result.put(
                    ordered.get(i),
                    i < test ? Split.TEST : i < test + val ? Split.VAL : Split.TRAIN);
        }
        return result;
    }

    /** A requested split gets at least one unit. */
    private static int count(int n, double fraction) {
        return fraction == 0 ? 0 : Math.max(1, (int) Math.round(n * fraction));
    }
}
