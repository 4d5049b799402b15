package org.fluxmp.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * A Python drop-in in the original's format (SPEC 10), read through the {@link PythonBridge}: its
 * {@code @task} functions join the unit table as TOML tasks do, checked by the same reader, with a
 * {@code python} body (the bridge's command line that runs the function); its {@code setup(context)}
 * becomes a setup {@code run} step that runs it through the bridge. What the bridge describes is
 * kept per file content, so a file is described once per process however often it is read.
 */
final class PythonDropIn {
    /** How long describing one file may take (an import that hangs must not hang the boot). */
    static final long DESCRIBE_TIMEOUT_S = 60;
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Map<String, Described> DESCRIBED = new ConcurrentHashMap<>();

    /** What the bridge said of a file: its JSON, or the problem of reading it. */
    private record Described(byte[] content, Map<?, ?> json, Problem problem) {}

    private PythonDropIn() {}

    static RcFile read(Path file, PythonBridge bridge, UnitTable table, List<Problem> problems) {
        String name = file.toString();
        Described d;
        try {
            d = describe(file.toAbsolutePath(), bridge);
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
            return new RcFile(name, List.of(), List.of());
        }
        if (d.problem() != null) {
            problems.add(new Problem(name, d.problem().line(), d.problem().message()));
            return new RcFile(name, List.of(), List.of());
        }
        Document doc = document(file.toAbsolutePath(), bridge, d.json(), problems);
        TomlParseResult toml = Toml.parse(doc.text());
        if (toml.hasErrors()) {
            problems.add(new Problem(name, 0, "cannot read what the Python bridge described: " + toml.errors().get(0)));
            return new RcFile(name, List.of(), List.of());
        }
        int[] lines = doc.lines();
        return new RcFileReader(table, problems).readDescribed(name, toml,
                line -> line >= 1 && line <= lines.length ? lines[line - 1] : 0);
    }

    private static Described describe(Path file, PythonBridge bridge) throws IOException {
        byte[] content = Files.readAllBytes(file);
        // which Python runs the bridge can change what an import finds
        String key = file + "\0" + bridge.env().get("FLUX_MODPROBE_PYTHON") + "\0" + bridge.env().get("PATH");
        Described known = DESCRIBED.get(key);
        if (known != null && Arrays.equals(known.content(), content)) {
            return known;
        }
        Described d = run(file, content, bridge);
        DESCRIBED.put(key, d);
        return d;
    }

    private static Described run(Path file, byte[] content, PythonBridge bridge) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(bridge.script().toString(), "describe", file.toString());
        pb.environment().clear();
        pb.environment().putAll(bridge.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = Files.createTempFile("flux-modprobe-describe", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(DESCRIBE_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return failed(content, "importing it took more than " + DESCRIBE_TIMEOUT_S + " s");
            }
            String stderr = Files.readString(err).strip();
            if (p.exitValue() == 127) {
                return failed(content, stderr.isEmpty() ? "no Python to read it with" : stderr);
            }
            if (p.exitValue() != 0) {
                return failed(content, "the Python bridge failed (exit status " + p.exitValue() + ")"
                        + (stderr.isEmpty() ? "" : ": " + stderr.lines().reduce((a, b) -> b).orElse("")));
            }
            Object json = Json.parse(new String(out, StandardCharsets.UTF_8).strip());
            if (!(json instanceof Map<?, ?> m)) {
                return failed(content, "the Python bridge said something else than a description");
            }
            if (m.get("error") instanceof Map<?, ?> e) {
                int line = e.get("line") instanceof Number n ? n.intValue() : 0;
                return new Described(content, null, new Problem("", line, String.valueOf(e.get("message"))));
            }
            return new Described(content, m, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(content, "interrupted");
        } catch (IllegalArgumentException e) {
            return failed(content, "the Python bridge's description is not JSON: " + e.getMessage());
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static Described failed(byte[] content, String message) {
        return new Described(content, null, new Problem("", 0, message));
    }

    /** A TOML document of what the bridge described, and for each of its lines the line of FILE it stands for. */
    private record Document(String text, int[] lines) {}

    private static Document document(Path file, PythonBridge bridge, Map<?, ?> json, List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        if (json.get("setup") instanceof Number setupLine) {
            String script = "exec " + shellQuote(bridge.script().toString()) + " setup " + shellQuote(file.toString());
            text.append("setup = {run = ").append(tomlString(script)).append("}\n");
            lines.add(setupLine.intValue());
        }
        List<?> tasks = json.get("tasks") instanceof List<?> l ? l : List.of();
        text.append("task = [\n");
        lines.add(tasks.isEmpty() ? 0 : line(tasks.get(0)));
        for (Object o : tasks) {
            Map<?, ?> t = (Map<?, ?>) o;
            int line = line(t);
            StringBuilder entry = new StringBuilder("{name = ").append(tomlString(String.valueOf(t.get("name"))));
            if (t.get("keywords") instanceof Map<?, ?> keywords) {
                for (Map.Entry<?, ?> k : keywords.entrySet()) {
                    String key = tomlKey(String.valueOf(k.getKey()));
                    String value = tomlValue(k.getValue());
                    if (value == null) {
                        problems.add(new Problem(file.toString(), line, t.get("name") + ": " + k.getKey()
                                + ": expected a string, a list of strings, a number or a boolean"));
                        continue;
                    }
                    entry.append(", ").append(BARE_KEY.matcher(key).matches() ? key : tomlString(key)).append(" = ").append(value);
                }
            }
            String command = String.join("\n", bridge.script().toString(), "run", file.toString(),
                    String.valueOf(t.get("function")));
            text.append(entry).append(", python = ").append(tomlString(command)).append("},\n");
            lines.add(line);
        }
        text.append("]\n");
        lines.add(lines.get(lines.size() - 1));
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lines.get(i);
        }
        return new Document(text.toString(), out);
    }

    private static int line(Object task) {
        return task instanceof Map<?, ?> m && m.get("line") instanceof Number n ? n.intValue() : 0;
    }

    /** The original's keyword as the TOML key it stands for ({@code needs_attrs} is {@code needs-attrs}). */
    static String tomlKey(String keyword) {
        switch (keyword) {
            case "needs_attrs":
            case "needs_config":
            case "needs_env":
                return keyword.replace('_', '-');
            default:
                return keyword; // an unknown keyword is reported as written
        }
    }

    /** A keyword's value as TOML text; null for what no task key takes (None, a dict). */
    private static String tomlValue(Object v) {
        if (v instanceof String s) {
            return tomlString(s);
        }
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                String item = tomlValue(o);
                if (item == null) {
                    return null;
                }
                items.add(item);
            }
            return "[" + String.join(", ", items) + "]";
        }
        return null;
    }

    /** A TOML basic string: a JSON string is one, but for DEL, which TOML wants escaped. */
    static String tomlString(String s) {
        return JsonStyle.COMPACT.write(s).replace("\u007f", "\\u007f");
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
