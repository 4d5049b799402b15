package org.fluxmp.boot;

import java.util.List;

/**
 * The project's one error type: every problem found, each with its place, and the {@link ErrorKind}
 * they are (which sets the exit status). The constructors without a kind make the config kind; the
 * others name theirs. One type rather than one per kind: callers that collect problems catch them
 * all alike, and the boot path loads this one class.
 */
public class ConfigException extends RuntimeException {
    private final ErrorKind kind;
    private final List<Problem> problems;

    public ConfigException(ErrorKind kind, List<Problem> problems) {
        super(problems.isEmpty() ? "error" : problems.get(0).toString());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ErrorKind kind, Problem problem) {
        this(kind, List.of(problem));
    }

    public ConfigException(List<Problem> problems) {
        this(ErrorKind.CONFIG, problems);
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    public ConfigException(String message) {
        this(Problem.of(message));
    }

    /** A usage mistake the command found (an option's value, a file it names), without a place. */
    public static ConfigException usage(String message) {
        return new ConfigException(ErrorKind.USAGE, Problem.of(message));
    }

    /** The broker failed, without a place. */
    public static ConfigException broker(String message) {
        return new ConfigException(ErrorKind.BROKER, Problem.of(message));
    }

    public ErrorKind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
