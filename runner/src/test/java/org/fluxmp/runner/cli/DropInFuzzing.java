package org.fluxmp.runner.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;

/**
 * One fuzz input as a TOML drop-in (modprobe.d or rc1.d) on top of the shipped configuration,
 * through {@code verify} (rc1 and rc3: loading, static checks, cycles) and the rules' decision.
 * Only ConfigException may escape.
 */
final class DropInFuzzing {
    private DropInFuzzing() {}

    /** Writes INPUT as DIR/SUBDIR/fuzz.toml, then verifies (which must exit 0 or 1) and decides. */
    static void verify(byte[] input, String subdir) throws Exception {
        Path dir = Files.createTempDirectory("fuzz-dropin");
        Path file = Files.createDirectories(dir.resolve(subdir)).resolve("fuzz.toml");
        try {
            Files.write(file, input);
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            Context ctx = new Context(nowhere, nowhere, Map.of("FLUX_MODPROBE_PATH", dir.toString(),
                    "FLUX_MODPROBE_CACHE", dir.resolve("cache").toString()), CliRun.home());
            VerifyCommand verify = new VerifyCommand();
            verify.root = new FluxModprobe(ctx);
            verify.factOptions = new FactOptions();
            int rc = verify.call();
            try {
                new RunRequest(new Subject.Tasks(RcSource.runlevel("rc1")), verify.factOptions.facts(ctx), Selection.NONE,
                        org.fluxmp.boot.setup.SetupStepRunner.NONE, verify.root.config(false)).decide();
            } catch (ConfigException expected) {
                // bad input, said so
            }
            if (rc != 0 && rc != 1) {
                throw new AssertionError("verify exited " + rc);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
            Files.deleteIfExists(dir);
        }
    }
}
