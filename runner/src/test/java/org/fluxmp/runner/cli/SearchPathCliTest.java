package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI test's fixture: a temporary directory that is the only search-path entry
 * (FLUX_MODPROBE_PATH), files written into it, and the tool run in process with that environment.
 */
abstract class SearchPathCliTest {
    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void searchPathIsTheTemporaryDirectory() {
        env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", dir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** Writes TEXT to NAME under the directory (creating its parents). */
    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    CliRun run(String... args) {
        return CliRun.run(List.of(args), env);
    }
}
