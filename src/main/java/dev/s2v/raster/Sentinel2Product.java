package dev.s2v.raster;

import dev.s2v.raster.ProductMetadata.TileGeocoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Sentinel-2 Level-1C product opened from its {@code .SAFE} folder, its zip (read in place
 * through GDAL's {@code /vsizip/}) or its {@code MTD_MSIL1C.xml}. Band files are opened when first
 * read and positioned by their own georeferencing, so cropped products work too.
 */
public final class Sentinel2Product implements BandSource {
    private static final double ALIGNMENT_TOLERANCE_M = 1e-3;

    private final ProductFiles files;
    private final ProductMetadata metadata;
    private final RasterGrid grid;
    private final Set<SpectralBand> present;
    private final Map<SpectralBand, RasterDataset> open = new EnumMap<>(SpectralBand.class);
    private final NearestNeighbour.Scratch scratch = new NearestNeighbour.Scratch();

    private Sentinel2Product(
            ProductFiles files,
            ProductMetadata metadata,
            RasterGrid grid,
            Set<SpectralBand> present) {
        this.files = files;
        this.metadata = metadata;
        this.grid = grid;
        this.present = present;
    }

    /**
     * Opens a product.
     *
     * @param path a {@code .SAFE} folder, its zip, or its {@code MTD_MSIL1C.xml}
     * @throws java.nio.file.NoSuchFileException when the path does not exist
     * @throws RasterFormatException when it is not a readable Sentinel-2 L1C product
     */
    public static Sentinel2Product open(Path path) throws IOException {
        ProductFiles files = ProductFiles.locate(path);
        ProductMetadata provisional;
        try (InputStream in = files.open(ProductFiles.PRODUCT_METADATA)) {
            provisional =
                    MetadataXml.parseProduct(
                            in, files.displayPath(ProductFiles.PRODUCT_METADATA), Optional.empty());
        }
        Optional<TileGeocoding> tile = readTile(files, provisional);
        ProductMetadata metadata =
                new ProductMetadata(
                        provisional.productId(),
                        provisional.productType(),
                        provisional.spacecraft(),
                        provisional.sensingStart(),
                        provisional.processingBaseline(),
                        provisional.quantificationValue(),
                        provisional.radioAddOffsets(),
                        provisional.offsetsDeclared(),
                        provisional.bandFiles(),
                        provisional.granuleIdentifier(),
                        provisional.datastripIdentifier(),
                        provisional.cloudCoverPercent(),
                        tile);
        Set<SpectralBand> present = EnumSet.noneOf(SpectralBand.class);
        metadata.bandFiles()
                .forEach(
                        (band, file) -> {
                            if (files.exists(file)) {
                                present.add(band);
                            }
                        });
        if (present.isEmpty()) {
            throw new RasterFormatException(
                    files.location(),
                    "none of the band files listed in MTD_MSIL1C.xml is present (first: "
                            + metadata.bandFiles().values().iterator().next()
                            + ")");
        }
        RasterGrid grid = grid10m(files, metadata, present);
        return new Sentinel2Product(files, metadata, grid, Collections.unmodifiableSet(present));
    }

    private static Optional<TileGeocoding> readTile(ProductFiles files, ProductMetadata metadata)
            throws IOException {
        String anyBandFile = metadata.bandFiles().values().iterator().next();
        int imgData = anyBandFile.indexOf("/IMG_DATA/");
        if (imgData < 0) {
            return Optional.empty();
        }
        String tileXml = anyBandFile.substring(0, imgData) + "/MTD_TL.xml";
        if (!files.exists(tileXml)) {
            return Optional.empty();
        }
        try (InputStream in = files.open(tileXml)) {
            return Optional.of(MetadataXml.parseTile(in, files.displayPath(tileXml)));
        }
    }

    /** The 10 m grid from the finest band file present, which carries the crop's own position. */
    private static RasterGrid grid10m(
            ProductFiles files, ProductMetadata metadata, Set<SpectralBand> present)
            throws RasterFormatException {
        SpectralBand reference =
                present.stream()
                        .min((a, b) -> Integer.compare(a.resolutionM(), b.resolutionM()))
                        .orElseThrow();
        String file = metadata.bandFiles().get(reference);
        try (RasterDataset dataset =
                RasterDataset.open(files.displayPath(file), files.gdalPath(file))) {
            RasterGrid nativeGrid = dataset.grid();
            int factor = reference.factorTo10m();
            GeoTransform transform = nativeGrid.transform();
            if (Math.abs(Math.abs(transform.pixelWidth()) - reference.resolutionM())
                    > ALIGNMENT_TOLERANCE_M) {
                throw new RasterFormatException(
                        dataset.path(),
                        reference,
                        "pixel size is "
                                + transform.pixelWidth()
                                + " m, expected "
                                + reference.resolutionM()
                                + " m");
            }
            String wkt = nativeGrid.crsWkt();
            OptionalInt epsg = nativeGrid.epsg();
            if (wkt.isEmpty() && metadata.tile().isPresent()) {
                epsg = OptionalInt.of(metadata.tile().get().epsg());
                wkt = CrsTransform.wktOfEpsg(epsg.getAsInt());
            }
            return new RasterGrid(
                    nativeGrid.width() * factor,
                    nativeGrid.height() * factor,
                    transform.scaled(1.0 / factor),
                    wkt,
                    epsg);
        }
    }

    /** What {@code MTD_MSIL1C.xml} (and {@code MTD_TL.xml}) say. */
    public ProductMetadata metadata() {
        return metadata;
    }

    @Override
    public String sceneId() {
        return metadata.productId();
    }

    @Override
    public Optional<Instant> sensingTime() {
        return Optional.of(metadata.sensingStart());
    }

    @Override
    public Optional<ProductLevel> level() {
        return Optional.of(ProductLevel.L1C);
    }

    /** None beyond the Copernicus credit every Sentinel-2 product carries. */
    @Override
    public Optional<String> attribution() {
        return Optional.empty();
    }

    @Override
    public Path path() {
        return files.location();
    }

    /** Whether the product was opened from a zip. */
    public boolean isZipped() {
        return files instanceof ProductFiles.Zipped;
    }

    @Override
    public RasterGrid grid() {
        return grid;
    }

    @Override
    public Set<SpectralBand> bands() {
        return present;
    }

    @Override
    public Radiometry radiometry(SpectralBand band) {
        return metadata.radiometry(band);
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
                (band, out) ->
                        NearestNeighbour.read(
                                dataset(band),
                                1,
                                band.factorTo10m(),
                                radiometry(band),
                                window,
                                grid.width(),
                                grid.height(),
                                out,
                                scratch));
    }

    private RasterDataset dataset(SpectralBand band) throws IOException {
        RasterDataset dataset = open.get(band);
        if (dataset != null) {
            return dataset;
        }
        String file = metadata.bandFiles().get(band);
        if (file == null) {
            throw new IllegalArgumentException(
                    sceneId() + " has no " + band + "; its bands: " + present);
        }
        if (!present.contains(band)) {
            throw new RasterFormatException(
                    files.displayPath(file),
                    band,
                    "listed in MTD_MSIL1C.xml but the file is absent");
        }
        dataset = RasterDataset.open(files.displayPath(file), files.gdalPath(file));
        try {
            checkAlignment(band, dataset);
        } catch (RasterFormatException e) {
            dataset.close();
            throw e;
        }
        open.put(band, dataset);
        return dataset;
    }

    private void checkAlignment(SpectralBand band, RasterDataset dataset)
            throws RasterFormatException {
        GeoTransform t = dataset.transform();
        GeoTransform g = grid.transform();
        int factor = band.factorTo10m();
        boolean pixelSize =
                Math.abs(Math.abs(t.pixelWidth()) - band.resolutionM()) <= ALIGNMENT_TOLERANCE_M;
        boolean origin =
                Math.abs(t.originX() - g.originX()) <= ALIGNMENT_TOLERANCE_M
                        && Math.abs(t.originY() - g.originY()) <= ALIGNMENT_TOLERANCE_M;
        // A coarse band of a grid whose size is no multiple of its factor has one partial pixel
        // more.
        boolean size =
                dataset.width() == NearestNeighbour.nativeSize(grid.width(), factor)
                        && dataset.height() == NearestNeighbour.nativeSize(grid.height(), factor);
        if (!pixelSize || !origin || !size) {
            throw new RasterFormatException(
                    dataset.path(),
                    band,
                    String.format(
                            "does not cover the product's grid: %d x %d px of %.1f m at (%.1f, %.1f), expected %d x %d px of %d m at (%.1f, %.1f)",
                            dataset.width(),
                            dataset.height(),
                            Math.abs(t.pixelWidth()),
                            t.originX(),
                            t.originY(),
                            NearestNeighbour.nativeSize(grid.width(), factor),
                            NearestNeighbour.nativeSize(grid.height(), factor),
                            band.resolutionM(),
                            g.originX(),
                            g.originY()));
        }
    }

    @Override
    public void close() {
        open.values().forEach(RasterDataset::close);
        open.clear();
    }
}
