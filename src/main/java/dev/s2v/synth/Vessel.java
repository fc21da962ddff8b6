package dev.s2v.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A vessel of the scene: where it is, its size, heading and paint. Its label is the hull outline;
 * what it paints is that outline with its deck layout (superstructure, containers, hatches, tanks)
 * inside a rim of hull colour. Wakes are drawn separately and never belong to the label.
 *
 * @param kind what kind of vessel
 * @param x scene x of the hull's centre (metres east of the scene's corner)
 * @param y scene y of the hull's centre (metres south of the scene's corner)
 * @param lengthM length overall
 * @param widthM beam
 * @param headingDeg bow direction, degrees clockwise from north
 * @param hull hull colour (the rim seen from above)
 * @param deck main deck colour
 * @param layoutSeed seed of the deck layout's colours
 * @param state underway, drifting, anchored or moored
 * @param speedKn speed through the water (0 unless underway)
 * @param brightness paint condition and dirt factor, about 0.75..1.1
 */
record Vessel(
        VesselKind kind,
        double x,
        double y,
        double lengthM,
        double widthM,
        double headingDeg,
        HullColour hull,
        HullColour deck,
        int layoutSeed,
        VesselState state,
        double speedKn,
        double brightness) {

    /** The same vessel with its paint {@code factor} times as bright. */
    Vessel dimmed(double factor) {
        return new Vessel(
                kind,
                x,
                y,
                lengthM,
                widthM,
                headingDeg,
                hull,
                deck,
                layoutSeed,
                state,
                speedKn,
                brightness * factor);
    }

    /** The vessel's own frame: u towards the bow, v to starboard. */
    Frame frame() {
        return new Frame(x, y, headingDeg);
    }

    private boolean small() {
        return kind == VesselKind.LEISURE
                || kind == VesselKind.FISHING
                || kind == VesselKind.TUG
                || kind == VesselKind.PATROL;
    }

    /** Hull outline in the vessel frame, {u, v} arrays: bow point, starboard, stern, port. */
    private double[][] outline(double uScale, double vScale) {
        double[] a;
        double[] b;
        if (kind == VesselKind.TUG) {
            a = new double[] {0.35, 0.15, -0.35, -0.5};
            b = new double[] {0.42, 0.5, 0.5, 0.35};
        } else if (small()) {
            a = new double[] {0.30, 0.10, -0.45, -0.5};
            b = new double[] {0.45, 0.5, 0.48, 0.40};
        } else {
            a = new double[] {0.40, 0.28, -0.45, -0.5};
            b = new double[] {0.40, 0.5, 0.5, 0.42};
        }
        int n = 1 + 2 * a.length;
        double[] us = new double[n];
        double[] vs = new double[n];
        us[0] = 0.5 * lengthM * uScale;
        for (int i = 0; i < a.length; i++) {
            us[1 + i] = a[i] * lengthM * uScale;
            vs[1 + i] = b[i] * widthM * vScale;
            us[n - 1 - i] = a[i] * lengthM * uScale;
            vs[n - 1 - i] = -b[i] * widthM * vScale;
        }
        return new double[][] {us, vs};
    }

    /** The hull outline on the scene plane: what the label and the mask are made of. */
    ConvexPolygon hullOutline() {
        double[][] o = outline(1, 1);
        return frame().polygon(interleave(o[0], o[1]));
    }

    private static double[] interleave(double[] us, double[] vs) {
        double[] uv = new double[2 * us.length];
        for (int i = 0; i < us.length; i++) {
            uv[2 * i] = us[i];
            uv[2 * i + 1] = vs[i];
        }
        return uv;
    }

    /** The hull with its deck layout, for painting. */
    Footprint footprint() {
        double[][] deckOutline = small() ? outline(0.92, 0.72) : outline(0.95, 0.78);
        List<ConvexPolygon> parts = new ArrayList<>();
        List<Spectrum> spectra = new ArrayList<>();
        Frame frame = frame();
        for (Slab slab : layout()) {
            double u0 = slab.from * lengthM;
            double u1 = slab.to * lengthM;
            for (int k = 0; k < slab.blocks.size(); k++) {
                double v0 = slab.edges[k] * widthM;
                double v1 = slab.edges[k + 1] * widthM;
                double[] uv =
                        ConvexPolygon.clipToBox(deckOutline[0], deckOutline[1], u0, u1, v0, v1);
                if (uv.length >= 6) {
                    parts.add(frame.polygon(uv));
                    spectra.add(slab.blocks.get(k));
                }
            }
        }
        return new Footprint(List.of(hullOutline()), Surface.of(hull.spectrum()), parts, spectra);
    }

    /**
     * A band of the deck from {@code from} to {@code to} (shares of the length, -0.5 stern to 0.5
     * bow), split across the beam at {@code edges} (shares of the beam) into blocks of materials.
     */
    private record Slab(double from, double to, double[] edges, List<Spectrum> blocks) {}

    private static final double[] FULL = {-0.5, 0.5};

    private Slab plain(double from, double to, Spectrum material) {
        return new Slab(from, to, FULL, List.of(material));
    }

    /** The deck, stern to bow, by kind. */
    private List<Slab> layout() {
        Spectrum white = Materials.PAINT_WHITE;
        Spectrum deckPaint = deck.spectrum();
        List<Slab> slabs = new ArrayList<>();
        switch (kind) {
            case CONTAINER -> {
                slabs.add(plain(-0.5, -0.33, deckPaint));
                slabs.add(plain(-0.33, -0.25, white));
                double bay = Math.max(6, Math.min(13.5, lengthM / 12)) / lengthM;
                int stacks = (int) Math.max(2, Math.min(5, Math.round(widthM * 0.78 / 12)));
                int bayIndex = 0;
                for (double u = -0.25; u < 0.38 - 1e-9; u += bay) {
                    slabs.add(containerBay(u, Math.min(0.38, u + bay), stacks, bayIndex++));
                }
                slabs.add(plain(0.38, 0.5, deckPaint));
            }
            case TANKER -> {
                slabs.add(plain(-0.5, -0.38, white));
                slabs.add(
                        new Slab(
                                -0.38,
                                0.42,
                                new double[] {-0.5, -0.06, 0.06, 0.5},
                                List.of(deckPaint, Materials.PAINT_GREY, deckPaint)));
                slabs.add(plain(0.42, 0.5, deckPaint));
            }
            case BULK, CARGO -> {
                boolean bridgeAft = kind == VesselKind.BULK || layoutSeed % 2 == 0;
                int hatches = kind == VesselKind.BULK ? 5 + Math.floorMod(layoutSeed, 5) : 3;
                Spectrum hatchPaint = hatchColour();
                double start = bridgeAft ? -0.34 : -0.45;
                if (bridgeAft) {
                    slabs.add(plain(-0.5, -0.36, white));
                    slabs.add(plain(-0.36, start, deckPaint));
                } else {
                    slabs.add(plain(-0.5, start, deckPaint));
                }
                double step = (0.40 - start) / hatches;
                for (int h = 0; h < hatches; h++) {
                    double u = start + h * step;
                    slabs.add(
                            new Slab(
                                    u,
                                    u + 0.7 * step,
                                    new double[] {-0.5, -0.31, 0.31, 0.5},
                                    List.of(deckPaint, hatchPaint, deckPaint)));
                    slabs.add(plain(u + 0.7 * step, u + step, deckPaint));
                    if (!bridgeAft && h == hatches / 2 - 1) {
                        // A midship bridge sits between two hatches.
                        slabs.set(slabs.size() - 1, plain(u + 0.7 * step, u + step, white));
                    }
                }
                slabs.add(plain(0.40, 0.5, deckPaint));
            }
            case PASSENGER -> {
                Spectrum funnel = layoutSeed % 2 == 0 ? Materials.PAINT_BLUE : deckPaint;
                slabs.add(plain(-0.5, -0.46, deckPaint));
                slabs.add(plain(-0.46, -0.2, white));
                slabs.add(
                        new Slab(
                                -0.2,
                                -0.12,
                                new double[] {-0.5, -0.15, 0.15, 0.5},
                                List.of(white, funnel, white)));
                slabs.add(plain(-0.12, 0.30, white));
                slabs.add(plain(0.30, 0.5, Materials.PAINT_GREY));
            }
            case FISHING -> {
                Spectrum work =
                        layoutSeed % 3 == 0
                                ? Materials.PAINT_ORANGE.mix(deckPaint, 0.6)
                                : deckPaint;
                slabs.add(plain(-0.5, -0.05, work));
                slabs.add(plain(-0.05, 0.20, white));
                slabs.add(plain(0.20, 0.5, deckPaint));
            }
            case TUG -> {
                slabs.add(plain(-0.5, -0.15, deckPaint));
                slabs.add(plain(-0.15, 0.25, white));
                slabs.add(plain(0.25, 0.5, deckPaint));
            }
            case PATROL -> {
                slabs.add(plain(-0.5, -0.2, Materials.PAINT_GREY));
                slabs.add(plain(-0.2, 0.15, Materials.PAINT_GREY.mix(white, 0.3)));
                slabs.add(plain(0.15, 0.5, Materials.PAINT_GREY));
            }
            case LEISURE -> {
                slabs.add(plain(-0.5, -0.1, deckPaint));
                slabs.add(plain(-0.1, 0.25, white));
                slabs.add(plain(0.25, 0.5, deckPaint));
            }
            default -> throw new IllegalStateException("no deck layout for " + kind);
        }
        return slabs;
    }

    private Spectrum hatchColour() {
        List<Spectrum> choices =
                List.of(
                        Materials.PAINT_GREEN,
                        Materials.PAINT_RED_OXIDE,
                        Materials.PAINT_GREY,
                        Materials.PAINT_BLUE);
        return choices.get(Math.floorMod(Noise.hash(layoutSeed, 1, 2), choices.size()));
    }

    private Slab containerBay(double from, double to, int stacks, int bayIndex) {
        double[] edges = new double[stacks + 1];
        List<Spectrum> blocks = new ArrayList<>();
        boolean empty = Noise.uniform(layoutSeed, bayIndex, -1) < 0.12;
        List<Spectrum> palette = Materials.CONTAINER_PALETTE;
        for (int k = 0; k <= stacks; k++) {
            edges[k] = -0.5 + k / (double) stacks;
        }
        for (int k = 0; k < stacks; k++) {
            blocks.add(
                    empty
                            ? deck.spectrum()
                            : palette.get(
                                    Math.floorMod(
                                            Noise.hash(layoutSeed, bayIndex, k), palette.size())));
        }
        return new Slab(from, to, edges, blocks);
    }

    /** The wake of a vessel underway, or none. */
    java.util.Optional<Wake> wake() {
        if (state != VesselState.UNDERWAY || speedKn < 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Wake(frame(), lengthM, widthM, speedKn));
    }
}
