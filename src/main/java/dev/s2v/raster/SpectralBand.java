package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The thirteen bands of the Sentinel-2 MultiSpectral Instrument, declared in ESA's {@code band_id}
 * order (so B8A sits between B08 and B09, not after B12 as a sort of file names would put it).
 */
public enum SpectralBand {
    B01(60, 443, "coastal aerosol"),
    B02(10, 490, "blue"),
    B03(10, 560, "green"),
    B04(10, 665, "red"),
    B05(20, 705, "red edge 1"),
    B06(20, 740, "red edge 2"),
    B07(20, 783, "red edge 3"),
    B08(10, 842, "near infrared"),
    B8A(20, 865, "narrow near infrared"),
    B09(60, 945, "water vapour"),
    B10(60, 1375, "cirrus"),
    B11(20, 1610, "shortwave infrared 1"),
    B12(20, 2190, "shortwave infrared 2");

    private final int resolutionM;
    private final int wavelengthNm;
    private final String description;

    SpectralBand(int resolutionM, int wavelengthNm, String description) {
        this.resolutionM = resolutionM;
        this.wavelengthNm = wavelengthNm;
        this.description = description;
    }

    /** ESA's {@code band_id} / {@code bandId} index used in the product metadata (0..12). */
    public int bandId() {
        return ordinal();
    }

    /** Native ground sampling distance of the band in metres (10, 20 or 60). */
    public int resolutionM() {
        return resolutionM;
    }

    /** How many 10 m pixels one native pixel spans along each axis (1, 2 or 6). */
    public int factorTo10m() {
        return resolutionM / 10;
    }

    /** Nominal central wavelength in nanometres, as ESA rounds it for users. */
    public int wavelengthNm() {
        return wavelengthNm;
    }

    /** Plain-language name of the spectral region, e.g. "near infrared". */
    public String description() {
        return description;
    }

    /** Label for charts and tables, e.g. {@code B08 842 nm}. */
    public String label() {
        return name() + " " + wavelengthNm + " nm";
    }

    /** The band with ESA's {@code band_id}. */
    public static SpectralBand ofBandId(int bandId) {
        if (bandId < 0 || bandId >= values().length) {
            throw new IllegalArgumentException("band_id must be 0..12, got " + bandId);
        }
        return values()[bandId];
    }

    /**
     * Parses a band name as files ({@code B02}, {@code B8A}) or metadata ({@code B2}) spell it, in
     * any letter case.
     *
     * @throws IllegalArgumentException naming the valid names when the text is not a band
     */
    public static SpectralBand parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.matches("B\\d")) {
            name = "B0" + name.charAt(1);
        }
        for (SpectralBand band : values()) {
            if (band.name().equals(name)) {
                return band;
            }
        }
        throw new IllegalArgumentException(
                "unknown band '" + text + "'; valid band names: " + validNames());
    }

    /** Parses a comma-separated list such as {@code B02,B03,B04,B08}, keeping the given order. */
    public static List<SpectralBand> parseList(String commaSeparated) {
        List<SpectralBand> bands = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                SpectralBand band = parse(part);
                if (bands.contains(band)) {
                    throw new IllegalArgumentException(
                            "band " + band + " is listed twice in '" + commaSeparated + "'");
                }
                bands.add(band);
            }
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no band names in '" + commaSeparated + "'");
        }
        return List.copyOf(bands);
    }

    /** All valid names in band_id order, comma separated. */
    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
