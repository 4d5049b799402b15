package org.fluxmp.boot.setup;

import java.util.Arrays;
import java.util.List;
import org.fluxmp.boot.ConfigException;

/**
 * One line a {@code run} body appends to {@code $FLUX_MODPROBE_OUTPUT}: a verb and its words.
 * {@code set}, {@code setopt}, {@code setopt-overwrite}, {@code setenv} and {@code unsetenv} are
 * allowed everywhere (as the original's context offers them to tasks); the rest only in setup.
 */
public record Directive(String verb, List<String> words, String line) {
    public static final List<String> TASK_VERBS = List.of("set", "setopt", "setopt-overwrite", "setenv", "unsetenv");
    public static final List<String> SETUP_VERBS = List.of("set", "setopt", "setopt-overwrite", "setenv", "unsetenv",
            "load", "remove", "alternative", "enable", "disable");

    /** Parses a line; throws ConfigException naming the line when it is not a directive for this context. */
    public static Directive parse(String line, boolean setup) {
        String trimmed = line.trim();
        String[] parts = trimmed.split("\\s+");
        String verb = parts[0];
        List<String> words = Arrays.asList(parts).subList(1, parts.length);
        if (!SETUP_VERBS.contains(verb)) {
            throw new ConfigException("unknown directive '" + trimmed + "'");
        }
        if (!setup && !TASK_VERBS.contains(verb)) {
            throw new ConfigException("directive '" + trimmed + "' is allowed only in setup (verb '" + verb + "')");
        }
        boolean needsKeyValue = verb.equals("set") || verb.equals("setenv") || verb.equals("alternative");
        if (words.isEmpty() || needsKeyValue && words.get(0).indexOf('=') <= 0
                || verb.equals("alternative") && words.size() != 1
                || (verb.equals("setopt") || verb.equals("setopt-overwrite")) && words.size() < 2
                || verb.equals("unsetenv") && (words.size() != 1 || words.get(0).contains("="))) {
            throw new ConfigException("malformed directive '" + trimmed + "'");
        }
        if (needsKeyValue) {
            // VALUE may contain spaces: keep the rest of the line after KEY=
            String rest = trimmed.substring(verb.length()).trim();
            words = List.of(rest);
        }
        return new Directive(verb, List.copyOf(words), trimmed);
    }

    public String key() {
        String w = words.get(0);
        return w.substring(0, w.indexOf('='));
    }

    public String value() {
        String w = words.get(0);
        return w.substring(w.indexOf('=') + 1);
    }
}
