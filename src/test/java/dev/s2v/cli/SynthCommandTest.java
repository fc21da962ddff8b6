package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.Natives;
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
        "--scenes, many, --scenes"
    })
    void badValuesExitWithTwoAndOneLineNamingTheOption(String option, String value, String named) {
        CliRunner run = CliRunner.run("synth", "--out", dir.toString(), option, value);
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
}
