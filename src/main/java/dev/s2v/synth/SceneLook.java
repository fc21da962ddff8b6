package dev.s2v.synth;

/**
 * How a Level-2A scene looks beyond what its plan fixes: the colour of its water, its sun glint,
 * the haze an atmospheric correction leaves, and how much the processing chain smooths its bands.
 * With domain randomisation each scene draws these from its own seed over the ranges below, wider
 * than any one real scene and covering the sen2ships ports; without, a scene keeps its plan's water
 * and glint, no residue and the middle of the smoothing range. Places, vessels and labels never
 * change: an L2A scene and the L1C product of the same seed share them.
 *
 * @param turbidityBase share of turbid water in the open water, 0..1 (0 = {@code
 *     Materials.WATER_CLEAR})
 * @param turbidityCoast extra turbidity near the shore, fading over the plan's plume width, 0..1
 * @param glintStrength peak sun-glint surface reflectance, 0 for none
 * @param hazeResidue550 path reflectance at 550 nm the correction leaves everywhere (negative: it
 *     took out too much), spread over the bands as aerosol scattering is
 * @param smoothingSigmaPx standard deviation, in 10 m pixels, of the Gaussian every band is blurred
 *     with after 20 m and 60 m bands are interpolated onto the 10 m grid, at least 0
 * @param vesselBrightness factor on every vessel's paint (weathering, dirt, the shade of cargo and
 *     superstructure a flat deck model lacks), 0..1; 1 keeps the plan's vessels
 */
public record SceneLook(
        double turbidityBase,
        double turbidityCoast,
        double glintStrength,
        double hazeResidue550,
        double smoothingSigmaPx,
        double vesselBrightness) {

    // Water colour, as the share of Materials.WATER_TURBID mixed into WATER_CLEAR: from clear open
    // water (0; B04 0.008) to turbid coastal water (B04 0.03-0.05). The sen2ships water quartiles
    // (B04 0.011-0.023, B03 0.029-0.048) sit at shares of about 0.1-0.35; its p95 (B04 0.067)
    // needs glint or sediment plumes on top. Ranges a little wider than that, so that a model sees
    // clearer and more turbid ports than the eleven.
    static final double TURBIDITY_BASE_MAX = 0.3;
    static final double TURBIDITY_COAST_MAX = 0.6;

    // Sun glint: on in about half the scenes (the sen2ships ports lie at 6-54 degrees latitude,
    // most imaged in summer with the sun 20-40 degrees from the zenith, where Sentinel-2's glint
    // geometry often reaches the swath); its peak surface reflectance up to 0.05, which puts the
    // glinting water where the real water p95 is (B08 0.036, B11 0.031: glint is flat across the
    // bands, turbidity is not).
    static final double GLINT_CHANCE = 0.75;
    static final double GLINT_MIN = 0.003;
    static final double GLINT_MAX = 0.08;

    // Haze residue at 550 nm: Sen2Cor's aerosol retrieval over ports, with little dense dark
    // vegetation, errs by some hundredths of AOT, which leaves path reflectance of the order of
    // 0.005-0.01 in the visible (ACIX, Doxani et al. 2018, Remote Sensing 10(2) 352); a little
    // below 0 (over-correction, dark water clipped towards 0 in the NIR and SWIR) to 0.01.
    static final double HAZE_RESIDUE_MIN = -0.009;
    static final double HAZE_RESIDUE_MAX = 0.003;

    // Sensor smoothing: sen2ships was exported at 10 Mercator metres (5.8-10 m on the ground) with
    // Sentinel Hub's interpolation and warped to 10 m UTM with 'average' resampling (its README);
    // together about a Gaussian of 0.5-0.8 pixels on top of the MSI's own point spread, which the
    // renderer already applies.
    static final double SMOOTHING_MIN_PX = 0.5;
    static final double SMOOTHING_MAX_PX = 0.8;

    // Vessel paint: the planner's vessels, painted with laboratory spectra, are brighter in the
    // NIR and SWIR than real ships: over the pixels of sen2ships masks eroded by one pixel (hull
    // pixels, without the water the generous outlines take in) the medians are B04 0.138, B08
    // 0.159, B11 0.142, against 0.146, 0.216 and 0.179 for the planner's vessels under the tight
    // synthetic mask. A factor of 0.7-1 per scene brings the NIR and SWIR towards the real ships
    // and keeps the visible bands within their range.
    static final double VESSEL_BRIGHTNESS_MIN = 0.5;

    // Mixed into the scene's seed so that the look's draws are a stream of their own: the plan
    // drawn from the same seed stays exactly the L1C plan.
    private static final long LOOK_STREAM = 0x4c32414c4f4f4bL;

    /** Validates the ranges. */
    public SceneLook {
        if (!(turbidityBase >= 0 && turbidityBase <= 1)
                || !(turbidityCoast >= 0 && turbidityCoast <= 1)) {
            throw new IllegalArgumentException(
                    "turbidity shares must be 0..1, got "
                            + turbidityBase
                            + " (open water) and "
                            + turbidityCoast
                            + " (near the shore)");
        }
        if (!(glintStrength >= 0) || Double.isInfinite(glintStrength)) {
            throw new IllegalArgumentException(
                    "glint strength must be a finite reflectance >= 0, got " + glintStrength);
        }
        if (!Double.isFinite(hazeResidue550) || Math.abs(hazeResidue550) > 0.1) {
            throw new IllegalArgumentException(
                    "haze residue must be a reflectance between -0.1 and 0.1, got "
                            + hazeResidue550);
        }
        if (!(smoothingSigmaPx >= 0 && smoothingSigmaPx <= 5)) {
            throw new IllegalArgumentException(
                    "smoothing sigma must be 0..5 pixels, got " + smoothingSigmaPx);
        }
        if (!(vesselBrightness > 0 && vesselBrightness <= 1)) {
            throw new IllegalArgumentException(
                    "vessel brightness must be a factor in (0, 1], got " + vesselBrightness);
        }
    }

    /**
     * The look of a planned scene: drawn from its seed, or its plan's own without randomisation.
     */
    static SceneLook of(ScenePlan plan, boolean randomise) {
        if (!randomise) {
            SceneFields.Water water = plan.fields().waterParameters();
            return new SceneLook(
                    water.turbidityBase(),
                    water.turbidityCoast(),
                    plan.fields().glintParameters().strength(),
                    0,
                    (SMOOTHING_MIN_PX + SMOOTHING_MAX_PX) / 2,
                    1);
        }
        Draws d = new Draws(plan.seed() ^ LOOK_STREAM);
        return new SceneLook(
                TURBIDITY_BASE_MAX * squared(d.uniform(0, 1)),
                TURBIDITY_COAST_MAX * squared(d.uniform(0, 1)),
                d.chance(GLINT_CHANCE)
                        ? StrictMath.exp(
                                d.uniform(StrictMath.log(GLINT_MIN), StrictMath.log(GLINT_MAX)))
                        : 0,
                d.uniform(HAZE_RESIDUE_MIN, HAZE_RESIDUE_MAX),
                d.uniform(SMOOTHING_MIN_PX, SMOOTHING_MAX_PX),
                d.uniform(VESSEL_BRIGHTNESS_MIN, 1));
    }

    private static double squared(double v) {
        return v * v;
    }

    /**
     * The plan with this look's water, glint and vessel paint; everything else, the vessels'
     * outlines included, as planned.
     */
    ScenePlan applyTo(ScenePlan plan) {
        SceneFields fields = plan.fields();
        SceneFields.Water water = fields.waterParameters();
        SceneFields.Glint glint = fields.glintParameters();
        return plan.with(
                fields.with(
                        new SceneFields.Water(
                                turbidityBase, turbidityCoast, water.plumeM(), water.seed()),
                        new SceneFields.Glint(
                                glintStrength, glint.gradientDeg(), glint.waveDeg(), glint.seed())),
                plan.vessels().stream().map(v -> v.dimmed(vesselBrightness)).toList());
    }

    /** The corrected atmosphere an L2A scene of this look is rendered through. */
    Atmosphere atmosphere(ScenePlan plan) {
        return plan.atmosphere().corrected(hazeResidue550);
    }
}
