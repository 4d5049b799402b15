package org.fluxmp.boot;

import java.util.List;

/** The project's one error type for bad input: carries every problem found, each with its place. */
public class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "error" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    public ConfigException(String message) {
        this(Problem.of(message));
    }

    public List<Problem> problems() {
        return problems;
    }
}
