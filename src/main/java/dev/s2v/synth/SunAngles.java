package dev.s2v.synth;

import java.time.Instant;

/**
 * The sun's position seen from a place at a time, with the algorithm of NOAA's solar calculator
 * (after Meeus, Astronomical Algorithms, 1991): good to about 0.01 degrees between 1900 and 2100,
 * refraction ignored.
 *
 * @param zenithDeg sun zenith angle, 0 = overhead
 * @param azimuthDeg direction towards the sun, degrees clockwise from north
 */
record SunAngles(double zenithDeg, double azimuthDeg) {

    /** The sun's position at {@code time} over a place. */
    static SunAngles at(Instant time, double latDeg, double lonDeg) {
        double julianDay = time.getEpochSecond() / 86400.0 + time.getNano() / 8.64e13 + 2440587.5;
        double t = (julianDay - 2451545) / 36525;
        double meanLongitude = floorMod(280.46646 + t * (36000.76983 + t * 0.0003032), 360);
        double meanAnomaly = rad(357.52911 + t * (35999.05029 - 0.0001537 * t));
        double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        double centre =
                StrictMath.sin(meanAnomaly) * (1.914602 - t * (0.004817 + 0.000014 * t))
                        + StrictMath.sin(2 * meanAnomaly) * (0.019993 - 0.000101 * t)
                        + StrictMath.sin(3 * meanAnomaly) * 0.000289;
        double omega = rad(125.04 - 1934.136 * t);
        double apparentLongitude =
                rad(meanLongitude + centre - 0.00569 - 0.00478 * StrictMath.sin(omega));
        double obliquity =
                rad(
                        23
                                + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60)
                                        / 60
                                + 0.00256 * StrictMath.cos(omega));
        double declination =
                StrictMath.asin(StrictMath.sin(obliquity) * StrictMath.sin(apparentLongitude));
        double y = StrictMath.tan(obliquity / 2) * StrictMath.tan(obliquity / 2);
        double l0 = rad(meanLongitude);
        double equationOfTimeMin =
                4
                        * StrictMath.toDegrees(
                                y * StrictMath.sin(2 * l0)
                                        - 2 * eccentricity * StrictMath.sin(meanAnomaly)
                                        + 4
                                                * eccentricity
                                                * y
                                                * StrictMath.sin(meanAnomaly)
                                                * StrictMath.cos(2 * l0)
                                        - 0.5 * y * y * StrictMath.sin(4 * l0)
                                        - 1.25
                                                * eccentricity
                                                * eccentricity
                                                * StrictMath.sin(2 * meanAnomaly));
        double utcMinutes = floorMod(time.getEpochSecond() / 60.0 + time.getNano() / 6e10, 1440);
        double trueSolarMin = floorMod(utcMinutes + equationOfTimeMin + 4 * lonDeg, 1440);
        double hourAngle = rad(trueSolarMin / 4 - 180);
        double lat = rad(latDeg);
        double cosZenith =
                StrictMath.sin(lat) * StrictMath.sin(declination)
                        + StrictMath.cos(lat)
                                * StrictMath.cos(declination)
                                * StrictMath.cos(hourAngle);
        double zenith = StrictMath.toDegrees(StrictMath.acos(Math.max(-1, Math.min(1, cosZenith))));
        double azimuth =
                StrictMath.toDegrees(
                                StrictMath.atan2(
                                        StrictMath.sin(hourAngle),
                                        StrictMath.cos(hourAngle) * StrictMath.sin(lat)
                                                - StrictMath.tan(declination)
                                                        * StrictMath.cos(lat)))
                        + 180;
        return new SunAngles(zenith, floorMod(azimuth, 360));
    }

    private static double rad(double deg) {
        return StrictMath.toRadians(deg);
    }

    private static double floorMod(double v, double m) {
        return v - m * Math.floor(v / m);
    }
}
