package dev.s2v;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the code and their one-way order, checked on the compiled classes (every dependency
 * the bytecode has, not only the imports a source file shows).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/s2v");
    private static JavaClasses code;

    @BeforeAll
    static void importTheCode() {
        code =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.s2v");
    }

    @Test
    void onlyRasterTouchesGdalAndOnlyCliTouchesPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.s2v.raster..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.gdal..")
                .check(code);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.s2v.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(code);
    }

    @Test
    void evaluationWorksOnPlainArraysWithoutDjl() {
        noClasses()
                .that()
                .resideInAPackage("dev.s2v.evaluation..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(code);
    }

    @Test
    void fileWritingIsALeafEveryRoomMayUse() {
        classes()
                .that()
                .resideInAPackage("dev.s2v.files..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.s2v.files..", "java..")
                .check(code);
    }

    /**
     * Bottom to top: files, raster, config; charts, synth, dataset, model; evaluation, exploration;
     * inference, training; bench; cli. A room may use only rooms below it.
     */
    @Test
    void roomsDependOneWayOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("files")
                .definedBy("dev.s2v.files..")
                .layer("raster")
                .definedBy("dev.s2v.raster..")
                .layer("config")
                .definedBy("dev.s2v.config..")
                .layer("charts")
                .definedBy("dev.s2v.charts..")
                .layer("synth")
                .definedBy("dev.s2v.synth..")
                .layer("dataset")
                .definedBy("dev.s2v.dataset..")
                .layer("model")
                .definedBy("dev.s2v.model..")
                .layer("evaluation")
                .definedBy("dev.s2v.evaluation..")
                .layer("exploration")
                .definedBy("dev.s2v.exploration..")
                .layer("inference")
                .definedBy("dev.s2v.inference..")
                .layer("training")
                .definedBy("dev.s2v.training..")
                .layer("bench")
                .definedBy("dev.s2v.bench..")
                .layer("cli")
                .definedBy("dev.s2v.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("bench")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("training")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("inference")
                .mayOnlyBeAccessedByLayers("bench", "cli")
                .whereLayer("exploration")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("evaluation")
                .mayOnlyBeAccessedByLayers("inference", "training", "bench", "cli")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("evaluation", "inference", "training", "bench", "cli")
                .whereLayer("dataset")
                .mayOnlyBeAccessedByLayers(
                        "evaluation", "exploration", "inference", "training", "bench", "cli")
                .whereLayer("synth")
                .mayOnlyBeAccessedByLayers("training", "bench", "cli")
                .whereLayer("charts")
                .mayOnlyBeAccessedByLayers("evaluation", "exploration", "inference", "training")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers(
                        "dataset",
                        "model",
                        "evaluation",
                        "exploration",
                        "inference",
                        "training",
                        "bench",
                        "cli")
                .whereLayer("raster")
                .mayOnlyBeAccessedByLayers(
                        "config",
                        "synth",
                        "dataset",
                        "model",
                        "evaluation",
                        "exploration",
                        "inference",
                        "training",
                        "bench",
                        "cli")
                .check(code);
    }

    @Test
    void roomsHaveNoCycles() {
        slices().matching("dev.s2v.(*)..").should().beFreeOfCycles().check(code);
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
}
