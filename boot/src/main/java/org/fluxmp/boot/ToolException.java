package org.fluxmp.boot;

import java.util.List;

/**
 * An error of this tool, as a value: its {@link ErrorKind} (which sets the exit status, in
 * {@link ErrorReport}) and every problem found, each with its place when it has one. Bad
 * configuration is the {@link ConfigException} kind; usage mistakes, broker failures and failed
 * setup steps are their own kinds. Callers that collect problems catch this type.
 */
public class ToolException extends RuntimeException {
    private final ErrorKind kind;
    private final List<Problem> problems;

    public ToolException(ErrorKind kind, List<Problem> problems) {
        super(problems.isEmpty() ? "error" : problems.get(0).toString());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public ToolException(ErrorKind kind, Problem problem) {
        this(kind, List.of(problem));
    }

    /** A usage mistake the command found (an option's value, a file it names), without a place. */
    public static ToolException usage(String message) {
        return new ToolException(ErrorKind.USAGE, Problem.of(message));
    }

    /** The broker failed, without a place. */
    public static ToolException broker(String message) {
        return new ToolException(ErrorKind.BROKER, Problem.of(message));
    }

    public ErrorKind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
