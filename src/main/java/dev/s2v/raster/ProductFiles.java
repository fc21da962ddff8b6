package dev.s2v.raster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The files of a SAFE product, in a folder or read in place from its zip (never unpacked). */
abstract sealed class ProductFiles permits ProductFiles.Folder, ProductFiles.Zipped {
    static final String PRODUCT_METADATA = "MTD_MSIL1C.xml";

    /** What the user gave: the folder or the zip. */
    abstract Path location();

    /** A file of the product as messages name it. */
    abstract Path displayPath(String relative);

    /** A file of the product as GDAL opens it. */
    abstract String gdalPath(String relative);

    abstract boolean exists(String relative);

    abstract InputStream open(String relative) throws IOException;

    /**
     * Finds the product behind a SAFE folder, its zip, or its {@code MTD_MSIL1C.xml}.
     *
     * @throws NoSuchFileException when the path does not exist
     * @throws RasterFormatException when it is not a Sentinel-2 L1C product
     */
    static ProductFiles locate(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(PRODUCT_METADATA))) {
                return new Folder(path);
            }
            if (Files.isRegularFile(path.resolve("MTD_MSIL2A.xml"))) {
                throw new RasterFormatException(
                        path,
                        "a Level-2A product; s2v reads Level-1C products (or GeoTIFF band stacks)");
            }
            throw new RasterFormatException(
                    path, "not a Sentinel-2 L1C product: the folder holds no " + PRODUCT_METADATA);
        }
        String name = path.getFileName().toString();
        if (name.equals(PRODUCT_METADATA)) {
            return new Folder(path.toAbsolutePath().getParent());
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return Zipped.open(path);
        }
        throw new RasterFormatException(
                path,
                "not a Sentinel-2 L1C product: expected a .SAFE folder, its .zip or its "
                        + PRODUCT_METADATA);
    }

    static final class Folder extends ProductFiles {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        Path location() {
            return root;
        }

        @Override
        Path displayPath(String relative) {
            return root.resolve(relative);
        }

        @Override
        String gdalPath(String relative) {
            return root.resolve(relative).toAbsolutePath().toString();
        }

        @Override
        boolean exists(String relative) {
            return Files.isRegularFile(root.resolve(relative));
        }

        @Override
        InputStream open(String relative) throws IOException {
            return Files.newInputStream(root.resolve(relative));
        }
    }

    static final class Zipped extends ProductFiles {
        private final Path zip;
        private final String prefix;
        private final Set<String> entries;

        private Zipped(Path zip, String prefix, Set<String> entries) {
            this.zip = zip;
            this.prefix = prefix;
            this.entries = entries;
        }

        static Zipped open(Path zip) throws RasterFormatException {
            Set<String> entries = new HashSet<>();
            String prefix = null;
            try (ZipFile file = new ZipFile(zip.toFile())) {
                var it = file.entries();
                while (it.hasMoreElements()) {
                    String entry = it.nextElement().getName();
                    entries.add(entry);
                    // The metadata sits at the top of the zip or directly inside the .SAFE folder.
                    if (entry.equals(PRODUCT_METADATA)) {
                        prefix = "";
                    } else if (prefix == null
                            && entry.endsWith("/" + PRODUCT_METADATA)
                            && entry.indexOf('/')
                                    == entry.length() - PRODUCT_METADATA.length() - 1) {
                        prefix = entry.substring(0, entry.length() - PRODUCT_METADATA.length());
                    }
                }
            } catch (IOException e) {
                throw new RasterFormatException(
                        zip, "not a readable zip file: " + e.getMessage(), e);
            }
            if (prefix == null) {
                throw new RasterFormatException(
                        zip, "not a Sentinel-2 L1C product: the zip holds no " + PRODUCT_METADATA);
            }
            return new Zipped(zip, prefix, entries);
        }

        @Override
        Path location() {
            return zip;
        }

        @Override
        Path displayPath(String relative) {
            return Path.of(zip + "!/" + prefix + relative);
        }

        @Override
        String gdalPath(String relative) {
            return "/vsizip/" + zip.toAbsolutePath() + "/" + prefix + relative;
        }

        @Override
        boolean exists(String relative) {
            return entries.contains(prefix + relative);
        }

        @Override
        InputStream open(String relative) throws IOException {
            // Metadata files are small: read the entry and close the zip at once.
            try (ZipFile file = new ZipFile(zip.toFile())) {
                ZipEntry entry = file.getEntry(prefix + relative);
                if (entry == null) {
                    throw new NoSuchFileException(displayPath(relative).toString());
                }
                try (InputStream in = file.getInputStream(entry)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        }
    }
}
