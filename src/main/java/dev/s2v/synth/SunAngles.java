package dev.s2v.synth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The sun's position seen from a place at a time, with NOAA's low-precision algorithm ("General
 * Solar Position Calculations", NOAA Global Monitoring Division; Spencer 1971 series), good to a
 * few tenths of a degree.
 *
 * @param zenithDeg sun zenith angle, 0 = overhead
 * @param azimuthDeg direction towards the sun, degrees clockwise from north
 */
record SunAngles(double zenithDeg, double azimuthDeg) {

    /** The sun's position at {@code time} over a place. */
    static SunAngles at(Instant time, double latDeg, double lonDeg) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        double gamma = 2 * Math.PI / 365 * (utc.getDayOfYear() - 1 + (hour - 12) / 24);
        double eqTimeMin =
                229.18
                        * (0.000075
                                + 0.001868 * StrictMath.cos(gamma)
                                - 0.032077 * StrictMath.sin(gamma)
                                - 0.014615 * StrictMath.cos(2 * gamma)
                                - 0.040849 * StrictMath.sin(2 * gamma));
        double declination =
                0.006918
                        - 0.399912 * StrictMath.cos(gamma)
                        + 0.070257 * StrictMath.sin(gamma)
                        - 0.006758 * StrictMath.cos(2 * gamma)
                        + 0.000907 * StrictMath.sin(2 * gamma)
                        - 0.002697 * StrictMath.cos(3 * gamma)
                        + 0.00148 * StrictMath.sin(3 * gamma);
        double trueSolarMin = hour * 60 + eqTimeMin + 4 * lonDeg;
        double hourAngle = StrictMath.toRadians(trueSolarMin / 4 - 180);
        double lat = StrictMath.toRadians(latDeg);
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
        return new SunAngles(zenith, azimuth % 360);
    }
}
