package org.fluxmp.runner.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.json.Json;

/** Reads a timing list ({@code --timing-file}, or the KVS {@code modprobe.stats}) and a {@code --show-deps} map. */
public final class TimingList {
    /** The planner's own phases, which the original records before the tasks. */
    static final Set<String> PLANNER_PHASES = Set.of("configure", "solve", "deps", "prepare");

    private TimingList() {}

    /** The rows of FILE; IS_MODULE tells module loads/removes from other tasks. */
    public static List<Bar> read(Path file, Predicate<String> isModule) {
        Object doc = parse(file);
        if (!(doc instanceof List)) {
            throw ToolException.usage(file + ": not a timing list (expected a JSON array of {name, starttime, duration})");
        }
        List<Bar> out = new ArrayList<>();
        boolean tasksBegun = false;
        for (Object o : (List<?>) doc) {
            if (!(o instanceof Map)) {
                throw ToolException.usage(file + ": not a timing list (an entry is not an object)");
            }
            Map<?, ?> m = (Map<?, ?>) o;
            if (!(m.get("name") instanceof String) || !(m.get("starttime") instanceof Number)
                    || !(m.get("duration") instanceof Number)) {
                throw ToolException.usage(file + ": not a timing list (each entry needs name, starttime and duration)");
            }
            String name = (String) m.get("name");
            double start = ((Number) m.get("starttime")).doubleValue();
            double duration = Math.max(0, ((Number) m.get("duration")).doubleValue());
            Bar.Kind kind;
            if (!tasksBegun && PLANNER_PHASES.contains(name)) {
                kind = Bar.Kind.PLANNER;
            } else {
                tasksBegun = true;
                kind = isModule.test(name) ? Bar.Kind.MODULE : Bar.Kind.TASK;
            }
            out.add(new Bar(name, start, duration, kind));
        }
        return out;
    }

    /** BARS without the planner's phases, times counted from the first task's start. */
    public static List<Bar> fromFirstTask(List<Bar> bars) {
        double first = Double.MAX_VALUE;
        for (Bar b : bars) {
            if (b.kind() != Bar.Kind.PLANNER) {
                first = Math.min(first, b.start());
            }
        }
        List<Bar> out = new ArrayList<>();
        for (Bar b : bars) {
            if (b.kind() != Bar.Kind.PLANNER) {
                out.add(new Bar(b.name(), b.start() - first, b.duration(), b.kind()));
            }
        }
        return out;
    }

    /** A {@code --show-deps} file: task -> the tasks it waits for. */
    public static Map<String, List<String>> readDeps(Path file) {
        Object doc = parse(file);
        if (!(doc instanceof Map)) {
            throw ToolException.usage(file + ": not a --show-deps map (expected a JSON object: task -> [predecessors])");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) doc).entrySet()) {
            List<String> preds = new ArrayList<>();
            if (e.getValue() instanceof List) {
                for (Object p : (List<?>) e.getValue()) {
                    preds.add(String.valueOf(p));
                }
            }
            out.put(String.valueOf(e.getKey()), preds);
        }
        return out;
    }

    private static Object parse(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw ToolException.usage(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(file + ": " + e.getMessage());
        }
    }
}
