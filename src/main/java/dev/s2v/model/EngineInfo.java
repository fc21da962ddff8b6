package dev.s2v.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the deep-learning engine runs on: DJL and libtorch versions, threads, native cache.
 *
 * @param djlVersion DJL's version
 * @param libtorchVersion the PyTorch (libtorch) version DJL loaded
 * @param intraOpThreads libtorch's intra-op threads
 * @param interOpThreads libtorch's inter-op threads
 * @param cacheDir where DJL unpacks its natives
 * @param tcmallocActive whether tcmalloc is loaded into this process (libtorch is 2-4x slower on
 *     glibc malloc)
 */
public record EngineInfo(
        String djlVersion,
        String libtorchVersion,
        int intraOpThreads,
        int interOpThreads,
        Path cacheDir,
        boolean tcmallocActive) {
    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE = "PyTorch";

    /**
     * Loads libtorch (if not yet loaded) and reports on it.
     *
     * @throws EngineUnavailableException when libtorch cannot be loaded
     */
    public static EngineInfo probe() {
        Engine engine = engine();
        return new EngineInfo(
                Engine.getDjlVersion(),
                engine.getVersion(),
                JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(),
                Utils.getEngineCacheDir(),
                tcmallocLoaded());
    }

    /**
     * The PyTorch engine.
     *
     * @throws EngineUnavailableException when libtorch cannot be loaded
     */
    public static Engine engine() {
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EngineUnavailableException(
                    "libtorch cannot be loaded through DJL ("
                            + e.getMessage()
                            + "): start s2v with ./s2v, which puts pytorch-native-cpu on the class path and sets -Dai.djl.offline=true",
                    e);
        }
    }

    private static boolean tcmallocLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libtcmalloc");
        } catch (IOException e) {
            return false;
        }
    }
}
