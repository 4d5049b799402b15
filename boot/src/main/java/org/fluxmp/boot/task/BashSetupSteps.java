package org.fluxmp.boot.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.exec.ExitStatus;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * Runs setup {@code run} scripts with {@code bash -c}; their stdout goes to OUT and the directive
 * lines they append to {@code $FLUX_MODPROBE_OUTPUT} are returned.
 */
public final class BashSetupSteps implements SetupStepRunner {
    private final Map<String, String> env;
    private final int rank;
    private final PrintStream out;

    public BashSetupSteps(Map<String, String> env, int rank, PrintStream out) {
        this.env = env;
        this.rank = rank;
        this.out = out;
    }

    @Override
    public List<String> run(String script, Place place) {
        Path output = null;
        try {
            output = Files.createTempFile("flux-modprobe-setup", ".out");
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("FLUX_MODPROBE_RANK", Integer.toString(rank));
            pb.environment().put("FLUX_MODPROBE_TASK", "setup");
            pb.environment().put("FLUX_MODPROBE_OUTPUT", output.toString());
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            copy(p.getInputStream(), out);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new ToolException(ErrorKind.TASK, new Problem(place.file(), place.line(), "setup: bash: " + ExitStatus.describe(rc)));
            }
            return Files.readAllLines(output);
        } catch (IOException e) {
            throw new ToolException(ErrorKind.TASK, new Problem(place.file(), place.line(), "setup: cannot run bash: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(ErrorKind.TASK, new Problem(place.file(), place.line(), "setup: interrupted"));
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }
}
