package dev.s2v.cli;

import dev.s2v.inference.WindowSettings;
import picocli.CommandLine.Option;

/** How commands that predict whole scenes cut them into windows. */
final class WindowOptions {
    @Option(
            names = "--window",
            defaultValue = "" + WindowSettings.DEFAULT_WINDOW_PX,
            paramLabel = "PX",
            description =
                    "Window side, a multiple of the model's 2^depth (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--overlap",
            defaultValue = "" + WindowSettings.DEFAULT_OVERLAP_PX,
            paramLabel = "PX",
            description =
                    "Pixels shared by neighbouring windows; half is cut from each side"
                            + " (default: ${DEFAULT-VALUE}).")
    int overlap;

    @Option(
            names = "--batch",
            defaultValue = "" + WindowSettings.DEFAULT_BATCH,
            paramLabel = "N",
            description = "Windows per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    WindowSettings settings() {
        return new WindowSettings(window, overlap, batch);
    }
}
