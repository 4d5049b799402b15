package org.fluxmp.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fluxmp.boot.Problem;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Parses one TOML file, turning every syntax error (and unreadable file) into a problem. A file
 * read again with the same bytes (a command that decides once per rank class) is not parsed again.
 */
final class TomlFiles {
    /** The last good parse of each file, with the bytes it came from. */
    private record Parsed(byte[] bytes, TomlParseResult result) {}

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private TomlFiles() {}

    /** The parsed document, or null when it has errors (then PROBLEMS has them all). */
    static TomlParseResult parse(Path file, List<Problem> problems) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot read file: " + e.getMessage()));
            return null;
        }
        Parsed last = PARSED.get(name);
        if (last != null && Arrays.equals(last.bytes(), bytes)) {
            return last.result();
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        TomlParseResult result = FastToml.parse(text);
        if (result == null) {
            result = parseWithTomlj(name, text, problems);
            if (result == null) {
                return null;
            }
        }
        if (result.hasErrors()) {
            for (TomlParseError err : result.errors()) {
                int line = err.position() == null ? 0 : err.position().line();
                problems.add(new Problem(name, line, "invalid TOML: " + err.getMessage()));
            }
            return null;
        }
        PARSED.put(name, new Parsed(bytes, result));
        return result;
    }

    /** What {@link FastToml} leaves to tomlj: other kinds of values, and every error, reported as tomlj words it. */
    private static TomlParseResult parseWithTomlj(String name, String text, List<Problem> problems) {
        try {
            return Toml.parse(text);
        } catch (RuntimeException e) {
            // tomlj is not supposed to throw on bad input; if it does, still report, never crash
            problems.add(new Problem(name, 0, "invalid TOML: " + e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            // tomlj's parser recurses once per nesting level: a few thousand [ or { exhaust the stack
            problems.add(new Problem(name, 0, "invalid TOML: arrays or tables nested too deeply"));
            return null;
        }
    }
}
