package dev.s2v.synth;

import java.util.List;

/**
 * Surface (bottom-of-atmosphere) reflectance of the materials a synthetic scene is painted with,
 * one value per Sentinel-2 band in band_id order: B01 443, B02 490, B03 560, B04 665, B05 705, B06
 * 740, B07 783, B08 842, B8A 865, B09 945, B10 1375, B11 1610, B12 2190 nm.
 *
 * <p>Where the numbers come from: approximate values at the band centres, read from published
 * laboratory and field spectra and rounded (not convolutions with the band response functions):
 *
 * <ul>
 *   <li>Vegetation, soils, sand, rocks, concrete, asphalt, roofing and paints: the USGS Spectral
 *       Library Version 7 (Kokaly et al. 2017, USGS Data Series 1035; e.g. Lawn_Grass GDS91,
 *       Conifer, Dry_Long_Grass, Sand, Basalt, Concrete, Asphalt, Paint and Plastic entries of the
 *       "artificial materials" chapter) and the ECOSTRESS spectral library, formerly ASTER
 *       (Baldridge et al. 2009; Meerdink et al. 2019; construction concrete, asphaltic concrete,
 *       red clay roofing tile, galvanised steel, painted metal, soils).
 *   <li>Water: clear ocean and turbid coastal water from the water-leaving reflectance shapes in
 *       Mobley (1994, Light and Water) and Ruddick et al. (2006, Limnol. Oceanogr. 51(2)) plus sky
 *       glint of about 0.02; checked against the sen2ships Level-2A port statistics (water medians
 *       B02 0.039, B03 0.037, B04 0.018, B08 0.010, B11 0.006).
 *   <li>Whitecaps and wake foam: Frouin et al. (1996, JGR 101(C6)) and Dierssen (2019, Frontiers in
 *       Earth Science 7): bright and flat in the visible, down about 40 % at 865 nm and 85 % in the
 *       SWIR.
 * </ul>
 *
 * B10 (1375 nm) sits in a strong water-vapour band: the surface values there matter little (the
 * atmosphere transmits about 1 %), they follow the 1.3-1.4 um parts of the same spectra.
 */
final class Materials {
    private Materials() {}

    // ---- water and foam ----
    static final Spectrum WATER_CLEAR =
            Spectrum.of(
                    0.040, 0.035, 0.022, 0.008, 0.006, 0.005, 0.0045, 0.004, 0.004, 0.003, 0.002,
                    0.002, 0.0015);
    static final Spectrum WATER_TURBID =
            Spectrum.of(
                    0.045, 0.055, 0.075, 0.050, 0.045, 0.024, 0.020, 0.017, 0.014, 0.008, 0.004,
                    0.004, 0.003);
    static final Spectrum FOAM =
            Spectrum.of(
                    0.40, 0.40, 0.39, 0.37, 0.35, 0.33, 0.31, 0.28, 0.26, 0.18, 0.10, 0.06, 0.03);

    // ---- land cover ----
    static final Spectrum GRASS =
            Spectrum.of(
                    0.030, 0.040, 0.085, 0.040, 0.125, 0.310, 0.410, 0.450, 0.460, 0.440, 0.150,
                    0.250, 0.115);
    static final Spectrum FOREST =
            Spectrum.of(
                    0.020, 0.025, 0.045, 0.025, 0.070, 0.180, 0.230, 0.260, 0.270, 0.260, 0.080,
                    0.130, 0.060);
    static final Spectrum DRY_GRASS =
            Spectrum.of(
                    0.050, 0.060, 0.090, 0.110, 0.150, 0.200, 0.230, 0.250, 0.260, 0.250, 0.150,
                    0.300, 0.220);
    static final Spectrum SOIL =
            Spectrum.of(
                    0.070, 0.090, 0.130, 0.180, 0.210, 0.230, 0.250, 0.270, 0.280, 0.280, 0.250,
                    0.350, 0.300);
    static final Spectrum SAND =
            Spectrum.of(
                    0.160, 0.190, 0.260, 0.310, 0.330, 0.350, 0.360, 0.370, 0.380, 0.380, 0.350,
                    0.450, 0.400);
    static final Spectrum ROCK_DARK =
            Spectrum.of(
                    0.050, 0.060, 0.065, 0.070, 0.075, 0.080, 0.080, 0.085, 0.085, 0.085, 0.090,
                    0.100, 0.100);
    static final Spectrum ROCK_LIGHT =
            Spectrum.of(
                    0.200, 0.230, 0.270, 0.300, 0.320, 0.330, 0.340, 0.350, 0.350, 0.350, 0.350,
                    0.380, 0.330);

    // ---- built surfaces ----
    static final Spectrum CONCRETE =
            Spectrum.of(
                    0.180, 0.210, 0.250, 0.270, 0.280, 0.290, 0.300, 0.310, 0.310, 0.310, 0.300,
                    0.340, 0.300);
    static final Spectrum ASPHALT =
            Spectrum.of(
                    0.050, 0.060, 0.070, 0.080, 0.085, 0.090, 0.095, 0.100, 0.100, 0.100, 0.110,
                    0.120, 0.110);
    static final Spectrum ROOF_TILE =
            Spectrum.of(
                    0.060, 0.070, 0.100, 0.240, 0.290, 0.320, 0.330, 0.340, 0.350, 0.350, 0.360,
                    0.400, 0.360);
    static final Spectrum ROOF_METAL =
            Spectrum.of(
                    0.280, 0.300, 0.310, 0.310, 0.310, 0.310, 0.310, 0.310, 0.310, 0.300, 0.280,
                    0.280, 0.250);

    // ---- paints and decks (vessels, containers, buoys, platforms) ----
    static final Spectrum PAINT_WHITE =
            Spectrum.of(
                    0.600, 0.680, 0.700, 0.700, 0.700, 0.700, 0.700, 0.700, 0.700, 0.680, 0.620,
                    0.600, 0.450);
    static final Spectrum PAINT_BLACK =
            Spectrum.of(
                    0.045, 0.045, 0.045, 0.045, 0.045, 0.046, 0.047, 0.048, 0.048, 0.048, 0.050,
                    0.050, 0.050);
    static final Spectrum PAINT_RED_OXIDE =
            Spectrum.of(
                    0.050, 0.050, 0.060, 0.220, 0.280, 0.300, 0.310, 0.320, 0.330, 0.330, 0.340,
                    0.360, 0.320);
    static final Spectrum PAINT_GREY =
            Spectrum.of(
                    0.160, 0.180, 0.190, 0.190, 0.190, 0.190, 0.190, 0.190, 0.190, 0.190, 0.180,
                    0.170, 0.150);
    static final Spectrum PAINT_BLUE =
            Spectrum.of(
                    0.100, 0.130, 0.090, 0.050, 0.060, 0.150, 0.280, 0.380, 0.390, 0.380, 0.350,
                    0.320, 0.200);
    static final Spectrum PAINT_GREEN =
            Spectrum.of(
                    0.040, 0.050, 0.110, 0.060, 0.090, 0.200, 0.270, 0.310, 0.320, 0.310, 0.300,
                    0.270, 0.170);
    static final Spectrum PAINT_ORANGE =
            Spectrum.of(
                    0.060, 0.070, 0.300, 0.480, 0.520, 0.540, 0.550, 0.560, 0.560, 0.550, 0.550,
                    0.550, 0.450);
    static final Spectrum TEAK_DECK =
            Spectrum.of(
                    0.060, 0.080, 0.120, 0.180, 0.220, 0.260, 0.280, 0.300, 0.310, 0.310, 0.320,
                    0.360, 0.280);

    /** Colours of shipping containers as seen in port yards and on deck. */
    static final List<Spectrum> CONTAINER_PALETTE =
            List.of(
                    PAINT_RED_OXIDE,
                    PAINT_BLUE,
                    PAINT_GREY,
                    PAINT_WHITE,
                    PAINT_ORANGE,
                    PAINT_GREEN,
                    PAINT_RED_OXIDE.mix(PAINT_ORANGE, 0.5),
                    PAINT_BLUE.mix(PAINT_GREY, 0.5));

    /**
     * Cloud top reflectance relative to the visible, per band: flat through the near infrared;
     * lower where liquid water absorbs (B11, B12; Nakajima and King 1990) and where water vapour
     * above a low cloud top absorbs (B09, and B10 where only high clouds are bright).
     */
    static final Spectrum CLOUD_RELATIVE =
            Spectrum.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0.75, 0.08, 0.75, 0.5);
}
