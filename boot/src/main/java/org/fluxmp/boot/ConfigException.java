package org.fluxmp.boot;

import java.util.List;

/**
 * Bad configuration ({@link ErrorKind#CONFIG}): every problem found in the config, rc and
 * simulated-broker files and the environment settings, each with its place, thrown at once.
 */
public class ConfigException extends ToolException {
    public ConfigException(List<Problem> problems) {
        super(ErrorKind.CONFIG, problems);
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    public ConfigException(String message) {
        this(Problem.of(message));
    }
}
