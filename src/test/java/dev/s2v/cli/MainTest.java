package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.BuildInfo;
import dev.s2v.raster.Natives;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class MainTest {
    private static final String N0400 =
            "S2B_MSIL1C_20220615T101559_N0400_R065_T32UPC_20220615T122549";

    @TempDir Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(MainTest.class.getResource("/real-l1c/" + name).toURI());
    }

    @Test
    void helpAndVersion() {
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("inspect"), help.out());
        assertTrue(help.out().contains("info"), help.out());
        CliRunner version = CliRunner.run("--version");
        assertEquals(0, version.exitCode());
        assertEquals("s2v " + BuildInfo.version(), version.out().strip());
        assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void debugIsRecognisedHoweverPicocliAcceptsIt() {
        for (String[] args :
                new String[][] {
                    {"--debug", "info"},
                    {"--debug=true", "info"},
                    {"info", "--debug"},
                    {"info", "--debug=TRUE"}
                }) {
            assertTrue(Main.debugRequested(parse(args)), String.join(" ", args));
            assertTrue(Main.debugRequested(args), String.join(" ", args));
        }
        for (String[] args :
                new String[][] {{"info"}, {"--debug=false", "info"}, {"info", "--debug=false"}}) {
            assertFalse(Main.debugRequested(parse(args)), String.join(" ", args));
            assertFalse(Main.debugRequested(args), String.join(" ", args));
        }
    }

    private static ParseResult parse(String... args) {
        return new CommandLine(new Main()).parseArgs(args);
    }

    @Test
    void argumentMistakesExitWithTwoAndOneLine() {
        CliRunner unknownOption = CliRunner.run("inspect", "--frobnicate", "x");
        assertEquals(2, unknownOption.exitCode());
        assertTrue(unknownOption.errIsOneLine(), unknownOption.err());
        assertTrue(unknownOption.err().contains("--frobnicate"));

        CliRunner unknownCommand = CliRunner.run("teleport");
        assertEquals(2, unknownCommand.exitCode());
        assertTrue(unknownCommand.errIsOneLine(), unknownCommand.err());

        CliRunner nothing = CliRunner.run();
        assertEquals(2, nothing.exitCode());
    }

    @Test
    void anOutputFolderUnderARegularFileIsRefusedForWhatItIs() throws Exception {
        Natives.assumeGdal();
        Path file = Files.writeString(dir.resolve("afile"), "");
        CliRunner synth =
                CliRunner.run(
                        "synth",
                        "--out",
                        file.resolve("products").toString(),
                        "--scenes",
                        "1",
                        "--size",
                        "64",
                        "--seed",
                        "1");
        assertEquals(2, synth.exitCode(), synth.err());
        assertTrue(synth.errIsOneLine(), synth.err());
        assertTrue(
                synth.err().contains(file + ": is a file, so no folder can be made"), synth.err());
        // Files.createDirectories on the file itself: the JDK's reasonless "already exists".
        assertTrue(ErrorReporter.isUserError(new FileAlreadyExistsException(file.toString())));
        assertFalse(
                ErrorReporter.isUserError(
                        new FileSystemException(dir.resolve("out").toString(), null, "I/O error")));
    }

    @Test
    @Tag("native")
    void infoReportsTheNatives() {
        Natives.assumeGdal();
        CliRunner info = CliRunner.run("info");
        assertEquals(0, info.exitCode(), info.err());
        for (String key :
                new String[] {
                    "java",
                    "djl",
                    "libtorch",
                    "threads",
                    "gdal",
                    "GTiff yes",
                    "JP2OpenJPEG yes",
                    "tcmalloc",
                    "djl cache"
                }) {
            assertTrue(info.out().contains(key), key + " missing from\n" + info.out());
        }
    }

    @Test
    @Tag("native")
    void inspectShowsWhatTheReaderFound() throws Exception {
        Natives.assumeGdal();
        CliRunner r =
                CliRunner.run("inspect", fixture(N0400 + ".zip").toString(), "--nodata", "B02,B8A");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(N0400));
        assertTrue(r.out().contains("04.00"));
        assertTrue(r.out().contains("offsets -1000 (all bands)"));
        assertTrue(r.out().contains("EPSG:32632"));
        assertTrue(r.out().contains("12 x 6 px of 10 m"));
        assertTrue(r.out().contains("crop of the tile at col 9060, row 7818"), r.out());
        assertTrue(r.out().contains("25.000 %"), "B02: 18 of 72 pixels are fill\n" + r.out());
        assertTrue(r.out().contains("16.667 %"), "B8A: 3 of 18 pixels are fill\n" + r.out());
        assertTrue(
                r.out().indexOf("B08 ") < r.out().indexOf("B8A ")
                        && r.out().indexOf("B8A ") < r.out().indexOf("B09 "));
    }

    @Test
    @Tag("native")
    void badInputsExitWithTwoAndOneLine() throws Exception {
        Natives.assumeGdal();
        Path notProduct = Files.createDirectories(dir.resolve("not-a-product"));
        String[][] cases = {
            {"inspect", dir.resolve("missing.SAFE").toString()},
            {"inspect", notProduct.toString()},
            {"inspect", fixture(N0400 + ".zip").toString(), "--nodata", "B13"},
            {"inspect", Files.writeString(dir.resolve("x.zip"), "junk").toString()},
            {
                "inspect",
                fixture("S2B_MSIL1C_20200406T101559_N0209_R065_T32UPC_20200406T130159.zip")
                        .toString(),
                "--nodata",
                "B02"
            },
            {"inspect", fixture(N0400 + ".zip").toString(), "--scale", "ten"},
        };
        for (String[] args : cases) {
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.errIsOneLine(), r.err());
            assertTrue(r.err().startsWith("s2v: "), r.err());
        }
        CliRunner debug = CliRunner.run("inspect", notProduct.toString(), "--debug");
        assertEquals(2, debug.exitCode());
        assertTrue(debug.err().contains("\tat "), "--debug shows the stack trace");
    }
}
