package dev.s2v.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelDescriptorTest {
    private static final String GOLDEN = "/dev/s2v/model/model.xml";

    @TempDir Path dir;

    @Test
    void writesTheDocumentedXml() throws IOException {
        Path file = dir.resolve("model.xml");
        Descriptors.sevenBands().write(file);
        assertEquals(golden(), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = dir.resolve("model.xml");
        ModelDescriptor max = Descriptors.sevenBands();
        max.write(file);
        assertEquals(max, ModelDescriptor.read(file));

        ModelDescriptor standard =
                Descriptors.of(
                        List.of(SpectralBand.B04, SpectralBand.B08),
                        Normalization.standard(new double[] {0.1, -0.2}, new double[] {0.05, 1e-3}),
                        new UNetArchitecture(2, 32, 3, 0, false, Decoder.UPSAMPLE_CONV));
        standard.write(file); // replaces the first
        assertEquals(standard, ModelDescriptor.read(file));
        assertTrue(Files.readString(file).contains("<std_values>"));
    }

    @Test
    void aModelWithoutALevelReadsAsUnknownAndWarnsOfNothing() throws IOException {
        Path file = dir.resolve("model.xml");
        Files.writeString(file, golden().replace(" level=\"L1C\"", ""));
        ModelDescriptor old = ModelDescriptor.read(file);
        assertEquals(Optional.empty(), old.inputLevel());
        assertEquals(Optional.empty(), old.levelMismatch(Optional.of(ProductLevel.L2A), "x.tif"));
    }

    @Test
    void imageryOfTheOtherLevelIsNamedInOneLine() {
        ModelDescriptor l1c = Descriptors.sevenBands();
        assertEquals(
                Optional.of(
                        "was trained on Level-1C (top-of-atmosphere reflectance) but algiers.tif"
                                + " is Level-2A (surface reflectance): expect more misses and false"
                                + " alarms than its own evaluation shows"),
                l1c.levelMismatch(Optional.of(ProductLevel.L2A), "algiers.tif"));
        assertEquals(Optional.empty(), l1c.levelMismatch(Optional.of(ProductLevel.L1C), "product"));
        assertEquals(Optional.empty(), l1c.levelMismatch(Optional.empty(), "export.tif"));
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of(
                        "level=\"L1C\"",
                        "level=\"L3\"",
                        "<input_scale level>: unknown processing level 'L3'; allowed: L1C, L2A"),
                Arguments.of(
                        "<band>B8A</band>",
                        "<band>B99</band>",
                        "<bands>: unknown band 'B99'; valid band names: B01, B02, B03, B04, B05,"
                                + " B06, B07, B08, B8A, B09, B10, B11, B12"),
                Arguments.of("<band>B8A</band>", "<band>B02</band>", "<bands> lists B02 twice"),
                Arguments.of(
                        "<tile_size>32</tile_size>",
                        "<tile_size>3x</tile_size>",
                        "<tile_size> '3x' is not a whole number"),
                Arguments.of(
                        "<tile_size>32</tile_size>",
                        "<tile_size>30</tile_size>",
                        "tile_size must be a positive multiple of 4 (2^depth), got 30"),
                Arguments.of(
                        "<tile_size>32</tile_size>",
                        "",
                        "has no <tile_size> in <training_parameters>"),
                Arguments.of(
                        "<threshold>0.45</threshold>",
                        "<treshold>0.45</treshold>",
                        "unknown element <treshold>; allowed: architecture, bands, created,"
                                + " experiment, input_scale, loss, normalization, s2v_version,"
                                + " threshold, tile_size, training_dataset"),
                Arguments.of(
                        "<threshold>0.45</threshold>",
                        "<threshold>1.5</threshold>",
                        "threshold must be between 0 and 1 (exclusive), got 1.5"),
                Arguments.of(
                        "<threshold>0.45</threshold>",
                        "<threshold>0.45</threshold><threshold>0.5</threshold>",
                        "<threshold> appears twice"),
                Arguments.of(
                        "format_version=\"1\"",
                        "format_version=\"2\"",
                        "<training_parameters> format_version is '2', this s2v reads 1"),
                Arguments.of(
                        "2026-11-25T10:15:30Z",
                        "yesterday",
                        "<created> 'yesterday' is not a UTC time"),
                Arguments.of(
                        "reflectance=\"true\"",
                        "reflectance=\"yes\"",
                        "<input_scale> reflectance is 'yes'; allowed: true, false"),
                Arguments.of(
                        "kind=\"max\"",
                        "kind=\"minmax\"",
                        "<normalization>: unknown normalization 'minmax'; allowed: max, standard"),
                Arguments.of(
                        "<value band=\"B02\">0.31</value>",
                        "<value band=\"B02\">-0.31</value>",
                        "<normalization>: normalization of band 1 needs a finite center and a"
                                + " positive finite scale, got 0.0 and -0.31"),
                Arguments.of(
                        "<value band=\"B02\">0.31</value>",
                        "<value band=\"B03\">0.31</value>",
                        "<max_values> entry 1 must be <value band=\"B02\">, in the order of"
                                + " <bands>"),
                Arguments.of(
                        "<value band=\"B02\">0.31</value>",
                        "",
                        "<max_values> has 6 values for 7 bands"),
                Arguments.of(
                        "<value band=\"B02\">0.31</value>",
                        "<value band=\"B02\">NaN</value>",
                        "<value> 'NaN' is not a number"),
                Arguments.of(
                        "filters=\"16\"",
                        "filters=\"24\"",
                        "<architecture>: filters must be a positive multiple of 16 (16, 32, 64,"
                                + " ...), got 24: libtorch's CPU convolutions compute wrong"
                                + " gradients for other channel counts"),
                Arguments.of(
                        "decoder=\"transposed\"",
                        "decoder=\"bilinear\"",
                        "<architecture>: unknown decoder 'bilinear'; allowed: transposed,"
                                + " upsample_conv"),
                Arguments.of(
                        "parameter_count=\"",
                        "parameter_count=\"1",
                        "<architecture> parameter_count 1131697 does not match the 131697 of"
                                + " its filters, depth, batch_norm and bands"),
                Arguments.of(
                        "batch_norm=\"true\"",
                        "batch_norm=\"false\"",
                        "<architecture> parameter_count 131697 does not match the 130417 of its"
                                + " filters, depth, batch_norm and bands"),
                Arguments.of(" depth=\"2\"", "", "<architecture> has no depth attribute"),
                Arguments.of(
                        "name=\"focal\"",
                        "name=\"dicee\"",
                        "<loss>: unknown loss 'dicee'; allowed: dice, bce, dice_bce, jaccard,"
                                + " focal, tversky"),
                Arguments.of(
                        "name=\"gamma\"",
                        "name=\"gama\"",
                        "<loss>: loss focal has no parameter 'gama'; allowed: gamma, alpha"),
                Arguments.of(
                        "<experiment>quickstart</experiment>",
                        "<experiment> </experiment>",
                        "<experiment> is empty"),
                Arguments.of(
                        "<training_parameters",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><training_parameters",
                        "not readable XML: DOCTYPE is disallowed when the feature"
                                + " \"http://apache.org/xml/features/disallow-doctype-decl\" set to"
                                + " true."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidFiles")
    void refusesAnInvalidElementInOneLineNamingFileAndElement(
            String original, String replacement, String message) throws IOException {
        String xml = golden();
        assertTrue(xml.contains(original), original);
        Path file = dir.resolve("model.xml");
        Files.writeString(
                file, xml.replaceFirst(java.util.regex.Pattern.quote(original), replacement));
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> ModelDescriptor.read(file));
        assertEquals(file + ": " + message, e.getMessage());
        assertEquals(file, e.path());
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThrows(
                NoSuchFileException.class, () -> ModelDescriptor.read(dir.resolve("model.xml")));
    }

    @Test
    void componentsMustAgree() {
        ModelDescriptor d = Descriptors.sevenBands();
        assertEquals(
                "normalization has values for 1 bands but bands lists 7",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        Descriptors.of(
                                                d.bands(),
                                                Normalization.max(new double[] {1}),
                                                d.architecture()))
                        .getMessage());
        assertEquals(
                "the architecture takes 3 input bands but bands lists 7",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        Descriptors.of(
                                                d.bands(),
                                                d.normalization(),
                                                new UNetArchitecture(
                                                        3, 16, 2, 0, true, Decoder.TRANSPOSED)))
                        .getMessage());
        assertEquals(0.6, d.withThreshold(0.6).threshold());
        assertEquals(d.bands(), d.withThreshold(0.6).bands());
    }

    private static String golden() throws IOException {
        try (InputStream in = ModelDescriptorTest.class.getResourceAsStream(GOLDEN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Regenerates the golden file: run from the project root after a deliberate format change. */
    public static void main(String[] args) throws IOException {
        Descriptors.sevenBands().write(Path.of("src/test/resources" + GOLDEN));
    }
}
