package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.Natives;
import dev.s2v.raster.RasterDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynthCommandTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({
        "--scenes, 0, --scenes",
        "--size, 32, --size",
        "--size, 20000, --size",
        "--baseline, 5.9, --baseline",
        "--vessel-density, -1, --vessel-density",
        "--scenes, many, --scenes",
        "--level, L3, 'allowed: L1C, L2A'",
        "--randomise, true, --randomise",
        "--bands, B02, --bands"
    })
    void badValuesExitWithTwoAndOneLineNamingTheOption(String option, String value, String named) {
        CliRunner run =
                option.equals("--randomise")
                        ? CliRunner.run("synth", "--out", dir.toString(), option)
                        : CliRunner.run("synth", "--out", dir.toString(), option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }

    @Test
    @Tag("native")
    void writesAScenePrintsASummaryAndRefusesToOverwrite() {
        Natives.assumeGdal();
        Path out = dir.resolve("synthetic");
        CliRunner run =
                CliRunner.run("synth", "--out", out.toString(), "--size", "64", "--seed", "5");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(
                lines[0].matches(
                        "S2[AB]_MSIL1C_\\S+  64x64  .+ vessels, \\d+ in mask, \\d+ px .+ s"),
                lines[0]);
        assertTrue(lines[1].startsWith("1 scene(s) in "), lines[1]);
        assertTrue(Files.isRegularFile(out.resolve("scenes.csv")));

        CliRunner again = CliRunner.run("synth", "--out", out.toString(), "--size", "64");
        assertEquals(2, again.exitCode());
        assertTrue(again.errIsOneLine(), again.err());
        assertTrue(again.err().contains("--overwrite"), again.err());

        CliRunner overwrite =
                CliRunner.run("synth", "--out", out.toString(), "--size", "64", "--overwrite");
        assertEquals(0, overwrite.exitCode(), overwrite.err());
    }

    @ParameterizedTest
    @CsvSource({"--zip, --zip", "'--bands=B02,B10', other than B10"})
    void l2aRefusesWhatAStackCannotHold(String option, String named) {
        CliRunner run = CliRunner.run("synth", "--out", dir.toString(), "--level", "L2A", option);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }

    @Test
    @Tag("native")
    void writesAnL2aStackWithTheChosenBands() throws IOException {
        Natives.assumeGdal();
        Path out = dir.resolve("l2a");
        CliRunner run =
                CliRunner.run(
                        "synth",
                        "--out",
                        out.toString(),
                        "--size",
                        "64",
                        "--seed",
                        "5",
                        "--level",
                        "l2a",
                        "--bands",
                        "B03,B08,B11",
                        "--no-randomise");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines[0].matches("S2[AB]_MSIL2A_\\S+  64x64  .+ s"), lines[0]);
        String id = lines[0].substring(0, lines[0].indexOf(' '));
        assertTrue(Files.isRegularFile(out.resolve(id + "_labels.geojson")));
        assertTrue(Files.isRegularFile(out.resolve(id + "_mask.tif")));
        try (RasterDataset stack = RasterDataset.open(out.resolve(id + ".tif"))) {
            assertEquals(3, stack.bandCount());
            assertEquals("B11", stack.description(3));
            assertTrue(stack.metadataItem("LOOK", "").contains("haze residue 0.0000"));
        }
    }
}
