package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.json.Json;

/**
 * {@code --durations FILE}: a timing file as {@code rc1 --timing-file} writes it, a JSON list of
 * {@code {"name", "starttime", "duration"}} in seconds, read as estimated durations in ms by name
 * (the last entry of a name wins; entries that are not tasks of the plan are ignored).
 */
final class DurationsFile {
    private DurationsFile() {}

    static Map<String, Long> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw ToolException.usage(file + ": cannot read durations: " + e.getMessage());
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(file + ": " + e.getMessage());
        }
        if (!(parsed instanceof List<?> list)) {
            throw invalid(file, "expected a JSON list of {\"name\", \"starttime\", \"duration\"} (a --timing-file)");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        int k = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
                    || !(m.get("duration") instanceof Number seconds)) {
                throw invalid(file, "entry " + k + ": expected {\"name\": string, \"duration\": seconds}");
            }
            double ms = seconds.doubleValue() * 1000;
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw invalid(file, "entry " + k + " (" + name + "): duration must be a number of seconds >= 0");
            }
            out.put(name, Math.round(ms));
            k++;
        }
        return out;
    }

    private static ToolException invalid(Path file, String msg) {
        return ToolException.usage(file + ": not a timing file: " + msg);
    }
}
