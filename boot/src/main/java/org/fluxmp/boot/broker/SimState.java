package org.fluxmp.boot.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;

/** The simulated broker's {@code state} file: {@code {"loaded": [names in load order]}}. */
public final class SimState {
    private SimState() {}

    public static List<String> read(Path file) {
        try {
            Object doc = Json.parse(Files.readString(file));
            Object loaded = doc instanceof Map ? ((Map<?, ?>) doc).get("loaded") : null;
            List<String> out = new ArrayList<>();
            if (loaded instanceof List) {
                for (Object o : (List<?>) loaded) {
                    out.add(String.valueOf(o));
                }
                return out;
            }
            throw new ToolException(ErrorKind.BROKER, new Problem(file.toString(), 0, "sim state: expected {\"loaded\": [...]}"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ToolException(ErrorKind.BROKER, new Problem(file.toString(), 0, "sim state: " + e.getMessage()));
        }
    }

    /** Writes atomically (temporary file, then rename), so an interrupted run never leaves half a file. */
    public static void write(Path file, List<String> loaded) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JsonStyle.PYTHON.write(Map.of("loaded", loaded)) + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
