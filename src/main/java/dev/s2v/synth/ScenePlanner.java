package dev.s2v.synth;

import dev.s2v.raster.CrsTransform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a scene from its seed: the place (a real coastal site, its MGRS tile and a crop of it on
 * the tile's 60 m lattice), the date and sun, the atmosphere, and then the harbour, the distractors
 * and the vessels, each placed only where it keeps its clearance from what is already there.
 */
final class ScenePlanner {
    /** Vessels keep this far from distractors, so no pixel touched by one is a vessel pixel. */
    static final double DISTRACTOR_CLEARANCE_M = 16;

    private static final double UNDERWAY_CLEARANCE_M = 25;
    private static final double BERTH_CLEARANCE_M = 1.5;
    private static final double STRUCTURE_CLEARANCE_M = 1;
    private static final double MAX_TAU_UNDER = 6;
    // Lengths at sea follow a power law, density ~ L^-1.6 on 8..350 m: about half are under 20 m,
    // one in eight over 100 m.
    private static final double LENGTH_EXPONENT = 1.6;
    // At density 1: vessels at sea per km2 of water, ships per km2 of an anchorage, and the share
    // of berths taken. Harbours and anchorages hold most big ships, as off real ports; with these
    // values 64 x 64 tiles that hold vessels are about 1.3 % vessel pixels on average.
    private static final double AT_SEA_PER_KM2 = 0.5;
    private static final double ANCHORED_PER_KM2 = 8;
    private static final double BERTHS_TAKEN = 0.65;

    // Reference orbits (real products): S2A A032448 on 2021-09-08T04:27, S2B A027547 on
    // 2022-06-15T10:15.
    private static final Instant S2A_REFERENCE = Instant.parse("2021-09-08T04:27:01Z");
    private static final int S2A_REFERENCE_ORBIT = 32448;
    private static final Instant S2B_REFERENCE = Instant.parse("2022-06-15T10:15:59Z");
    private static final int S2B_REFERENCE_ORBIT = 27547;
    private static final double ORBIT_SECONDS = 10 * 86400.0 / 143;

    private final long seed;
    private final int size;
    private final double sizeM;
    private final double density;
    private final Draws draws;
    private final Occupancy occupancy = new Occupancy();
    private final List<Fixture> fixtures = new ArrayList<>();
    private final List<Vessel> vessels = new ArrayList<>();
    private SceneFields fields;

    private ScenePlanner(long seed, int size, double density) {
        this.seed = seed;
        this.size = size;
        this.sizeM = size * 10.0;
        this.density = density;
        this.draws = new Draws(seed);
    }

    /**
     * Plans a square scene.
     *
     * @param seed the scene's seed
     * @param sizePx width and height at 10 m (64 .. 10980)
     * @param processingBaseline e.g. 05.09; picks the years of the date
     * @param vesselDensity traffic level, 1 = default (see {@link SynthOptions#vesselDensity()})
     */
    static ScenePlan plan(long seed, int sizePx, String processingBaseline, double vesselDensity) {
        return new ScenePlanner(seed, sizePx, vesselDensity).build(processingBaseline);
    }

    private ScenePlan build(String baseline) {
        Draws placeDraws = draws.split();
        Draws timeDraws = draws.split();
        Draws skyDraws = draws.split();
        Draws harbourDraws = draws.split();
        Draws distractorDraws = draws.split();
        Draws vesselDraws = draws.split();

        CoastalSite site = placeDraws.pick(CoastalSite.ALL);
        MgrsTile tile = MgrsTile.containing(site.latDeg(), site.lonDeg());
        double[] en;
        try (CrsTransform toUtm = CrsTransform.between(4326, tile.epsg())) {
            en = toUtm.apply(site.lonDeg(), site.latDeg());
        }
        double setting = placeDraws.uniform(0, 1);
        String kind = setting < 0.65 ? "port" : setting < 0.85 ? "coast" : "open sea";
        double seaward = site.seawardDeg() + 20 * placeDraws.gaussian();
        double seaX = StrictMath.sin(StrictMath.toRadians(seaward));
        double seaY = -StrictMath.cos(StrictMath.toRadians(seaward));
        // The harbour sits a little landward of the scene's centre, so that most of it is water.
        double landward = placeDraws.uniform(0.05, 0.22);
        double fx = 0.5 - landward * seaX + placeDraws.uniform(-0.08, 0.08);
        double fy = 0.5 - landward * seaY + placeDraws.uniform(-0.08, 0.08);
        int maxStep = (MgrsTile.SIZE_10M - size) / 6;
        int kx = clampInt((int) Math.round((en[0] - fx * sizeM - tile.ulx()) / 60), 0, maxStep);
        int ky = clampInt((int) Math.round((tile.uly() - en[1] - fy * sizeM) / 60), 0, maxStep);
        double ulx = tile.ulx() + 60.0 * kx;
        double uly = tile.uly() - 60.0 * ky;
        double px = en[0] - ulx;
        double py = uly - en[1];
        if (kind.equals("open sea")) {
            // An offshore crop: the site's coast lies far outside.
            px -= seaX * (sizeM + 20_000);
            py -= seaY * (sizeM + 20_000);
        }

        Instant tileTime = sensingTime(timeDraws, baseline, site);
        SunAngles sun = SunAngles.at(tileTime, site.latDeg(), site.lonDeg());
        boolean s2a = timeDraws.chance(0.5);
        Instant datatakeStart = tileTime.minusSeconds(369 + timeDraws.below(600));
        Instant generation = tileTime.plusSeconds(5400 + timeDraws.below(9000));
        int absolute = absoluteOrbit(s2a, tileTime);
        int relative = relativeOrbit(s2a, absolute);

        double portHalf = harbourDraws.uniform(750, 1600);
        boolean port = kind.equals("port");
        double wavelength = Math.max(4000, 0.7 * sizeM);
        SceneFields.Coast coast =
                new SceneFields.Coast(
                        !kind.equals("open sea"),
                        px,
                        py,
                        seaward,
                        0.25 * wavelength * placeDraws.uniform(0.6, 1.2),
                        wavelength,
                        Math.min(14, (int) Math.ceil(Math.log(wavelength / 20) / Math.log(2))),
                        port ? portHalf + 300 : 0,
                        placeDraws.nextInt());
        double townRadius = port ? placeDraws.uniform(1500, 4000) : placeDraws.uniform(500, 2000);
        SceneFields.LandCover land =
                new SceneFields.LandCover(
                        px - seaX * townRadius * 0.5,
                        py - seaY * townRadius * 0.5,
                        townRadius,
                        placeDraws.uniform(150, 400),
                        placeDraws.uniform(0.2, 0.6),
                        placeDraws.uniform(0.2, 0.7),
                        site.aridity(),
                        placeDraws.nextInt());
        SceneFields.Water water =
                new SceneFields.Water(
                        placeDraws.uniform(0.0, 0.2),
                        placeDraws.uniform(0.15, 0.5),
                        placeDraws.uniform(500, 3000),
                        placeDraws.nextInt());
        double windDeg = skyDraws.uniform(0, 360);
        double glintChance = sun.zenithDeg() < 30 ? 0.45 : sun.zenithDeg() < 45 ? 0.2 : 0.05;
        SceneFields.Glint glint =
                new SceneFields.Glint(
                        skyDraws.chance(glintChance) ? skyDraws.uniform(0.01, 0.12) : 0,
                        skyDraws.uniform(0, 360),
                        windDeg,
                        skyDraws.nextInt());
        double aot =
                Math.min(0.4, Math.max(0.04, 0.1 * StrictMath.exp(0.45 * skyDraws.gaussian())));
        double cosLat = StrictMath.cos(StrictMath.toRadians(site.latDeg()));
        double vapour = 0.8 + 3.2 * cosLat * cosLat * skyDraws.uniform(0.4, 1);
        SceneFields.Haze haze =
                new SceneFields.Haze(
                        skyDraws.chance(0.3) ? skyDraws.uniform(0.2, 1) : 0,
                        skyDraws.uniform(8000, 30000),
                        skyDraws.chance(0.15) ? skyDraws.uniform(0.005, 0.03) : 0,
                        skyDraws.uniform(0, 360),
                        skyDraws.nextInt());
        SceneFields.Swath swath = SceneFields.Swath.none();
        if (skyDraws.chance(0.1)) {
            // Descending orbits cross the equator at about 98.6 degrees: the swath edge runs NNE.
            double edgeDeg = 192 + skyDraws.uniform(-5, 5);
            double nx = StrictMath.cos(StrictMath.toRadians(edgeDeg));
            double ny = StrictMath.sin(StrictMath.toRadians(edgeDeg));
            if (skyDraws.chance(0.5)) {
                nx = -nx;
                ny = -ny;
            }
            double reach = Math.abs(nx) * sizeM + Math.abs(ny) * sizeM;
            double cut = skyDraws.uniform(0.05, 0.3) * reach;
            // The line sits where a share {@code cut} of the scene's extent along n lies beyond it.
            double cx = nx > 0 ? sizeM : 0;
            double cy = ny > 0 ? sizeM : 0;
            swath = new SceneFields.Swath(true, cx - nx * cut, cy - ny * cut, nx, ny);
        }
        // Clouds come last among the fields: their puffs are placed as distractors.
        double cloudClass = skyDraws.uniform(0, 1);
        double cloudHeight = skyDraws.uniform(800, 2500);
        double shadowReach = cloudHeight * StrictMath.tan(StrictMath.toRadians(sun.zenithDeg()));
        double shiftX = shadowReach * StrictMath.sin(StrictMath.toRadians(sun.azimuthDeg()));
        double shiftY = -shadowReach * StrictMath.cos(StrictMath.toRadians(sun.azimuthDeg()));
        double threshold =
                cloudClass < 0.4 ? 1 : cloudClass < 0.7 ? 0.42 : cloudClass < 0.9 ? 0.28 : 0.15;
        double tauMax = skyDraws.uniform(8, 40);
        double cloudScale = skyDraws.uniform(1500, 4000);
        int cloudSeed = skyDraws.nextInt();
        boolean puffs = skyDraws.chance(0.35);

        SceneFields.Clouds noPuffs =
                new SceneFields.Clouds(
                        threshold < 1,
                        threshold,
                        tauMax,
                        cloudScale,
                        shiftX,
                        shiftY,
                        List.of(),
                        cloudSeed);
        fields = new SceneFields(sizeM, coast, land, water, glint, noPuffs, haze, swath);
        double waterKm2 = waterShare() * sizeM * sizeM / 1e6;

        if (port) {
            harbour(harbourDraws, new Frame(px, py, seaward), portHalf, windDeg);
        }
        distractors(distractorDraws, waterKm2, windDeg, kind.equals("open sea"));
        List<SceneFields.CloudPuff> cloudPuffs =
                puffs ? cloudPuffs(distractorDraws, waterKm2) : List.of();
        fields =
                new SceneFields(
                        sizeM,
                        coast,
                        land,
                        water,
                        glint,
                        new SceneFields.Clouds(
                                threshold < 1 || !cloudPuffs.isEmpty(),
                                threshold,
                                tauMax,
                                cloudScale,
                                shiftX,
                                shiftY,
                                cloudPuffs,
                                cloudSeed),
                        haze,
                        swath);
        if (!port && vesselDraws.chance(kind.equals("coast") ? 0.5 : 0.3)) {
            // Ships waiting off a port outside the scene.
            double[] centre = waterPoint(vesselDraws, 1500, Double.MAX_VALUE);
            if (centre != null) {
                anchorage(vesselDraws, centre[0], centre[1], windDeg);
            }
        }
        scattered(vesselDraws, waterKm2 * (port ? 0.7 : 1.0), windDeg);
        if (vesselDraws.chance(0.3)) {
            fishingFleet(vesselDraws);
        }
        List<Vessel> kept = new ArrayList<>();
        for (Vessel v : vessels) {
            if (keep(v)) {
                kept.add(v);
            }
        }
        return new ScenePlan(
                seed,
                kind,
                site,
                tile,
                ulx,
                uly,
                size,
                size,
                s2a ? "Sentinel-2A" : "Sentinel-2B",
                datatakeStart,
                generation,
                absolute,
                relative,
                baseline,
                sun,
                aot,
                vapour,
                fields,
                fixtures,
                kept);
    }

    /**
     * A sensing time: a date in the years the processing baseline was in use, at the local solar
     * time of Sentinel-2's descending pass (10:30 at the node, later further north), with the sun
     * at most 65 degrees from the zenith (winter scenes at high latitudes are drawn again).
     */
    private static Instant sensingTime(Draws d, String baseline, CoastalSite site) {
        int major = Integer.parseInt(baseline.substring(0, 2));
        int firstYear = major <= 2 ? 2018 : major == 3 ? 2021 : major == 4 ? 2022 : 2023;
        int years = major <= 2 ? 3 : major >= 5 ? 2 : 1;
        Instant time = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            LocalDate date = LocalDate.of(firstYear + d.below(years), 1, 1).plusDays(d.below(365));
            double localHours = 10.5 + 0.01 * site.latDeg() + d.uniform(-0.1, 0.1);
            double utcHours = localHours - site.lonDeg() / 15;
            time =
                    date.atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plusSeconds(Math.round(utcHours * 3600));
            if (SunAngles.at(time, site.latDeg(), site.lonDeg()).zenithDeg() < 65) {
                return time;
            }
        }
        return time;
    }

    private static int absoluteOrbit(boolean s2a, Instant time) {
        Instant reference = s2a ? S2A_REFERENCE : S2B_REFERENCE;
        int orbit = s2a ? S2A_REFERENCE_ORBIT : S2B_REFERENCE_ORBIT;
        double seconds = Duration.between(reference, time).getSeconds();
        return Math.max(1, orbit + (int) Math.round(seconds / ORBIT_SECONDS));
    }

    /** Relative orbit of an absolute one (checked on the real S2A and S2B products above). */
    private static int relativeOrbit(boolean s2a, int absolute) {
        return Math.floorMod(absolute + (s2a ? 2 : -27), 143) + 1;
    }

    private double waterShare() {
        int n = 48;
        int water = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i + 0.5) * sizeM / n;
                double y = (j + 0.5) * sizeM / n;
                if (fields.coast(x, y) > 0 && !fields.noData(x, y)) {
                    water++;
                }
            }
        }
        return water / (double) (n * n);
    }

    // ---------------------------------------------------------------- harbour

    private void harbour(Draws d, Frame port, double half, double windDeg) {
        // In the port frame u points to sea and v runs along the shore.
        double terminalFrom = d.uniform(-half, -0.1 * half);
        double terminalLength = d.uniform(500, Math.min(1100, half));
        double terminalDepth = d.uniform(180, 400);
        ConvexPolygon terminal =
                port.box(-200, terminalDepth, terminalFrom, terminalFrom + terminalLength);
        boolean yard = d.chance(0.7);
        fixture(
                Fixture.Kind.TERMINAL,
                new Footprint(
                        List.of(terminal),
                        yard
                                ? Surface.containerYard(d.nextInt(), port)
                                : Surface.of(Materials.CONCRETE.mix(Materials.ASPHALT, 0.4)),
                        List.of(),
                        List.of()),
                terminal,
                STRUCTURE_CLEARANCE_M);
        double occupancy = Math.min(0.95, BERTHS_TAKEN * density);
        // Ships along the terminal's quay.
        double cursor = terminalFrom + d.uniform(10, 40);
        while (cursor < terminalFrom + terminalLength - 60) {
            double length = yard ? d.powerLaw(140, 350, 1.2) : d.powerLaw(80, 220, 1.3);
            if (cursor + length > terminalFrom + terminalLength) {
                break;
            }
            VesselKind kind =
                    yard && length > 120 ? VesselKind.CONTAINER : VesselKind.forLength(length, d);
            double width = kind.width(length, d);
            if (d.chance(occupancy)) {
                double u = terminalDepth + 2 + width / 2;
                double v = cursor + length / 2;
                berth(
                        d,
                        kind,
                        port.x(u, v),
                        port.y(u, v),
                        length,
                        width,
                        port.headingDeg() + (d.chance(0.5) ? 90 : -90));
            }
            cursor += length + d.uniform(15, 45);
        }
        // Finger piers beyond the terminal, with ships along both sides.
        double pierCursor = terminalFrom + terminalLength + d.uniform(150, 250);
        double outermost = terminalDepth;
        int piers = 0;
        while (pierCursor < half && piers < 4) {
            double pierWidth = d.uniform(35, 60);
            double pierLength = d.uniform(200, 420);
            ConvexPolygon pier =
                    port.box(
                            -60,
                            pierLength,
                            pierCursor - pierWidth / 2,
                            pierCursor + pierWidth / 2);
            fixture(
                    Fixture.Kind.PIER,
                    Footprint.solid(pier, Materials.CONCRETE),
                    pier,
                    STRUCTURE_CLEARANCE_M);
            outermost = Math.max(outermost, pierLength);
            for (int side = -1; side <= 1; side += 2) {
                double along = d.uniform(20, 50);
                while (along < pierLength - 40) {
                    double length =
                            d.powerLaw(
                                    30, Math.max(40, Math.min(250, pierLength - along - 10)), 1.3);
                    if (along + length > pierLength - 5) {
                        break;
                    }
                    VesselKind kind = VesselKind.forLength(length, d);
                    double width = kind.width(length, d);
                    if (d.chance(occupancy)) {
                        double v = pierCursor + side * (pierWidth / 2 + 2 + width / 2);
                        double u = along + length / 2;
                        berth(
                                d,
                                kind,
                                port.x(u, v),
                                port.y(u, v),
                                length,
                                width,
                                port.headingDeg() + (d.chance(0.5) ? 0 : 180));
                        if (length < 40 && d.chance(0.5)) {
                            // Small craft lie rafted abreast.
                            double length2 = length * d.uniform(0.85, 1.1);
                            double width2 = kind.width(length2, d);
                            double v2 = v + side * (width / 2 + 1.5 + width2 / 2);
                            berth(
                                    d,
                                    kind,
                                    port.x(u, v2),
                                    port.y(u, v2),
                                    length2,
                                    width2,
                                    port.headingDeg() + (d.chance(0.5) ? 0 : 180));
                        }
                    }
                    along += length + d.uniform(10, 35);
                }
            }
            pierCursor += d.uniform(220, 320);
            piers++;
        }
        // A marina of pontoons with leisure boats moored stern-to on both sides.
        if (d.chance(0.6) && terminalFrom + half > 250) {
            double room = terminalFrom + half - 100;
            // Boats up to 15 m lie either side of each pontoon, 2 m off it.
            double spacing = 2 * (1.5 + 2 + 15) + 4;
            int pontoons = (int) Math.min(8, room / spacing);
            double pontoonLength = d.uniform(60, 140);
            for (int p = 0; p < pontoons; p++) {
                double v0 = -half + 50 + p * spacing;
                ConvexPolygon pontoon = port.box(25, 25 + pontoonLength, v0 - 1.5, v0 + 1.5);
                fixture(
                        Fixture.Kind.PONTOON,
                        Footprint.solid(pontoon, Materials.PAINT_GREY.mix(Materials.CONCRETE, 0.5)),
                        pontoon,
                        STRUCTURE_CLEARANCE_M);
                for (int side = -1; side <= 1; side += 2) {
                    double u = 30;
                    while (u < 20 + pontoonLength) {
                        double length = d.powerLaw(8, 15, 2.0);
                        double width = VesselKind.LEISURE.width(length, d);
                        if (d.chance(occupancy)) {
                            double v = v0 + side * (1.5 + 2 + length / 2);
                            berth(
                                    d,
                                    VesselKind.LEISURE,
                                    port.x(u + width / 2, v),
                                    port.y(u + width / 2, v),
                                    length,
                                    width,
                                    port.headingDeg() + side * 90 + (d.chance(0.5) ? 0 : 180));
                        }
                        u += width + d.uniform(1.6, 3);
                    }
                }
            }
        }
        // A breakwater sheltering the basin, joined to the shore at one end.
        double breakwaterU = outermost + d.uniform(250, 450);
        double thickness = d.uniform(25, 38);
        ConvexPolygon arm =
                port.box(-80, breakwaterU + thickness / 2, -half - 80 - thickness, -half - 80);
        ConvexPolygon mole =
                port.box(
                        breakwaterU - thickness / 2,
                        breakwaterU + thickness / 2,
                        -half - 80,
                        half - 300);
        Spectrum armour = Materials.ROCK_LIGHT.mix(Materials.CONCRETE, 0.5);
        fixture(Fixture.Kind.BREAKWATER, Footprint.solid(arm, armour), arm, STRUCTURE_CLEARANCE_M);
        fixture(
                Fixture.Kind.BREAKWATER,
                Footprint.solid(mole, armour),
                mole,
                STRUCTURE_CLEARANCE_M);
        // Channel buoys leading out from the entrance.
        int pairs = 4 + d.below(5);
        for (int k = 1; k <= pairs; k++) {
            double u = breakwaterU + k * 350;
            buoy(d, port.x(u, half - 220), port.y(u, half - 220), Materials.PAINT_RED_OXIDE);
            buoy(d, port.x(u, half - 20), port.y(u, half - 20), Materials.PAINT_GREEN);
        }
        // The anchorage offshore.
        double anchorU = breakwaterU + d.uniform(1500, 3500);
        double anchorV = d.uniform(-half, half);
        anchorage(d, port.x(anchorU, anchorV), port.y(anchorU, anchorV), windDeg);
    }

    /** An anchorage: big ships swinging to the same wind, around a centre. */
    private void anchorage(Draws d, double cx, double cy, double windDeg) {
        double radius = d.uniform(800, 2000);
        int ships = d.poisson(density * ANCHORED_PER_KM2 * Math.PI * radius * radius / 1e6);
        for (int k = 0; k < ships; k++) {
            double length = d.powerLaw(90, 330, 1.3);
            VesselKind kind = VesselKind.forLength(length, d);
            double a = d.uniform(0, 2 * Math.PI);
            double r = radius * Math.sqrt(d.uniform(0, 1));
            double x = cx + r * StrictMath.cos(a);
            double y = cy + r * StrictMath.sin(a);
            place(
                    d,
                    kind,
                    x,
                    y,
                    length,
                    VesselState.ANCHORED,
                    windDeg + 180 + 12 * d.gaussian(),
                    60);
        }
    }

    private void berth(
            Draws d,
            VesselKind kind,
            double x,
            double y,
            double length,
            double width,
            double heading) {
        Vessel v = vessel(d, kind, x, y, length, width, heading, VesselState.MOORED, 0);
        ConvexPolygon hull = v.hullOutline();
        if (inScene(x, y) && water(hull, 0) && occupancy.free(hull, BERTH_CLEARANCE_M)) {
            occupancy.add(hull, BERTH_CLEARANCE_M);
            vessels.add(v);
        }
    }

    private void buoy(Draws d, double x, double y, Spectrum paint) {
        ConvexPolygon shape = Shapes.octagon(x, y, d.uniform(0.9, 2.0));
        if (inScene(x, y)
                && fields.coast(x, y) > 10
                && occupancy.free(shape, DISTRACTOR_CLEARANCE_M)) {
            fixture(
                    Fixture.Kind.BUOY,
                    Footprint.solid(shape, paint),
                    shape,
                    DISTRACTOR_CLEARANCE_M);
        }
    }

    private void fixture(
            Fixture.Kind kind, Footprint footprint, ConvexPolygon space, double clearance) {
        occupancy.add(space, clearance);
        fixtures.add(new Fixture(kind, footprint));
    }

    // ---------------------------------------------------------------- distractors

    private void distractors(Draws d, double waterKm2, double windDeg, boolean openSea) {
        List<Spectrum> buoyPaints =
                List.of(
                        Materials.PAINT_ORANGE,
                        Materials.PAINT_RED_OXIDE,
                        Materials.PAINT_GREEN,
                        Materials.PAINT_WHITE.mix(Materials.PAINT_GREY, 0.4),
                        Materials.PAINT_BLACK);
        int islets = d.poisson(0.08 * waterKm2);
        for (int k = 0; k < islets; k++) {
            double radius = d.powerLaw(30, 220, 1.5);
            double[] p = waterPoint(d, radius + 60, 6000);
            if (p == null) {
                continue;
            }
            int shapeSeed = d.nextInt();
            List<ConvexPolygon> rim = Shapes.blob(p[0], p[1], radius, 0.45, shapeSeed, 1);
            // A rim of rock 10-25 m wide around the vegetated core.
            double coreScale = 1 - Math.min(0.4, d.uniform(10, 25) / radius);
            List<ConvexPolygon> core = Shapes.blob(p[0], p[1], radius, 0.45, shapeSeed, coreScale);
            ConvexPolygon box = Shapes.boundingBox(rim);
            if (!occupancy.free(box, DISTRACTOR_CLEARANCE_M)) {
                continue;
            }
            Spectrum rock = d.chance(0.5) ? Materials.ROCK_DARK : Materials.ROCK_LIGHT;
            // Sparse vegetation on rock: the core is part rock, so the islet reads as one blob.
            Spectrum green =
                    Materials.FOREST.mix(Materials.DRY_GRASS, d.uniform(0, 0.6)).mix(rock, 0.35);
            List<Spectrum> coreSpectra = new ArrayList<>();
            core.forEach(t -> coreSpectra.add(green));
            fixture(
                    Fixture.Kind.ISLET,
                    new Footprint(rim, Surface.of(rock), core, coreSpectra),
                    box,
                    DISTRACTOR_CLEARANCE_M);
        }
        int rocks = d.poisson(0.15 * waterKm2 + (openSea ? 0 : 4 * coastalWaterKm2()));
        for (int k = 0; k < rocks; k++) {
            double radius = d.uniform(3, 18);
            double[] p =
                    d.chance(0.8)
                            ? waterPoint(d, radius + 5, 600)
                            : waterPoint(d, radius + 5, Double.MAX_VALUE);
            if (p == null) {
                continue;
            }
            List<ConvexPolygon> blob = Shapes.blob(p[0], p[1], radius, 0.4, d.nextInt(), 1);
            ConvexPolygon box = Shapes.boundingBox(blob);
            if (occupancy.free(box, DISTRACTOR_CLEARANCE_M)) {
                Spectrum rock = d.chance(0.6) ? Materials.ROCK_DARK : Materials.ROCK_LIGHT;
                fixture(
                        Fixture.Kind.ROCK,
                        new Footprint(blob, Surface.of(rock), List.of(), List.of()),
                        box,
                        DISTRACTOR_CLEARANCE_M);
            }
        }
        int buoys = d.poisson(0.6 * waterKm2);
        for (int k = 0; k < buoys; k++) {
            double[] p = waterPoint(d, 15, Double.MAX_VALUE);
            if (p != null) {
                buoy(d, p[0], p[1], d.pick(buoyPaints));
            }
        }
        int platforms = d.poisson((openSea ? 0.04 : 0.008) * waterKm2);
        for (int k = 0; k < platforms; k++) {
            double[] p = waterPoint(d, 2000, Double.MAX_VALUE);
            if (p != null) {
                platform(d, p[0], p[1]);
            }
        }
        if (waterKm2 > 20 && d.chance(0.15)) {
            windFarm(d, windDeg);
        }
    }

    private double coastalWaterKm2() {
        if (!fields.coastParameters().present()) {
            return 0;
        }
        int n = 48;
        int near = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double c = fields.coast((i + 0.5) * sizeM / n, (j + 0.5) * sizeM / n);
                if (c > 0 && c < 600) {
                    near++;
                }
            }
        }
        return near / (double) (n * n) * sizeM * sizeM / 1e6;
    }

    private void platform(Draws d, double x, double y) {
        double side = d.uniform(25, 60);
        Frame f = new Frame(x, y, d.uniform(0, 90));
        ConvexPolygon deck = f.box(-side / 2, side / 2, -side / 2, side / 2);
        if (!occupancy.free(deck, DISTRACTOR_CLEARANCE_M)) {
            return;
        }
        ConvexPolygon helideck =
                f.box(side / 2 - 0.35 * side, side / 2, -side / 2, -side / 2 + 0.35 * side);
        ConvexPolygon module = f.box(-side / 2, 0, 0, side / 2);
        fixture(
                Fixture.Kind.PLATFORM,
                new Footprint(
                        List.of(deck),
                        Surface.of(Materials.PAINT_GREY),
                        List.of(helideck, module),
                        List.of(
                                Materials.PAINT_GREEN,
                                d.chance(0.5) ? Materials.PAINT_ORANGE : Materials.PAINT_WHITE)),
                deck,
                DISTRACTOR_CLEARANCE_M);
    }

    private void windFarm(Draws d, double windDeg) {
        double[] origin = waterPoint(d, 4000, Double.MAX_VALUE);
        if (origin == null) {
            return;
        }
        Frame grid = new Frame(origin[0], origin[1], d.uniform(0, 180));
        double spacing = d.uniform(700, 1000);
        int rows = 3 + d.below(4);
        int cols = 4 + d.below(7);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = grid.x(r * spacing, c * spacing);
                double y = grid.y(r * spacing, c * spacing);
                if (!inScene(x, y) || fields.coast(x, y) < 500) {
                    continue;
                }
                // From above: the nacelle turned into the wind, and the rotor's vertical disc seen
                // edge-on: the three 75 m blades project onto a thin line across the wind, as far
                // either side as the blade reaching furthest that way.
                Frame hub = new Frame(x, y, windDeg);
                List<ConvexPolygon> parts = new ArrayList<>();
                parts.add(hub.box(-9, 3, -2, 2));
                double rotor = d.uniform(0, 2 * Math.PI);
                double right = 0;
                double left = 0;
                for (int blade = 0; blade < 3; blade++) {
                    double reach = 75 * StrictMath.cos(rotor + blade * 2 * Math.PI / 3);
                    right = Math.max(right, reach);
                    left = Math.min(left, reach);
                }
                if (right > 4) {
                    parts.add(hub.polygon(-0.9, 2, 0.9, 2, 0.3, right, -0.3, right));
                }
                if (left < -4) {
                    parts.add(hub.polygon(-0.9, -2, 0.9, -2, 0.3, left, -0.3, left));
                }
                ConvexPolygon box = Shapes.boundingBox(parts);
                if (occupancy.free(box, DISTRACTOR_CLEARANCE_M)) {
                    fixture(
                            Fixture.Kind.WIND_TURBINE,
                            new Footprint(
                                    parts,
                                    Surface.of(
                                            Materials.PAINT_WHITE.mix(Materials.PAINT_GREY, 0.3)),
                                    List.of(),
                                    List.of()),
                            box,
                            DISTRACTOR_CLEARANCE_M);
                }
            }
        }
    }

    private List<SceneFields.CloudPuff> cloudPuffs(Draws d, double waterKm2) {
        List<SceneFields.CloudPuff> puffs = new ArrayList<>();
        int count = d.poisson(0.4 * waterKm2);
        for (int k = 0; k < count; k++) {
            double sigma = d.uniform(15, 60);
            double[] p = waterPoint(d, 0, Double.MAX_VALUE);
            if (p == null) {
                continue;
            }
            ConvexPolygon space = Shapes.octagon(p[0], p[1], 3 * sigma);
            if (occupancy.free(space, DISTRACTOR_CLEARANCE_M)) {
                occupancy.add(space, DISTRACTOR_CLEARANCE_M);
                puffs.add(new SceneFields.CloudPuff(p[0], p[1], sigma, d.uniform(1.5, 12)));
            }
        }
        return puffs;
    }

    // ---------------------------------------------------------------- vessels at sea

    private void scattered(Draws d, double waterKm2, double windDeg) {
        int count = d.poisson(density * AT_SEA_PER_KM2 * waterKm2);
        SceneFields.Coast coast = fields.coastParameters();
        double laneDeg = coast.seawardDeg() + 90;
        for (int k = 0; k < count; k++) {
            double length = d.powerLaw(8, 350, LENGTH_EXPONENT);
            VesselKind kind = VesselKind.forLength(length, d);
            VesselState state;
            double heading = d.uniform(0, 360);
            double u = d.uniform(0, 1);
            if (kind == VesselKind.FISHING && u < 0.4) {
                state = VesselState.DRIFTING;
            } else if (length > 60 && u < 0.1) {
                state = VesselState.ANCHORED;
                heading = windDeg + 180 + 15 * d.gaussian();
            } else {
                state = VesselState.UNDERWAY;
            }
            double[] p;
            if (state == VesselState.UNDERWAY && length > 60 && coast.present() && d.chance(0.6)) {
                // Shipping lanes run along the coast some kilometres out.
                double offset = d.chance(0.5) ? d.uniform(2500, 4500) : d.uniform(6000, 9000);
                p = lanePoint(d, offset, laneDeg);
                heading = laneDeg + (d.chance(0.5) ? 0 : 180) + 6 * d.gaussian();
            } else {
                // Small craft keep nearer the coast.
                p = waterPoint(d, length, length < 40 && coast.present() ? 5000 : Double.MAX_VALUE);
            }
            if (p != null) {
                place(d, kind, p[0], p[1], length, state, heading, UNDERWAY_CLEARANCE_M);
            }
        }
    }

    private double[] lanePoint(Draws d, double offsetM, double laneDeg) {
        SceneFields.Coast coast = fields.coastParameters();
        Frame lane = new Frame(coast.px(), coast.py(), coast.seawardDeg());
        for (int attempt = 0; attempt < 20; attempt++) {
            double u = offsetM + 300 * d.gaussian();
            double v = d.uniform(-1.5 * sizeM, 1.5 * sizeM);
            double x = lane.x(u, v);
            double y = lane.y(u, v);
            if (inScene(x, y) && fields.coast(x, y) > 200) {
                return new double[] {x, y};
            }
        }
        return waterPoint(d, 200, Double.MAX_VALUE);
    }

    private void fishingFleet(Draws d) {
        double[] centre = waterPoint(d, 300, Double.MAX_VALUE);
        if (centre == null) {
            return;
        }
        int boats = 5 + d.below(8);
        for (int k = 0; k < boats; k++) {
            double a = d.uniform(0, 2 * Math.PI);
            double r = 600 * Math.sqrt(d.uniform(0, 1));
            double x = centre[0] + r * StrictMath.cos(a);
            double y = centre[1] + r * StrictMath.sin(a);
            VesselState state = d.chance(0.6) ? VesselState.DRIFTING : VesselState.UNDERWAY;
            place(
                    d,
                    VesselKind.FISHING,
                    x,
                    y,
                    d.powerLaw(12, 45, 1.5),
                    state,
                    d.uniform(0, 360),
                    15);
        }
    }

    private void place(
            Draws d,
            VesselKind kind,
            double x,
            double y,
            double length,
            VesselState state,
            double heading,
            double clearance) {
        double width = kind.width(length, d);
        double speed = state == VesselState.UNDERWAY ? kind.speedKn(d) : 0;
        Vessel v = vessel(d, kind, x, y, length, width, heading, state, speed);
        ConvexPolygon hull = v.hullOutline();
        if (inScene(x, y) && water(hull, 5) && occupancy.free(hull, clearance)) {
            occupancy.add(hull, clearance);
            vessels.add(v);
        }
    }

    private Vessel vessel(
            Draws d,
            VesselKind kind,
            double x,
            double y,
            double length,
            double width,
            double heading,
            VesselState state,
            double speed) {
        HullColour hull;
        HullColour deck;
        switch (kind) {
            case LEISURE -> {
                hull =
                        d.weighted(
                                List.of(
                                        HullColour.WHITE,
                                        HullColour.BLUE,
                                        HullColour.DARK,
                                        HullColour.GREY),
                                new double[] {0.7, 0.12, 0.1, 0.08});
                deck = d.chance(0.75) ? HullColour.WHITE : HullColour.GREY;
            }
            case FISHING -> {
                hull =
                        d.pick(
                                List.of(
                                        HullColour.BLUE,
                                        HullColour.RUST,
                                        HullColour.WHITE,
                                        HullColour.DARK,
                                        HullColour.GREEN));
                deck = d.pick(List.of(HullColour.GREY, HullColour.RUST, HullColour.WHITE));
            }
            case TUG -> {
                hull =
                        d.pick(
                                List.of(
                                        HullColour.RUST,
                                        HullColour.DARK,
                                        HullColour.BLUE,
                                        HullColour.ORANGE));
                deck = HullColour.GREY;
            }
            case PATROL -> {
                hull = HullColour.GREY;
                deck = HullColour.GREY;
            }
            case PASSENGER -> {
                hull = d.pick(List.of(HullColour.WHITE, HullColour.BLUE, HullColour.DARK));
                deck = HullColour.WHITE;
            }
            default -> {
                hull =
                        d.weighted(
                                List.of(
                                        HullColour.DARK,
                                        HullColour.RUST,
                                        HullColour.GREY,
                                        HullColour.BLUE,
                                        HullColour.GREEN),
                                new double[] {0.35, 0.3, 0.15, 0.12, 0.08});
                deck =
                        d.weighted(
                                List.of(
                                        HullColour.RUST,
                                        HullColour.GREEN,
                                        HullColour.GREY,
                                        HullColour.DARK),
                                new double[] {0.45, 0.2, 0.25, 0.1});
            }
        }
        return new Vessel(
                kind,
                x,
                y,
                length,
                width,
                heading,
                hull,
                deck,
                d.nextInt(),
                state,
                speed,
                d.uniform(0.75, 1.1));
    }

    /** Whether every vertex of a hull lies on water at least {@code marginM} from the shore. */
    private boolean water(ConvexPolygon hull, double marginM) {
        for (int i = 0; i < hull.size(); i++) {
            if (fields.coast(hull.x(i), hull.y(i)) < marginM) {
                return false;
            }
        }
        return fields.coast(hull.centroidX(), hull.centroidY()) >= marginM;
    }

    private boolean inScene(double x, double y) {
        return x >= 0 && y >= 0 && x < sizeM && y < sizeM;
    }

    /**
     * A uniform water point at least {@code minShoreM} from the shore and at most {@code
     * maxShoreM}.
     */
    private double[] waterPoint(Draws d, double minShoreM, double maxShoreM) {
        for (int attempt = 0; attempt < 60; attempt++) {
            double x = d.uniform(0, sizeM);
            double y = d.uniform(0, sizeM);
            double c = fields.coast(x, y);
            if (c >= minShoreM && c <= maxShoreM && !fields.noData(x, y)) {
                return new double[] {x, y};
            }
        }
        return null;
    }

    /** Drops vessels a labeller could not see: in the no-data wedge or under thick cloud. */
    private boolean keep(Vessel v) {
        ConvexPolygon hull = v.hullOutline();
        for (int i = 0; i < hull.size(); i++) {
            if (fields.noData(hull.x(i), hull.y(i))) {
                return false;
            }
        }
        return fields.maxCloudTau(hull) <= MAX_TAU_UNDER;
    }

    private static int clampInt(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
