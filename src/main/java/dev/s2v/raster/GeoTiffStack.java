package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GeoTIFF (or any GDAL raster) whose band descriptions are Sentinel-2 band names, as Google Earth
 * Engine and Sentinel Hub export them; all bands on one grid, values turned into reflectance by a
 * {@link ScaleRule}.
 */
public final class GeoTiffStack implements BandSource {
    private static final Pattern DATE_TIME = Pattern.compile("(?<!\\d)(\\d{8}T\\d{6})(?!\\d)");
    private static final Pattern LEVEL_IN_NAME = Pattern.compile("MSI(L1C|L2A)");
    private static final Pattern LEVEL_IN_METADATA =
            Pattern.compile("^\\s*(?:LEVEL[-_ ]?)?(1C|2A)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPERNICUS_CREDIT =
            Pattern.compile(
                    "contains modified Copernicus Sentinel data[^;]*", Pattern.CASE_INSENSITIVE);
    private final RasterDataset dataset;
    private final Map<SpectralBand, Integer> bandIndex;
    private final Map<SpectralBand, Radiometry> radiometry;
    private final RasterGrid grid;
    private final NearestNeighbour.Scratch scratch = new NearestNeighbour.Scratch();

    private GeoTiffStack(
            RasterDataset dataset,
            Map<SpectralBand, Integer> bandIndex,
            Map<SpectralBand, Radiometry> radiometry) {
        this.dataset = dataset;
        this.bandIndex = Collections.unmodifiableMap(bandIndex);
        this.radiometry = Collections.unmodifiableMap(radiometry);
        this.grid = dataset.grid();
    }

    /**
     * Opens a band stack.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws RasterFormatException when it is no raster, lacks band names, or the scale rule
     *     cannot be applied
     */
    public static GeoTiffStack open(Path path, ScaleRule scale) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        RasterDataset dataset = RasterDataset.open(path);
        try {
            Map<SpectralBand, Integer> index = new EnumMap<>(SpectralBand.class);
            Map<SpectralBand, Radiometry> radiometry = new EnumMap<>(SpectralBand.class);
            for (int b = 1; b <= dataset.bandCount(); b++) {
                String description = dataset.description(b);
                if (description.isEmpty()) {
                    throw new RasterFormatException(
                            path,
                            "band "
                                    + b
                                    + " has no description; a band stack needs Sentinel-2 band names (B02, B03, ...) as band descriptions");
                }
                SpectralBand band;
                try {
                    band = SpectralBand.parse(description);
                } catch (IllegalArgumentException e) {
                    throw new RasterFormatException(
                            path,
                            "band "
                                    + b
                                    + " is described as '"
                                    + description
                                    + "', not a Sentinel-2 band name (valid: "
                                    + SpectralBand.validNames()
                                    + ")");
                }
                if (index.put(band, b) != null) {
                    throw new RasterFormatException(
                            path,
                            "band name "
                                    + band
                                    + " appears twice (bands "
                                    + index.get(band)
                                    + " and "
                                    + b
                                    + ")");
                }
                radiometry.put(band, scale.radiometry(dataset, b));
            }
            return new GeoTiffStack(dataset, index, radiometry);
        } catch (IOException | RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    @Override
    public String sceneId() {
        String name = dataset.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public Optional<Instant> sensingTime() {
        Matcher m = DATE_TIME.matcher(sceneId());
        try {
            if (m.find()) {
                return Optional.of(
                        LocalDateTime.parse(
                                        m.group(1),
                                        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                                .toInstant(ZoneOffset.UTC));
            }
            String date = dataset.metadataItem("ACQUISITION_DATE", "");
            if (!date.isBlank()) {
                return Optional.of(
                        LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        } catch (DateTimeParseException e) {
            // Digits that only look like a date-time (a month 13, say): no sensing time.
        }
        return Optional.empty();
    }

    @Override
    public Optional<ProductLevel> level() {
        String stated = dataset.metadataItem("PROCESSING_LEVEL", "");
        Matcher m = LEVEL_IN_METADATA.matcher(stated.replaceFirst("^\\s*L(?=\\d)", ""));
        if (m.find()) {
            return Optional.of(ProductLevel.parse("L" + m.group(1)));
        }
        Matcher named = LEVEL_IN_NAME.matcher(sceneId());
        return named.find() ? Optional.of(ProductLevel.parse(named.group(1))) : Optional.empty();
    }

    @Override
    public Optional<String> attribution() {
        for (String key : List.of("ATTRIBUTION", "TIFFTAG_COPYRIGHT", "LICENCE", "LICENSE")) {
            Matcher credit = COPERNICUS_CREDIT.matcher(dataset.metadataItem(key, ""));
            if (credit.find()) {
                String line = credit.group().trim();
                return Optional.of(Character.toUpperCase(line.charAt(0)) + line.substring(1));
            }
        }
        return Optional.empty();
    }

    @Override
    public Path path() {
        return dataset.path();
    }

    @Override
    public RasterGrid grid() {
        return grid;
    }

    @Override
    public Set<SpectralBand> bands() {
        return bandIndex.keySet();
    }

    @Override
    public Radiometry radiometry(SpectralBand band) {
        Radiometry r = radiometry.get(band);
        if (r == null) {
            throw new IllegalArgumentException(
                    path() + " has no " + band + "; its bands: " + bands());
        }
        return r;
    }

    @Override
    public BandWindow read(List<SpectralBand> bands, PixelWindow window, BandWindow reuse)
            throws IOException {
        return BandWindow.read(
                sceneId(),
                grid,
                bands,
                window,
                reuse,
                (band, out) -> {
                    Radiometry r = radiometry(band);
                    NearestNeighbour.read(
                            dataset,
                            bandIndex.get(band),
                            1,
                            r,
                            window,
                            grid.width(),
                            grid.height(),
                            out,
                            scratch);
                });
    }

    @Override
    public void close() {
        dataset.close();
    }
}
