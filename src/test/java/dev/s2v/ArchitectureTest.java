package dev.s2v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of the style guide, checked on the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/s2v");

    @Test
    void onlyRasterImportsGdalAndOnlyCliImportsPicocli() throws IOException {
        assertEquals(List.of(), offenders("import org.gdal.", "raster"));
        assertEquals(List.of(), offenders("import picocli.", "cli"));
    }

    @Test
    void evaluationWorksOnPlainArraysWithoutDjl() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("evaluation"))) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains("import ai.djl.")) {
                    offenders.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(
                        Files.isRegularFile(dir.resolve("package-info.java")),
                        dir + " lacks package-info.java");
            }
        }
    }

    private static List<String> offenders(String importPrefix, String allowedPackage)
            throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getName(0).toString();
                if (!pkg.equals(allowedPackage) && Files.readString(file).contains(importPrefix)) {
                    offenders.add(file.toString());
                }
            }
        }
        return offenders;
    }
}
