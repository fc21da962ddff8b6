package dev.s2v.cli;

import dev.s2v.config.BuildInfo;
import dev.s2v.model.EngineInfo;
import dev.s2v.model.EngineUnavailableException;
import dev.s2v.raster.Gdal;
import dev.s2v.raster.NativeLibraryException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description =
                "Show the versions of Java, DJL, libtorch and GDAL this s2v runs on, and check the natives.")
final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = ExitCodes.OK;
        row(out, "s2v", BuildInfo.version());
        row(
                out,
                "java",
                System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vm.name")
                        + ", "
                        + System.getProperty("java.home")
                        + ")");
        row(
                out,
                "max heap",
                Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MiB, "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores");
        try {
            EngineInfo engine = EngineInfo.probe();
            row(
                    out,
                    "djl",
                    engine.djlVersion()
                            + " (offline: "
                            + Boolean.getBoolean("ai.djl.offline")
                            + ")");
            row(
                    out,
                    "libtorch",
                    engine.libtorchVersion()
                            + ", "
                            + engine.intraOpThreads()
                            + " intra-op / "
                            + engine.interOpThreads()
                            + " inter-op threads");
            row(out, "djl cache", engine.cacheDir().toString());
            row(
                    out,
                    "tcmalloc",
                    engine.tcmallocActive()
                            ? "active"
                            : "NOT active (libtorch runs 2-4x slower; start s2v with ./s2v)");
        } catch (EngineUnavailableException e) {
            err.println("s2v: " + e.getMessage());
            code = ExitCodes.INTERNAL;
        }
        try {
            row(out, "gdal", Gdal.version());
            row(
                    out,
                    "drivers",
                    "GTiff "
                            + yesNo(Gdal.hasDriver("GTiff"))
                            + ", JP2OpenJPEG "
                            + yesNo(Gdal.hasDriver("JP2OpenJPEG"))
                            + ", SENTINEL2 "
                            + yesNo(Gdal.hasDriver("SENTINEL2")));
            row(out, "gdal jni", System.getProperty("java.library.path"));
            if (!Gdal.hasDriver("GTiff") || !Gdal.hasDriver("JP2OpenJPEG")) {
                err.println(
                        "s2v: GDAL lacks the GTiff or JP2OpenJPEG driver: install Debian's libgdal32 (scripts/setup-natives does)");
                code = ExitCodes.INTERNAL;
            }
        } catch (NativeLibraryException e) {
            err.println("s2v: " + e.getMessage());
            code = ExitCodes.INTERNAL;
        }
        return code;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "NO";
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("%-10s %s%n", key, value);
    }
}
