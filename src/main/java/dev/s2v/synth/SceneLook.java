package dev.s2v.synth;

/**
 * How a Level-2A scene looks beyond what its plan fixes: the colour of its water, its sun glint,
 * the haze an atmospheric correction leaves, how much the processing chain smooths its bands, and
 * how bright its vessels' paint is. With domain randomisation each scene draws these from its own
 * seed over the ranges below, chosen so that many scenes pooled match the sen2ships statistics;
 * without, a scene keeps its plan's water, glint and vessel paint, no residue and the middle of the
 * smoothing range. Places, vessels and labels never change: an L2A scene and the L1C product of the
 * same seed share them.
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

    // Water colour: the share t of Materials.WATER_TURBID mixed into WATER_CLEAR (B04 0.008 at
    // t = 0, 0.050 at t = 1) in the open water, and the extra share near the shore, which fades
    // over the plan's plume width. Each is drawn as max * u^2 (u uniform), so most ports are
    // fairly clear and a few turbid (medians 0.075 and 0.15). The sen2ships water quartiles (B04
    // 0.011-0.023, B03 0.029-0.048) correspond to t of about 0.07-0.35.
    static final double TURBIDITY_BASE_MAX = 0.3;
    static final double TURBIDITY_COAST_MAX = 0.6;

    // Sun glint: on in three scenes of four, its peak surface reflectance log-uniform in
    // 0.003-0.08 (a scene's glint pattern averages about half its peak). Glint is flat across the
    // bands while the water itself is almost black beyond 800 nm, so glint is what lifts L2A
    // water in B08 and B11: sen2ships medians 0.010 and 0.006, p95 0.036 and 0.031, which these
    // values reproduce (L2aReferenceStatisticsTest).
    static final double GLINT_CHANCE = 0.75;
    static final double GLINT_MIN = 0.003;
    static final double GLINT_MAX = 0.08;

    // Haze residue at 550 nm: an aerosol retrieval that errs by a few hundredths of optical depth
    // either way leaves path reflectance of some thousandths; an overestimate (negative) darkens
    // dark water towards the 1e-4 floor in the NIR and SWIR, as the lowest percentiles of real
    // L2A water are. Centred a little below 0 because with a range centred on 0 the synthetic
    // water came out 0.002-0.004 brighter than sen2ships in the visible.
    static final double HAZE_RESIDUE_MIN = -0.009;
    static final double HAZE_RESIDUE_MAX = 0.003;

    // Sensor smoothing: sen2ships was exported at 10 Mercator metres (5.8-10 m on the ground) with
    // Sentinel Hub's interpolation and warped to 10 m UTM with 'average' resampling (its README),
    // together about a Gaussian of 0.5-0.8 pixels on top of the MSI's own point spread, which the
    // renderer already applies. Checked on B11: the mean absolute difference of pixels one apart
    // over that of pixels two apart is 0.52-0.53 in both sen2ships and these stacks (0.5 for a
    // smooth band, 1 for noise).
    static final double SMOOTHING_MIN_PX = 0.5;
    static final double SMOOTHING_MAX_PX = 0.8;

    // Vessel paint: the planner's vessels, painted with laboratory spectra, are brighter in the
    // NIR and SWIR than real ships. Over the pixels of the sen2ships masks eroded by one pixel
    // (hull pixels, without the water the generous outlines take in) the medians are B04 0.138,
    // B08 0.159, B11 0.142, against 0.146, 0.216 and 0.179 for the planner's vessels under the
    // tight synthetic mask. A factor drawn from 0.5-1 per scene (mean 0.75, the B08 ratio) brings
    // the NIR and SWIR to the real ships and leaves the visible bands inside their real quartiles.
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
