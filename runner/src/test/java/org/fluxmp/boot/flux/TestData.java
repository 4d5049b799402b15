package org.fluxmp.boot.flux;

import java.nio.file.Path;

/** Where the Flux fixtures live: testdata/flux/ (wire captures, samples, the fake flux command). */
public final class TestData {
    private TestData() {}

    /** The repository root: system property fluxmp.home, set by the surefire config. */
    public static Path home() {
        String prop = System.getProperty("fluxmp.home");
        return (prop != null ? Path.of(prop) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path flux() {
        return home().resolve("testdata/flux");
    }

    public static Path wire(String name) {
        return flux().resolve("wire").resolve(name + ".jsonl");
    }

    public static Path samples() {
        return flux().resolve("samples");
    }

    public static Path fakeFluxDir() {
        return flux().resolve("fake-flux");
    }
}
