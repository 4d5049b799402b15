package org.fluxmp.runner.flux;

import java.nio.file.Path;

/** Where the Flux fixtures live: testdata/flux/ (wire captures, samples, the fake flux command). */
final class TestData {
    private TestData() {}

    /** The repository root: system property fluxmp.home, set by the surefire config. */
    static Path home() {
        String prop = System.getProperty("fluxmp.home");
        return (prop != null ? Path.of(prop) : Path.of("..")).toAbsolutePath().normalize();
    }

    static Path flux() {
        return home().resolve("testdata/flux");
    }

    static Path wire(String name) {
        return flux().resolve("wire").resolve(name + ".jsonl");
    }

    static Path samples() {
        return flux().resolve("samples");
    }

    static Path fakeFluxDir() {
        return flux().resolve("fake-flux");
    }
}
