package org.fluxmp.boot.run;

import java.nio.file.Path;
import org.fluxmp.boot.ToolException;

/**
 * How a plan is run, as the command line said: {@code -v}, {@code --dry-run}, {@code -j W} (null:
 * the default), {@code --timing-file} (null: none).
 */
public record RunSettings(boolean verbose, boolean dryRun, Integer jobs, Path timingFile) {

    /** -j W as given (at least 1), else the number of cores + 4. */
    public int workers() {
        if (jobs != null) {
            if (jobs < 1) {
                throw ToolException.usage("--jobs: must be at least 1");
            }
            return jobs;
        }
        return Runtime.getRuntime().availableProcessors() + 4;
    }

    /** Timing for this run: STORE puts it in the KVS (rc1 --timing), timingFile writes it; null for neither. */
    public RunTiming timing(boolean store) {
        if (!store && timingFile == null) {
            return null;
        }
        return new RunTiming(store, timingFile);
    }
}
