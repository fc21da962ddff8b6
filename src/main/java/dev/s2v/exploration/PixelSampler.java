package dev.s2v.exploration;

import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TileCodec;
import dev.s2v.dataset.TileRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws an exploration's {@link PixelSample} from a dataset's tiles in bounded time and memory.
 *
 * <p>Reading a tile costs about a third of a millisecond (one GDAL open), so a dataset is read
 * whole up to {@code maxTiles} tiles. Beyond that, the tiles with vessels and those without are
 * subsampled separately, with the seed, each group getting half the budget (and what the other
 * group cannot use): rare vessel tiles then still yield vessel pixels. Every pixel read is offered
 * to its class's {@link PixelReservoir} with a key drawn from a generator seeded by the seed and
 * the tile's place in the manifest; background pixels carry the weight "tiles of my group per tile
 * read", so the background sample stands for all tiles, not just those read. Tiles are read by
 * several threads, each with its own reservoirs, merged at the end; the keys make the result the
 * same whatever the thread count and order.
 */
final class PixelSampler {
    private PixelSampler() {}

    /**
     * The tiles to read.
     *
     * @param tiles the tiles read, in manifest order
     * @param ids each tile's place in the manifest
     * @param vesselTiles tiles with vessels in the chosen splits
     * @param vesselTilesRead of which are read
     * @param otherTiles tiles without vessels in the chosen splits
     * @param otherTilesRead of which are read
     */
    record TilePlan(
            List<TileRecord> tiles,
            int[] ids,
            int vesselTiles,
            int vesselTilesRead,
            int otherTiles,
            int otherTilesRead) {

        /** The weight of a background pixel of a tile: tiles of its group per tile read. */
        double backgroundWeight(TileRecord tile) {
            return tile.hasVessels()
                    ? vesselTiles / (double) vesselTilesRead
                    : otherTiles / (double) otherTilesRead;
        }

        /**
         * The plan for the tiles of the given splits.
         *
         * @throws IllegalArgumentException when maxTiles is below 2
         */
        static TilePlan of(List<TileRecord> manifest, Set<Split> splits, int maxTiles, long seed) {
            if (maxTiles < 2) {
                throw new IllegalArgumentException("max tiles must be at least 2, got " + maxTiles);
            }
            List<Integer> vessel = new ArrayList<>();
            List<Integer> other = new ArrayList<>();
            for (int i = 0; i < manifest.size(); i++) {
                TileRecord t = manifest.get(i);
                if (splits.contains(t.split())) {
                    (t.hasVessels() ? vessel : other).add(i);
                }
            }
            int vesselRead = vessel.size();
            int otherRead = other.size();
            if (vessel.size() + other.size() > maxTiles) {
                vesselRead =
                        Math.min(vessel.size(), Math.max(maxTiles / 2, maxTiles - other.size()));
                otherRead = maxTiles - vesselRead;
            }
            SplittableRandom random = new SplittableRandom(seed);
            boolean[] chosen = new boolean[manifest.size()];
            choose(vessel, vesselRead, random, chosen);
            choose(other, otherRead, random, chosen);
            List<TileRecord> tiles = new ArrayList<>();
            int[] ids = new int[vesselRead + otherRead];
            for (int i = 0; i < manifest.size(); i++) {
                if (chosen[i]) {
                    ids[tiles.size()] = i;
                    tiles.add(manifest.get(i));
                }
            }
            return new TilePlan(
                    List.copyOf(tiles), ids, vessel.size(), vesselRead, other.size(), otherRead);
        }

        /** Marks a uniform random subset of {@code count} of the ids (partial Fisher-Yates). */
        private static void choose(
                List<Integer> ids, int count, SplittableRandom random, boolean[] chosen) {
            List<Integer> pool = new ArrayList<>(ids);
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(pool.size() - i);
                Integer picked = pool.get(j);
                pool.set(j, pool.get(i));
                pool.set(i, picked);
                chosen[picked] = true;
            }
        }
    }

    /**
     * Draws up to {@code samplesPerClass} pixels of each class from the tiles of the given splits.
     *
     * @throws IOException when a tile cannot be read
     * @throws IllegalArgumentException when the splits hold no tiles
     */
    static PixelSample draw(
            DatasetFolder dataset, Set<Split> splits, int samplesPerClass, int maxTiles, long seed)
            throws IOException {
        return draw(
                dataset,
                splits,
                samplesPerClass,
                maxTiles,
                seed,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #draw(DatasetFolder, Set, int, int, long)} with a given number of threads, which
     * changes the time taken but not the sample.
     *
     * @throws IOException when a tile cannot be read
     */
    static PixelSample draw(
            DatasetFolder dataset,
            Set<Split> splits,
            int samplesPerClass,
            int maxTiles,
            long seed,
            int threadCount)
            throws IOException {
        long start = System.nanoTime();
        TilePlan plan = TilePlan.of(dataset.tiles(), splits, maxTiles, seed);
        if (plan.tiles().isEmpty()) {
            throw new IllegalArgumentException(
                    dataset.folder() + ": the chosen split has no tiles (splits: " + splits + ")");
        }
        int threads = Math.max(1, Math.min(threadCount, plan.tiles().size()));
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(dataset, plan, next, samplesPerClass, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Worker>> futures = new ArrayList<>();
            for (Worker w : workers) {
                futures.add(pool.submit(w::run));
            }
            for (Future<Worker> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading tiles", e);
        } finally {
            pool.shutdownNow();
        }
        Worker all = workers.get(0);
        for (Worker w : workers.subList(1, workers.size())) {
            all.absorb(w);
        }
        SamplingSummary summary =
                new SamplingSummary(
                        plan.vesselTiles(),
                        plan.vesselTilesRead(),
                        plan.otherTiles(),
                        plan.otherTilesRead(),
                        all.pixelsRead[PixelClass.VESSEL.ordinal()],
                        all.pixelsRead[PixelClass.BACKGROUND.ordinal()],
                        all.noData,
                        samplesPerClass,
                        seed,
                        (System.nanoTime() - start) / 1e9);
        return new PixelSample(
                dataset.bands(),
                all.reservoirs[PixelClass.BACKGROUND.ordinal()].byBand(),
                all.reservoirs[PixelClass.VESSEL.ordinal()].byBand(),
                summary);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijection that scatters bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException u) {
            return u.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /** One reading thread: takes the next tile of the plan until none is left. */
    private static final class Worker {
        private final DatasetFolder dataset;
        private final TilePlan plan;
        private final AtomicInteger next;
        private final long seed;
        private final PixelReservoir[] reservoirs;
        private final long[] pixelsRead = new long[2];
        private long noData;

        Worker(
                DatasetFolder dataset,
                TilePlan plan,
                AtomicInteger next,
                int samplesPerClass,
                long seed) {
            this.dataset = dataset;
            this.plan = plan;
            this.next = next;
            this.seed = seed;
            int bands = dataset.bands().size();
            this.reservoirs =
                    new PixelReservoir[] {
                        new PixelReservoir(samplesPerClass, bands),
                        new PixelReservoir(samplesPerClass, bands)
                    };
        }

        Worker run() throws IOException {
            int bands = dataset.bands().size();
            int pixels = dataset.tileSize() * dataset.tileSize();
            short[][] stored = new short[bands][pixels];
            byte[] mask = new byte[pixels];
            float[] pixel = new float[bands];
            for (int i = next.getAndIncrement();
                    i < plan.tiles().size();
                    i = next.getAndIncrement()) {
                TileRecord tile = plan.tiles().get(i);
                dataset.read(tile, stored, mask);
                sample(tile, plan.ids()[i], stored, mask, pixel);
            }
            return this;
        }

        private void sample(TileRecord tile, int id, short[][] stored, byte[] mask, float[] pixel) {
            // One generator per tile, seeded by the seed and its place in the manifest: every
            // pixel's key is fixed by the seed alone, whichever thread reads the tile. The seeds
            // are hashed: SplittableRandom's states step by its golden gamma, so seeds that differ
            // by multiples of it (as seed + gamma * id would) give overlapping sequences.
            SplittableRandom random = new SplittableRandom(mix(mix(seed) + id));
            double[] weights = {plan.backgroundWeight(tile), 1};
            // A pixel enters when ln(u) / w > threshold, i.e. when u > exp(threshold * w): one
            // comparison per pixel, a logarithm only for those that enter.
            double[] entry = new double[2];
            for (int c = 0; c < 2; c++) {
                entry[c] = Math.exp(reservoirs[c].threshold() * weights[c]);
            }
            for (int p = 0; p < mask.length; p++) {
                if (hasNoData(stored, p)) {
                    noData++;
                    continue;
                }
                int c =
                        mask[p] != 0
                                ? PixelClass.VESSEL.ordinal()
                                : PixelClass.BACKGROUND.ordinal();
                pixelsRead[c]++;
                double u = 1 - random.nextDouble();
                if (u > entry[c]) {
                    for (int b = 0; b < pixel.length; b++) {
                        pixel[b] = TileCodec.decode(stored[b][p]);
                    }
                    reservoirs[c].offer(Math.log(u) / weights[c], pixel, 0);
                    entry[c] = Math.exp(reservoirs[c].threshold() * weights[c]);
                }
            }
        }

        private static boolean hasNoData(short[][] stored, int p) {
            for (short[] band : stored) {
                if ((band[p] & 0xFFFF) == TileCodec.NO_DATA) {
                    return true;
                }
            }
            return false;
        }

        void absorb(Worker other) {
            for (int c = 0; c < 2; c++) {
                reservoirs[c].offerAll(other.reservoirs[c]);
                pixelsRead[c] += other.pixelsRead[c];
            }
            noData += other.noData;
        }
    }
}
