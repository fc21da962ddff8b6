package dev.s2v.synth;

import dev.s2v.raster.SpectralBand;

/**
 * A simple, stated atmosphere that turns surface reflectance into top-of-atmosphere (L1C)
 * reflectance for a nadir view:
 *
 * <pre>
 *   rho_toa(b) = rho_path(b) + T(b) * rho_surface(b)
 * </pre>
 *
 * <ul>
 *   <li>Path reflectance: single scattering of molecules (Rayleigh optical depth after Hansen and
 *       Travis 1974, phase 3/4 (1 + cos^2)) and of aerosol (optical depth {@code aot550 *
 *       (lambda/550)^-0.8}, single-scattering albedo 0.95, Henyey-Greenstein phase with g = 0.7),
 *       {@code omega * tau * P / (4 cos(sun zenith))} (single scattering; multiple scattering would
 *       add a tenth or so). It is strongest in the blue: over clear water B01 gets about 0.095 of
 *       path against 0.002 in B12.
 *   <li>Transmittance, sun to ground to sensor: {@code exp(-(tau_R/2 + 0.3 tau_a + tau_gas) * m)}
 *       with the air mass {@code m = 1/cos(sun zenith) + 1}; half of the molecular and most of the
 *       aerosol scattering still reaches the ground as diffuse light. Gases: ozone (Chappuis band,
 *       300 DU), water vapour (B09 and B10 sit in its bands; B10 transmits about 1 %, so the
 *       surface hardly shows there), CO2 and CH4 in B11 and B12.
 *   <li>Haze: a local aerosol optical depth up to 5 times the scene's; tabulated at {@value
 *       #HAZE_LEVELS} levels of the haze field.
 *   <li>Shadowed ground keeps only the diffuse share of its irradiance (a fifth in the blue, less
 *       than a tenth in the SWIR); sun glint reaches the sensor through the direct transmittance.
 * </ul>
 *
 * With a sun zenith of 35 degrees and AOT 0.12 this gives, over clear water, B02 about 0.09 and B04
 * about 0.03: the range real L1C water shows (0.07-0.10 in B02).
 *
 * <p>{@link #corrected} gives what a Level-2A atmospheric correction leaves of the same atmosphere:
 * the same four tables, so the renderer composes either view of a scene with the same code.
 */
final class Atmosphere {
    /** Number of tabulated haze levels (haze 0 .. 1). */
    static final int HAZE_LEVELS = 256;

    private static final int BANDS = Spectrum.BANDS;
    private static final double HAZE_AOT_GAIN = 4;

    /** The share of local haze a Level-2A correction leaves (see {@link #corrected}). */
    static final double HAZE_LEFT = 0.25;

    private static final double ANGSTROM = 0.8;
    private static final double AEROSOL_ALBEDO = 0.95;
    private static final double AEROSOL_ASYMMETRY = 0.7;

    // Optical depths of 300 DU ozone per band (Chappuis band; Gorshelev et al. 2014 cross
    // sections).
    private static final double[] OZONE = {
        0.001, 0.007, 0.033, 0.021, 0.012, 0.007, 0.003, 0.002, 0.001, 0, 0, 0, 0
    };
    // Water-vapour optical depth per g/cm2 of column, band averaged (HITRAN-based band models).
    private static final double[] VAPOUR_PER_CM = {
        0, 0, 0, 0.001, 0.004, 0.002, 0.003, 0.008, 0.002, 0.25, 1.0, 0.002, 0.008
    };
    // CO2, CH4 and O2 optical depths per band.
    private static final double[] OTHER_GASES = {0, 0, 0, 0, 0, 0, 0.002, 0, 0, 0, 0, 0.005, 0.03};

    private final float[][] path = new float[HAZE_LEVELS][BANDS];
    private final float[][] transmittance = new float[HAZE_LEVELS][BANDS];
    private final float[][] direct = new float[HAZE_LEVELS][BANDS];
    private final float[][] diffuseShare = new float[HAZE_LEVELS][BANDS];

    private Atmosphere() {}

    /**
     * @param sunZenithDeg sun zenith angle
     * @param aot550 aerosol optical thickness at 550 nm away from haze
     * @param waterVapourCm precipitable water in g/cm2
     */
    Atmosphere(double sunZenithDeg, double aot550, double waterVapourCm) {
        double mu = StrictMath.cos(StrictMath.toRadians(sunZenithDeg));
        double airMass = 1 / mu + 1;
        // Nadir view: the scattering angle is 180 degrees minus the sun zenith.
        double cosScatter = -mu;
        double rayleighPhase = 0.75 * (1 + cosScatter * cosScatter);
        double g = AEROSOL_ASYMMETRY;
        double aerosolPhase = (1 - g * g) / StrictMath.pow(1 + g * g - 2 * g * cosScatter, 1.5);
        SpectralBand[] bands = SpectralBand.values();
        for (int level = 0; level < HAZE_LEVELS; level++) {
            double haze = level / (double) (HAZE_LEVELS - 1);
            double aot = aot550 * (1 + HAZE_AOT_GAIN * haze);
            for (int b = 0; b < BANDS; b++) {
                double micron = bands[b].wavelengthNm() / 1000.0;
                double tauR = rayleighDepth(micron);
                double tauA = aot * StrictMath.pow(micron / 0.55, -ANGSTROM);
                double tauGas = OZONE[b] + VAPOUR_PER_CM[b] * waterVapourCm + OTHER_GASES[b];
                double scattered =
                        (tauR * rayleighPhase + AEROSOL_ALBEDO * tauA * aerosolPhase) / (4 * mu);
                // Most path radiance is scattered above the absorbing gases' bulk: half their
                // depth.
                path[level][b] = (float) (scattered * StrictMath.exp(-0.5 * tauGas * airMass));
                transmittance[level][b] =
                        (float) StrictMath.exp(-(tauR / 2 + 0.3 * tauA + tauGas) * airMass);
                direct[level][b] = (float) StrictMath.exp(-(tauR + tauA + tauGas) * airMass);
                double directDown = StrictMath.exp(-(tauR + tauA) / mu);
                double totalDown = StrictMath.exp(-(tauR / 2 + 0.3 * tauA) / mu);
                diffuseShare[level][b] = (float) (1 - directDown / totalDown);
            }
        }
    }

    /**
     * What a Level-2A correction leaves of this atmosphere. It removes the scene's clear-sky
     * atmosphere (haze level 0) everywhere, so clear ground reads as its surface reflectance, and
     * most of the local haze: Sen2Cor retrieves the aerosol per pixel and smooths it over a few
     * kilometres, while the haze patches here are 8-30 km across; {@value #HAZE_LEFT} of the haze's
     * extra path and dimming stays. A retrieval error leaves {@code residue550} of path reflectance
     * at 550 nm everywhere (negative when the aerosol was overestimated), spread over the bands as
     * aerosol scattering is, {@code (lambda/550)^-0.8}. Shadows keep only their diffuse light, as
     * in real L2A products, and sun glint stays: a correction takes out neither.
     */
    Atmosphere corrected(double residue550) {
        Atmosphere c = new Atmosphere();
        SpectralBand[] bands = SpectralBand.values();
        for (int level = 0; level < HAZE_LEVELS; level++) {
            for (int b = 0; b < BANDS; b++) {
                double micron = bands[b].wavelengthNm() / 1000.0;
                double residue = residue550 * StrictMath.pow(micron / 0.55, -ANGSTROM);
                double clear = transmittance[0][b];
                double dimming = 1 + HAZE_LEFT * (transmittance[level][b] / clear - 1);
                c.path[level][b] =
                        (float) (residue + HAZE_LEFT * (path[level][b] - path[0][b]) / clear);
                c.transmittance[level][b] = (float) dimming;
                c.direct[level][b] = (float) (direct[level][b] / transmittance[level][b] * dimming);
                c.diffuseShare[level][b] = diffuseShare[level][b];
            }
        }
        return c;
    }

    /** Rayleigh optical depth of the standard atmosphere (Hansen and Travis 1974, eq. 2.29). */
    static double rayleighDepth(double micron) {
        double l2 = micron * micron;
        return 0.008569 / (l2 * l2) * (1 + 0.0113 / l2 + 0.00013 / (l2 * l2));
    }

    /** The haze level (table row) of a haze value in 0..1. */
    static int level(double haze) {
        double h = haze <= 0 ? 0 : haze >= 1 ? 1 : haze;
        return (int) (h * (HAZE_LEVELS - 1) + 0.5);
    }

    /** Path reflectance per band (band_id order) at a haze level; do not modify. */
    float[] path(int level) {
        return path[level];
    }

    /** Sun-ground-sensor transmittance per band at a haze level; do not modify. */
    float[] transmittance(int level) {
        return transmittance[level];
    }

    /** Direct (unscattered) two-way transmittance per band, for specular sun glint. */
    float[] direct(int level) {
        return direct[level];
    }

    /** The share of the ground irradiance that is diffuse sky light (what a shadow keeps). */
    float[] diffuseShare(int level) {
        return diffuseShare[level];
    }
}
