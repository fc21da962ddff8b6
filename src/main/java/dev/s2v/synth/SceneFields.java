package dev.s2v.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The continuous parts of a scene as pure functions of position (scene metres: x east, y south of
 * the upper-left corner): the coastline, land cover, water colour, sun glint, clouds and their
 * shadows, haze, cirrus and the swath's no-data edge. Planning asks them where water and clouds
 * are; rendering evaluates them per pixel.
 */
final class SceneFields {

    /**
     * The coastline: land where {@link #coast} is negative. A straight shore through (px, py)
     * facing the sea direction, bent by fractal noise of the given amplitude; within {@code
     * flatRadiusM} of the anchor (a harbour) the shore stays straight, as engineered coasts are.
     *
     * @param present false for an open-sea scene
     * @param px scene x of the anchor on the shore
     * @param py scene y of the anchor
     * @param seawardDeg direction of the open sea, clockwise from north
     * @param amplitudeM how far the noise moves the shore
     * @param wavelengthM the longest wavelength of the noise
     * @param octaves noise octaves (the finest about 20 m)
     * @param flatRadiusM radius of straight shore around the anchor (0 for none)
     * @param seed noise seed
     */
    record Coast(
            boolean present,
            double px,
            double py,
            double seawardDeg,
            double amplitudeM,
            double wavelengthM,
            int octaves,
            double flatRadiusM,
            int seed) {}

    /**
     * Land cover: a town around (townX, townY) of street-grid districts, fading into farmland of
     * rectangular parcels (about {@code parcelM} metres), scrub and forest; beaches and rocky
     * shore. {@code aridity} (0..1) turns green crops and scrub into bare soil and sand.
     */
    record LandCover(
            double townX,
            double townY,
            double townRadiusM,
            double parcelM,
            double forestShare,
            double beachShare,
            double aridity,
            int seed) {}

    /** Water colour: turbidity away from the shore, and extra turbidity near it. */
    record Water(double turbidityBase, double turbidityCoast, double plumeM, int seed) {}

    /**
     * Sun glint: a broad patch of the given peak surface reflectance, modulated by waves running
     * towards {@code waveDeg}.
     */
    record Glint(double strength, double gradientDeg, double waveDeg, int seed) {}

    /** A small isolated cumulus (a distractor) of peak optical thickness {@code tau}. */
    record CloudPuff(double x, double y, double sigmaM, double tau) {}

    /**
     * Cumulus clouds: optical thickness where a fractal field exceeds {@code threshold}; their
     * shadows fall at {@code (shiftX, shiftY)} metres from the cloud, away from the sun.
     */
    record Clouds(
            boolean present,
            double threshold,
            double tauMax,
            double scaleM,
            double shiftX,
            double shiftY,
            List<CloudPuff> puffs,
            int seed) {
        Clouds {
            puffs = List.copyOf(puffs);
        }
    }

    /**
     * Thin haze (0..amplitude) and thin cirrus streaks (surface-flat reflectance up to amplitude).
     */
    record Haze(
            double hazeAmplitude,
            double hazeScaleM,
            double cirrusAmplitude,
            double cirrusDeg,
            int seed) {}

    /**
     * The swath's edge: pixels on the far side of the line through (x0, y0) with normal (nx, ny)
     * have no data.
     */
    record Swath(boolean present, double x0, double y0, double nx, double ny) {
        /** A swath covering everything. */
        static Swath none() {
            return new Swath(false, 0, 0, 0, 0);
        }
    }

    private static final double PUFF_CELL_M = 500;
    // Cloud shadows are looked up up to h tan(zenith) away: 2.5 km x tan(70 deg) < 7 km.
    private static final double PUFF_MARGIN_M = 8000;

    private final Coast coast;
    private final LandCover land;
    private final Water water;
    private final Glint glint;
    private final Clouds clouds;
    private final Haze haze;
    private final Swath swath;
    private final double sceneSizeM;
    private final double seaX;
    private final double seaY;
    private final int coarseOctaves;
    private final double windX;
    private final double windY;
    private final double cirrusX;
    private final double cirrusY;
    private final int puffColumns;
    private final List<List<CloudPuff>> puffCells;

    private final float[] grass = Materials.GRASS.toArray();
    private final float[] forest = Materials.FOREST.toArray();
    private final float[] dryGrass = Materials.DRY_GRASS.toArray();
    private final float[] soil = Materials.SOIL.toArray();
    private final float[] sand = Materials.SAND.toArray();
    private final float[] rockDark = Materials.ROCK_DARK.toArray();
    private final float[] rockLight = Materials.ROCK_LIGHT.toArray();
    // Town materials, muted by a third of concrete (dust, shadows between buildings); index 3 is
    // the street.
    private final float[][] urban = {
        Materials.ROOF_TILE.mix(Materials.CONCRETE, 0.35).toArray(),
        Materials.ROOF_METAL.mix(Materials.CONCRETE, 0.35).toArray(),
        Materials.CONCRETE.toArray(),
        Materials.ASPHALT.mix(Materials.CONCRETE, 0.2).toArray(),
        Materials.GRASS.mix(Materials.CONCRETE, 0.35).toArray(),
        Materials.ASPHALT.mix(Materials.ROOF_METAL, 0.4).toArray(),
        Materials.CONCRETE.scaled(0.75).toArray()
    };
    private final float[] waterClear = Materials.WATER_CLEAR.toArray();
    private final float[] waterTurbid = Materials.WATER_TURBID.toArray();

    SceneFields(
            double sceneSizeM,
            Coast coast,
            LandCover land,
            Water water,
            Glint glint,
            Clouds clouds,
            Haze haze,
            Swath swath) {
        this.sceneSizeM = sceneSizeM;
        this.coast = coast;
        this.land = land;
        this.water = water;
        this.glint = glint;
        this.clouds = clouds;
        this.haze = haze;
        this.swath = swath;
        this.seaX = StrictMath.sin(StrictMath.toRadians(coast.seawardDeg()));
        this.seaY = -StrictMath.cos(StrictMath.toRadians(coast.seawardDeg()));
        this.coarseOctaves = Math.min(4, coast.octaves());
        this.windX = StrictMath.sin(StrictMath.toRadians(glint.waveDeg()));
        this.windY = -StrictMath.cos(StrictMath.toRadians(glint.waveDeg()));
        this.cirrusX = StrictMath.sin(StrictMath.toRadians(haze.cirrusDeg()));
        this.cirrusY = -StrictMath.cos(StrictMath.toRadians(haze.cirrusDeg()));
        this.puffColumns = clouds.puffs().isEmpty() ? 0 : puffCell(sceneSizeM + PUFF_MARGIN_M) + 1;
        this.puffCells = new ArrayList<>(puffColumns * puffColumns);
        for (int i = 0; i < puffColumns * puffColumns; i++) {
            puffCells.add(new ArrayList<>());
        }
        for (CloudPuff p : clouds.puffs()) {
            double reach = 4 * p.sigmaM();
            for (int cx = puffCell(p.x() - reach); cx <= puffCell(p.x() + reach); cx++) {
                for (int cy = puffCell(p.y() - reach); cy <= puffCell(p.y() + reach); cy++) {
                    if (cx >= 0 && cy >= 0 && cx < puffColumns && cy < puffColumns) {
                        puffCells.get(cy * puffColumns + cx).add(p);
                    }
                }
            }
        }
    }

    /** The same fields with another water colour and sun glint. */
    SceneFields with(Water newWater, Glint newGlint) {
        return new SceneFields(sceneSizeM, coast, land, newWater, newGlint, clouds, haze, swath);
    }

    Water waterParameters() {
        return water;
    }

    Glint glintParameters() {
        return glint;
    }

    /** The puff-grid cell of a scene coordinate; the grid reaches a margin past the scene. */
    private static int puffCell(double v) {
        return (int) Math.floor((v + PUFF_MARGIN_M) / PUFF_CELL_M);
    }

    Coast coastParameters() {
        return coast;
    }

    /**
     * Signed distance-like value to the shore in metres: positive over the sea, negative on land.
     * The fine noise octaves are evaluated only where they can move the shore across the point.
     */
    double coast(double x, double y) {
        if (!coast.present()) {
            return 1e9;
        }
        double dx = x - coast.px();
        double dy = y - coast.py();
        double base = dx * seaX + dy * seaY;
        double r = Math.sqrt(dx * dx + dy * dy);
        double taper = taper(r);
        if (taper == 0) {
            return base;
        }
        double amplitude = coast.amplitudeM() * taper / Noise.amplitudeSum(0, coast.octaves());
        double nx = x / coast.wavelengthM();
        double ny = y / coast.wavelengthM();
        double d = base + amplitude * Noise.octaves(coast.seed(), nx, ny, 0, coarseOctaves);
        int fine = coast.octaves() - coarseOctaves;
        if (fine > 0 && Math.abs(d) < amplitude * Noise.amplitudeSum(coarseOctaves, fine) + 15) {
            d += amplitude * Noise.octaves(coast.seed(), nx, ny, coarseOctaves, fine);
        }
        return d;
    }

    private double taper(double r) {
        double flat = coast.flatRadiusM();
        if (flat <= 0) {
            return 1;
        }
        double t = (r - flat) / (0.5 * flat + 500);
        if (t <= 0) {
            return 0;
        }
        return t >= 1 ? 1 : t * t * (3 - 2 * t);
    }

    /** The water share of a 10 m pixel whose centre has coast value {@code d}. */
    static double waterFraction(double d) {
        double w = 0.5 + d / ConvexPolygon.PIXEL_M;
        return w <= 0 ? 0 : w >= 1 ? 1 : w;
    }

    // The slowly varying inputs (noise with no detail under about 200 m), which the renderer
    // samples on an 80 m lattice and interpolates instead of evaluating at every pixel.
    static final int SMOOTH_TOWN = 0;
    static final int SMOOTH_BEACH = 1;
    static final int SMOOTH_SCRUB = 2;
    static final int SMOOTH_WILD = 3;
    static final int SMOOTH_FOREST = 4;
    static final int SMOOTH_PLUME = 5;
    static final int SMOOTH_OPEN_SEA = 6;
    static final int SMOOTH_SKY = 7;
    static final int SMOOTH_GLINT = 8;
    static final int SMOOTH_HAZE = 9;
    static final int SMOOTH_CIRRUS = 10;

    /** Number of smooth inputs. */
    static final int SMOOTH_COUNT = 11;

    /** Evaluates the smooth inputs at a point into {@code out} (length {@link #SMOOTH_COUNT}). */
    void smooth(double x, double y, double[] out) {
        int seed = land.seed();
        out[SMOOTH_TOWN] = Noise.fbm(seed + 1, x / 900, y / 900, 3);
        out[SMOOTH_BEACH] = Noise.fbm(seed + 5, x / 1500, y / 1500, 3);
        out[SMOOTH_SCRUB] = Noise.fbm(seed + 35, x / 800, y / 800, 2);
        out[SMOOTH_WILD] = Noise.fbm(seed + 36, x / 4000, y / 4000, 3);
        out[SMOOTH_FOREST] = Noise.fbm(seed + 12, x / 5000, y / 5000, 3);
        out[SMOOTH_PLUME] = Noise.fbm(water.seed(), x / 2000, y / 2000, 3);
        out[SMOOTH_OPEN_SEA] = Noise.fbm(water.seed() + 3, x / 8000, y / 8000, 2);
        out[SMOOTH_SKY] = Noise.fbm(water.seed() + 1, x / 400, y / 400, 2);
        out[SMOOTH_GLINT] =
                glint.strength() > 0 ? Noise.fbm(glint.seed(), x / 6000, y / 6000, 2) : 0;
        out[SMOOTH_HAZE] =
                haze.hazeAmplitude() > 0
                        ? Noise.fbm(haze.seed(), x / haze.hazeScaleM(), y / haze.hazeScaleM(), 3)
                        : 0;
        if (haze.cirrusAmplitude() > 0) {
            double along = x * cirrusX + y * cirrusY;
            double across = -x * cirrusY + y * cirrusX;
            out[SMOOTH_CIRRUS] = Noise.fbm(haze.seed() + 1, along / 8000, across / 1500, 3);
        } else {
            out[SMOOTH_CIRRUS] = 0;
        }
    }

    private double[] smoothAt(double x, double y) {
        double[] s = new double[SMOOTH_COUNT];
        smooth(x, y, s);
        return s;
    }

    /**
     * The land surface reflectance at a pixel centre (x, y) of pixel (col, row), given the smooth
     * inputs there.
     */
    void landSurface(double x, double y, int col, int row, double d, double[] smooth, float[] out) {
        int seed = land.seed();
        countryside(x, y, smooth, out);
        double tx = (x - land.townX()) / land.townRadiusM();
        double ty = (y - land.townY()) / land.townRadiusM();
        double urbanShare =
                1.6 * StrictMath.exp(-(tx * tx + ty * ty)) + 0.4 * smooth[SMOOTH_TOWN] - 0.3;
        if (urbanShare > 0) {
            town(x, y, col, row, urbanShare, out);
        }
        if (d > -60) {
            double beach = smooth[SMOOTH_BEACH] + land.beachShare() - 0.5;
            double width = 20 + 40 * clamp(beach * 3);
            if (beach > 0 && d > -width) {
                double w = clamp(beach * 6) * clamp((d + width) / 10);
                blend(out, sand, w);
            } else if (d > -12) {
                double dark = Noise.uniform(seed + 6, col / 3, row / 3);
                blend(out, dark < 0.5 ? rockDark : rockLight, 0.7 * clamp((d + 12) / 8));
            }
        }
        double texture = 1 + 0.06 * Noise.fbm(seed + 7, x / 70, y / 70, 2);
        for (int k = 0; k < out.length; k++) {
            out[k] *= (float) texture;
        }
    }

    /**
     * Districts of about 900 m, each with its own street grid (angle, block size); blocks are built
     * up where the town share beats the block's own threshold, so the town's edge is made of whole
     * blocks. Lots of about 20 m carry roofs of tile, concrete, dark shingle or metal, or gardens.
     */
    private void town(double x, double y, int col, int row, double share, float[] out) {
        int seed = land.seed();
        long district = voronoiCell(seed + 20, x, y, 900);
        int dx = (int) (district >> 32);
        int dy = (int) district;
        double angle = Math.PI / 2 * Noise.uniform(seed + 21, dx, dy);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double p = x * cos + y * sin;
        double q = -x * sin + y * cos;
        double blockP = 60 + 80 * Noise.uniform(seed + 22, dx, dy);
        double blockQ = 60 + 80 * Noise.uniform(seed + 23, dx, dy);
        int bp = (int) Math.floor(p / blockP);
        int bq = (int) Math.floor(q / blockQ);
        int blockSeed = Noise.hash(seed + 24, dx, dy);
        if (share < Noise.uniform(blockSeed, bp, bq)) {
            return;
        }
        double street = Math.min(distanceToGrid(p, blockP), distanceToGrid(q, blockQ));
        if (street < 5) {
            blend(out, urban[3], 0.85);
            return;
        }
        int lot = Noise.hash(blockSeed + 1, (int) Math.floor(p / 20), (int) Math.floor(q / 20));
        float[] material = urban[Math.floorMod(lot, urban.length)];
        float[] speckle = urban[Math.floorMod(Noise.hash(seed + 25, col, row), urban.length)];
        for (int k = 0; k < out.length; k++) {
            out[k] = 0.8f * material[k] + 0.2f * speckle[k];
        }
    }

    /** Farmland, scrub and forest: everything on land but the town and the shore. */
    private void countryside(double x, double y, double[] smooth, float[] out) {
        int seed = land.seed();
        double arid = land.aridity();
        // Farmland regions of about 3.5 km, each with its own field orientation and sizes.
        long region = voronoiCell(seed + 30, x, y, 3500);
        int rx = (int) (region >> 32);
        int ry = (int) region;
        double angle = Math.PI / 2 * Noise.uniform(seed + 31, rx, ry);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double p = x * cos + y * sin;
        double q = -x * sin + y * cos;
        double a = land.parcelM() * (0.5 + Noise.uniform(seed + 32, rx, ry));
        double b = land.parcelM() * (0.8 + Noise.uniform(seed + 33, rx, ry));
        int ip = (int) Math.floor(p / a);
        int iq = (int) Math.floor(q / b);
        int regionSeed = Noise.hash(seed + 34, rx, ry);
        // Half the parcels are split in two, so fields are not all of one size.
        if (Noise.uniform(regionSeed + 3, ip, iq) < 0.5) {
            double split = 0.3 + 0.4 * Noise.uniform(regionSeed + 4, ip, iq);
            iq = 2 * iq + (q / b - Math.floor(q / b) < split ? 0 : 1);
        } else {
            iq = 2 * iq;
        }
        double type = Noise.uniform(regionSeed, ip, iq);
        double bright = 0.88 + 0.22 * Noise.uniform(regionSeed + 1, ip, iq);
        double green = 0.4 * (1 - arid);
        float[] c1;
        float[] c2;
        double t;
        if (type < green) {
            c1 = grass;
            c2 = dryGrass;
            t = 0.3 * Noise.uniform(regionSeed + 2, ip, iq);
        } else if (type < green + 0.25) {
            c1 = dryGrass;
            c2 = soil;
            t = 0.4 * Noise.uniform(regionSeed + 2, ip, iq);
        } else if (type < green + 0.5) {
            c1 = soil;
            c2 = dryGrass;
            t = 0.3 * Noise.uniform(regionSeed + 2, ip, iq);
        } else {
            c1 = arid > 0.6 ? sand : dryGrass;
            c2 = arid > 0.6 ? soil : grass;
            t = 0.5;
        }
        // Scrub (or desert) between the farmland, and forest patches where it is green enough.
        double n1 = 0.5 + 0.5 * smooth[SMOOTH_SCRUB];
        double wild = clamp((smooth[SMOOTH_WILD] + 0.1 + 0.5 * arid) * 3);
        double forestShare =
                (1 - arid) * clamp((smooth[SMOOTH_FOREST] + land.forestShare() - 0.5) * 4);
        float[] w1 = arid > 0.6 ? sand : dryGrass;
        float[] w2 = arid > 0.6 ? soil : grass;
        for (int k = 0; k < out.length; k++) {
            double field = bright * ((1 - t) * c1[k] + t * c2[k]);
            double scrub = (1 - n1) * w1[k] + n1 * w2[k] * 0.8;
            double cover = (1 - wild) * field + wild * scrub;
            out[k] = (float) ((1 - forestShare) * cover + forestShare * forest[k]);
        }
    }

    /** The jittered-grid (Voronoi) cell of size {@code cellM} nearest a point, packed (x, y). */
    private static long voronoiCell(int seed, double x, double y, double cellM) {
        double gx = x / cellM;
        double gy = y / cellM;
        int cx = (int) Math.floor(gx);
        int cy = (int) Math.floor(gy);
        double best = Double.MAX_VALUE;
        long cell = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                int px = cx + i;
                int py = cy + j;
                double fx = px + Noise.uniform(seed, px, py) - gx;
                double fy = py + Noise.uniform(seed + 1, px, py) - gy;
                double dist = fx * fx + fy * fy;
                if (dist < best) {
                    best = dist;
                    cell = ((long) px << 32) | (py & 0xFFFFFFFFL);
                }
            }
        }
        return cell;
    }

    private static double distanceToGrid(double v, double spacing) {
        double m = v - spacing * Math.floor(v / spacing);
        return Math.min(m, spacing - m);
    }

    private static void blend(float[] out, float[] material, double w) {
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) ((1 - w) * out[k] + w * material[k]);
        }
    }

    /**
     * The water surface reflectance (without glint or foam) at a point with coast value d, given
     * the smooth inputs there.
     */
    void waterSurface(double x, double y, double d, double[] smooth, float[] out) {
        // Sediment plumes vary most near the shore; the open sea is evenly clear.
        double coastal = StrictMath.exp(-Math.max(0, d) / water.plumeM());
        double t =
                clamp(
                        water.turbidityBase()
                                + coastal * (water.turbidityCoast() + 0.2 * smooth[SMOOTH_PLUME])
                                + 0.03 * smooth[SMOOTH_OPEN_SEA]);
        // Wind roughness changes the reflected skylight: slowly over hundreds of metres, and
        // wave by wave in streaks across the wind.
        double sky = 1 + 0.05 * smooth[SMOOTH_SKY];
        double along = x * windX + y * windY;
        double across = -x * windY + y * windX;
        double waves = 0.0012 * Noise.fbm(water.seed() + 2, along / 35, across / 120, 2);
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (sky * ((1 - t) * waterClear[k] + t * waterTurbid[k]) + waves);
        }
    }

    /** Sun-glint surface reflectance at a point of the sea. */
    double glint(double x, double y) {
        return glint(x, y, smoothAt(x, y));
    }

    /** Sun-glint surface reflectance at a point of the sea, given the smooth inputs there. */
    double glint(double x, double y, double[] smooth) {
        if (glint.strength() <= 0) {
            return 0;
        }
        int seed = glint.seed();
        double gx = StrictMath.sin(StrictMath.toRadians(glint.gradientDeg()));
        double gy = -StrictMath.cos(StrictMath.toRadians(glint.gradientDeg()));
        double broad =
                0.55
                        + 0.45 * smooth[SMOOTH_GLINT]
                        + 0.6
                                * ((x - sceneSizeM / 2) * gx + (y - sceneSizeM / 2) * gy)
                                / Math.max(sceneSizeM, 5000);
        if (broad <= 0) {
            return 0;
        }
        // Wave crests run across the wave direction: stretch the noise along the crests.
        double along = x * windX + y * windY;
        double across = -x * windY + y * windX;
        double waves = Noise.fbm(seed + 1, along / 25, across / 90, 2);
        return glint.strength() * clamp(broad) * Math.max(0, 1 + 0.9 * waves);
    }

    /** Cloud optical thickness at a point. */
    double cloudTau(double x, double y) {
        if (!clouds.present()) {
            return 0;
        }
        double tau = 0;
        if (clouds.threshold() < 1) {
            int seed = clouds.seed();
            double nx = x / clouds.scaleM();
            double ny = y / clouds.scaleM();
            double norm = Noise.amplitudeSum(0, 6);
            double coarse = Noise.octaves(seed, nx, ny, 0, 3) / norm;
            if (coarse > clouds.threshold() - Noise.amplitudeSum(3, 3) / norm) {
                double v = coarse + Noise.octaves(seed, nx, ny, 3, 3) / norm;
                double t = clamp((v - clouds.threshold()) / 0.3);
                tau = clouds.tauMax() * t * Math.sqrt(t);
            }
        }
        int cx = puffCell(x);
        int cy = puffCell(y);
        if (cx >= 0 && cy >= 0 && cx < puffColumns && cy < puffColumns) {
            List<CloudPuff> near = puffCells.get(cy * puffColumns + cx);
            for (CloudPuff p : near) {
                double dx = x - p.x();
                double dy = y - p.y();
                double r2 = (dx * dx + dy * dy) / (p.sigmaM() * p.sigmaM());
                if (r2 < 16) {
                    // Small cumulus are lumpy, not round: noise bends the radius and the top.
                    double lumps =
                            Noise.fbm(
                                    clouds.seed() + 1,
                                    x / (2.5 * p.sigmaM()),
                                    y / (2.5 * p.sigmaM()),
                                    2);
                    tau +=
                            p.tau()
                                    * (0.7 + 0.6 * lumps)
                                    * StrictMath.exp(-0.5 * r2 * Math.max(0.5, 1 - 0.5 * lumps));
                }
            }
        }
        return tau;
    }

    /** The largest cloud optical thickness over a shape's vertices and centre. */
    double maxCloudTau(ConvexPolygon shape) {
        double tau = cloudTau(shape.centroidX(), shape.centroidY());
        for (int i = 0; i < shape.size(); i++) {
            tau = Math.max(tau, cloudTau(shape.x(i), shape.y(i)));
        }
        return tau;
    }

    /** Optical thickness of the cloud between a ground point and the sun (its shadow). */
    double shadowTau(double x, double y) {
        return clouds.present() ? cloudTau(x + clouds.shiftX(), y + clouds.shiftY()) : 0;
    }

    /** Haze level 0..1 (0 = the scene's clear aerosol), given the smooth inputs at a point. */
    double haze(double[] smooth) {
        return haze.hazeAmplitude() * clamp(0.5 + 0.8 * smooth[SMOOTH_HAZE]);
    }

    /** Thin cirrus reflectance at a point. */
    double cirrus(double x, double y) {
        return cirrus(smoothAt(x, y));
    }

    /** Thin cirrus reflectance, given the smooth inputs at a point. */
    double cirrus(double[] smooth) {
        return haze.cirrusAmplitude() * clamp(1.8 * smooth[SMOOTH_CIRRUS] + 0.2);
    }

    /** Whether a point lies outside the swath (no data). */
    boolean noData(double x, double y) {
        return swath.present() && (x - swath.x0()) * swath.nx() + (y - swath.y0()) * swath.ny() > 0;
    }

    static double clamp(double v) {
        return v <= 0 ? 0 : v >= 1 ? 1 : v;
    }
}
