package dev.s2v.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of s2v this build is. */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {}

    /** The project version from the Maven build, e.g. 0.1.0. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/s2v/version.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "version.properties is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
