package dev.s2v.synth;

import java.util.List;

/**
 * A real port on a real coast where a synthetic scene is placed: the scene gets the place's MGRS
 * tile, UTM CRS, sun angles and the general direction of its open sea; the coastline, land cover
 * and harbour inside the scene are synthetic.
 *
 * @param name the port, for tables
 * @param latDeg latitude of the harbour
 * @param lonDeg longitude of the harbour
 * @param seawardDeg direction from the shore to the open sea, degrees clockwise from north
 * @param aridity 0 for green, humid land .. 1 for desert (bare sand and soil)
 */
record CoastalSite(String name, double latDeg, double lonDeg, double seawardDeg, double aridity) {

    /** The sites a scene's seed chooses from. */
    static final List<CoastalSite> ALL =
            List.of(
                    new CoastalSite("Rotterdam", 51.955, 4.030, 285, 0.1),
                    new CoastalSite("Genoa", 44.405, 8.905, 180, 0.3),
                    new CoastalSite("Piraeus", 37.940, 23.615, 235, 0.55),
                    new CoastalSite("Algeciras", 36.130, -5.430, 95, 0.4),
                    new CoastalSite("Marseille", 43.330, 5.340, 260, 0.45),
                    new CoastalSite("Gdynia", 54.535, 18.565, 80, 0.1),
                    new CoastalSite("Bergen", 60.400, 5.300, 280, 0.05),
                    new CoastalSite("Alexandria", 31.190, 29.870, 330, 0.85),
                    new CoastalSite("Tanger Med", 35.890, -5.500, 5, 0.4),
                    new CoastalSite("Algiers", 36.775, 3.070, 15, 0.5),
                    new CoastalSite("Santos", -23.985, -46.300, 175, 0.1),
                    new CoastalSite("Durban", -29.870, 31.040, 105, 0.2),
                    new CoastalSite("Cape Town", -33.905, 18.430, 350, 0.45),
                    new CoastalSite("Lagos", 6.415, 3.400, 185, 0.1),
                    new CoastalSite("Jebel Ali", 25.010, 55.060, 315, 0.95),
                    new CoastalSite("Colombo", 6.950, 79.840, 270, 0.1),
                    new CoastalSite("Port Klang", 3.000, 101.370, 250, 0.05),
                    new CoastalSite("Singapore", 1.265, 103.800, 185, 0.05),
                    new CoastalSite("Manila", 14.585, 120.960, 255, 0.1),
                    new CoastalSite("Busan", 35.085, 129.050, 160, 0.2),
                    new CoastalSite("Fremantle", -32.050, 115.740, 270, 0.5),
                    new CoastalSite("Auckland", -36.840, 174.775, 25, 0.1),
                    new CoastalSite("Long Beach", 33.745, -118.210, 185, 0.6),
                    new CoastalSite("Galveston", 29.310, -94.790, 135, 0.2),
                    new CoastalSite("Halifax", 44.635, -63.560, 155, 0.1),
                    new CoastalSite("Valparaiso", -33.030, -71.620, 335, 0.5),
                    new CoastalSite("Las Palmas", 28.140, -15.420, 75, 0.75),
                    new CoastalSite("Mumbai", 18.950, 72.840, 255, 0.3));
}
