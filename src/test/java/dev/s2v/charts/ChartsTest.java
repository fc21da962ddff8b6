package dev.s2v.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartsTest {
    @TempDir Path dir;

    private static XYChart chart(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title("t").build();
        Charts.styleAxes(chart.getStyler());
        chart.addSeries("line", new double[] {0, 1, 2}, new double[] {1, 0, 1});
        chart.addAnnotation(new NoteBox(List.of("n = 3", "seed 42"), true));
        return chart;
    }

    @Test
    void savesAChartAsPngAndSvgOfItsSize() throws Exception {
        Charts.save(chart(Charts.WIDTH, Charts.HEIGHT), dir.resolve("one"), true);
        BufferedImage png = ImageIO.read(dir.resolve("one.png").toFile());
        assertEquals(Charts.WIDTH, png.getWidth());
        assertEquals(Charts.HEIGHT, png.getHeight());
        String svg = Files.readString(dir.resolve("one.svg"));
        assertTrue(
                svg.contains("width=\"1200px\"") && svg.contains("height=\"800px\""),
                svg.substring(0, 300));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void aGridPutsRowsUnderEachOtherAndChartsSideBySide() throws Exception {
        List<List<XYChart>> rows =
                List.of(List.of(chart(600, 400), chart(600, 400)), List.of(chart(1200, 400)));
        Charts.saveGrid(rows, dir.resolve("grid"), true);
        BufferedImage png = ImageIO.read(dir.resolve("grid.png").toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(800, png.getHeight());
        assertTrue(Files.readString(dir.resolve("grid.svg")).contains("viewBox=\"0 0 1200 800\""));
        Charts.saveGrid(rows, dir.resolve("png-only"), false);
        assertTrue(Files.exists(dir.resolve("png-only.png")));
        assertTrue(Files.notExists(dir.resolve("png-only.svg")));
        assertThrows(IllegalArgumentException.class, () -> Charts.paintGrid(List.of(List.of())));
    }

    @Test
    void translucentKeepsTheColour() {
        assertEquals(
                Charts.VESSEL_CLASS.getRed(), Charts.translucent(Charts.VESSEL_CLASS, 60).getRed());
        assertEquals(60, Charts.translucent(Charts.VESSEL_CLASS, 60).getAlpha());
    }
}
