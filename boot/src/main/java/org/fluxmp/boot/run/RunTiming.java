package org.fluxmp.boot.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.exec.Executor;
import org.fluxmp.boot.json.JsonStyle;

/**
 * {@code --timing} and {@code --timing-file}: the planner's phases and every task's start and
 * duration (seconds since the tool's clock started), the format of the original's modprobe.stats.
 */
public final class RunTiming {
    /** The tool's clock: set once by the entry point, as early as main() runs. */
    private static volatile long clockStart = System.nanoTime();

    public final long t0 = clockStart;
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private long last = t0;
    private final boolean store;
    private final Path file;

    public RunTiming(boolean store, Path file) {
        this.store = store;
        this.file = file;
    }

    /** Starts the tool's clock (main() calls it first thing). */
    public static void startClock(long nanos) {
        clockStart = nanos;
    }

    public void phase(String name) {
        long now = System.nanoTime();
        phases.add(entry(name, (last - t0) / 1e9, (now - last) / 1e9));
        last = now;
    }

    /** One phase or task of the stats: its name, start and duration in seconds. */
    private static Map<String, Object> entry(String name, double starttime, double duration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("starttime", starttime);
        m.put("duration", duration);
        return m;
    }

    void finish(List<Executor.Timing> tasks, int rank, Broker broker) throws BrokerException {
        List<Map<String, Object>> all = new ArrayList<>(phases);
        for (Executor.Timing t : tasks) {
            all.add(entry(t.name(), t.starttime(), t.duration()));
        }
        String json = JsonStyle.PYTHON.write(all);
        if (store && rank == 0) {
            broker.kvsPut("modprobe.stats", json);
        }
        if (file != null) {
            try {
                try (java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
                    out.write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw ToolException.usage(file + ": cannot write timing file: " + e.getMessage());
            }
        }
    }
}
