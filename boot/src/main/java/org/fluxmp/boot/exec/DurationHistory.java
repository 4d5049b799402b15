package org.fluxmp.boot.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fluxmp.boot.cache.Sha256;
import org.fluxmp.boot.files.ScratchFiles;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;

/**
 * Measured task durations, kept between runs so that later plans are ordered with real numbers.
 *
 * <p>Where: {@code $FLUX_MODPROBE_CACHE/durations/}, else
 * {@code $XDG_CACHE_HOME/flux-modprobe/durations/}, else {@code $HOME/.cache/flux-modprobe/durations/};
 * with none of these set nothing is kept. One JSON file per {@link Key} (what ran, on which broker
 * kind and rank, and the sorted task names): {@code {"key": TEXT, "tasks": {NAME: [ms, ...]}}}
 * holding the last {@link #SAMPLES} measurements of each task that succeeded; the estimate is
 * their median. Unreadable or corrupt files are ignored (the durations only change the order in
 * which ready tasks start, never what runs), and a file that cannot be written is skipped.
 */
public final class DurationHistory {
    /** Measurements kept per task. */
    public static final int SAMPLES = 5;

    private final Path dir;

    private DurationHistory(Path dir) {
        this.dir = dir;
    }

    /** What a set of measurements belongs to. */
    public record Key(String runlevel, String broker, int rank, List<String> tasks) {
        public static Key of(String runlevel, String broker, int rank, Collection<String> tasks) {
            return new Key(runlevel, broker, rank, List.copyOf(new TreeSet<>(tasks)));
        }

        public String text() {
            return runlevel + " " + broker + " rank " + rank + ": " + String.join(",", tasks);
        }

        /** A file name that is readable and safe: {@code rc1-sim-rank0-<hash>.json}. */
        String fileName() {
            String label = (runlevel + "-" + broker + "-rank" + rank).replaceAll("[^A-Za-z0-9._-]", "_");
            return label + "-" + hash(text()) + ".json";
        }
    }

    /** The history directory for ENV, or none. */
    public static Optional<DurationHistory> locate(Map<String, String> env) {
        String cache = env.get("FLUX_MODPROBE_CACHE");
        if (cache != null && !cache.isEmpty()) {
            return Optional.of(new DurationHistory(Path.of(cache, "durations")));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Optional.of(new DurationHistory(Path.of(xdg, "flux-modprobe", "durations")));
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Optional.of(new DurationHistory(Path.of(home, ".cache", "flux-modprobe", "durations")));
        }
        return Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    public Path file(Key key) {
        return dir.resolve(key.fileName());
    }

    /** Estimated ms per task name (the median of the kept measurements); empty when nothing is known. */
    public Map<String, Long> load(Key key) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : samples(key).entrySet()) {
            out.put(e.getKey(), median(e.getValue()));
        }
        return out;
    }

    /** Adds the measurements of tasks that succeeded (TIMINGS in seconds) and stores the file atomically. */
    public void record(Key key, List<Executor.Timing> timings, Collection<String> succeeded) {
        Map<String, List<Double>> all = samples(key);
        boolean changed = false;
        for (Executor.Timing t : timings) {
            if (!succeeded.contains(t.name())) {
                continue;
            }
            List<Double> ms = all.get(t.name());
            if (ms == null) {
                ms = new ArrayList<>();
                all.put(t.name(), ms);
            }
            ms.add(Math.round(t.duration() * 1e6) / 1e3);
            while (ms.size() > SAMPLES) {
                ms.remove(0);
            }
            changed = true;
        }
        if (!changed) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("key", key.text());
        doc.put("tasks", all);
        try {
            Files.createDirectories(dir);
            Path file = file(key);
            ScratchFiles.replace(file, JsonStyle.PYTHON.write(doc) + "\n");
        } catch (IOException | RuntimeException e) {
            // an unwritable cache costs only the better order next time
        }
    }

    private Map<String, List<Double>> samples(Key key) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            Object doc = Json.parse(ScratchFiles.read(file));
            if (!(doc instanceof Map) || !key.text().equals(((Map<?, ?>) doc).get("key"))) {
                return out;
            }
            Object tasks = ((Map<?, ?>) doc).get("tasks");
            if (!(tasks instanceof Map)) {
                return out;
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) tasks).entrySet()) {
                if (!(e.getValue() instanceof List)) {
                    continue;
                }
                List<Double> ms = new ArrayList<>();
                for (Object o : (List<?>) e.getValue()) {
                    if (o instanceof Number && ((Number) o).doubleValue() >= 0) {
                        ms.add(((Number) o).doubleValue());
                    }
                }
                if (!ms.isEmpty()) {
                    out.put(String.valueOf(e.getKey()), ms);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    /**
     * Durations (ms, rounded up, at least 1) from a timing list as {@code --timing-file} writes it:
     * {@code [{"name", "starttime", "duration"}, ...]} in seconds. The solver's {@code --durations}.
     */
    public static Map<String, Long> fromTimingFile(Path file) throws IOException {
        Object doc;
        try {
            doc = Json.parse(ScratchFiles.read(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a timing list: " + e.getMessage());
        }
        if (!(doc instanceof List)) {
            throw new IOException(file + ": not a timing list (expected a JSON array)");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object o : (List<?>) doc) {
            if (o instanceof Map && ((Map<?, ?>) o).get("name") instanceof String
                    && ((Map<?, ?>) o).get("duration") instanceof Number) {
                double s = ((Number) ((Map<?, ?>) o).get("duration")).doubleValue();
                out.put((String) ((Map<?, ?>) o).get("name"), Math.max(1, (long) Math.ceil(s * 1000)));
            } else {
                throw new IOException(file + ": not a timing list (each entry needs name and duration)");
            }
        }
        return out;
    }

    static long median(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(null);
        int n = s.size();
        double m = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return Math.max(1, (long) Math.ceil(m));
    }

    private static String hash(String s) {
        Sha256 d = new Sha256();
        d.update(s.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(d.digest()).substring(0, 12);
    }

}
