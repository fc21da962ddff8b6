package dev.s2v.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

/** Skips a test when libtorch cannot be loaded through DJL (it can wherever Maven runs). */
public final class Torch {
    private Torch() {}

    /** The PyTorch engine with its random seed fixed, or the calling test is skipped. */
    public static Engine assumeEngine() {
        Engine engine = null;
        try {
            engine = EngineInfo.engine();
        } catch (EngineUnavailableException e) {
            assumeTrue(false, e.getMessage());
        }
        engine.setRandomSeed(42);
        return engine;
    }
}
