package org.fluxmp.boot;

import java.io.PrintStream;
import java.util.List;

/**
 * The one place an error is printed and becomes an exit status: {@code flux-modprobe: ERROR: ...}
 * lines, never a stack trace (unless --debug), and the status of its {@link ErrorKind}.
 */
public final class ErrorReport {
    private ErrorReport() {}

    /** Prints EX's problems (each {@code FILE:LINE: message}) and returns its kind's status; any other exception is {@link ErrorKind#OTHER}. */
    public static int print(PrintStream err, Exception ex) {
        if (ex instanceof ToolException) {
            ToolException c = (ToolException) ex;
            return print(err, c.kind(), c.problems());
        }
        String msg = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        return print(err, ErrorKind.OTHER, List.of(Problem.of(msg)));
    }

    /** Prints PROBLEMS, errors of KIND, and returns KIND's exit status. */
    public static int print(PrintStream err, ErrorKind kind, List<Problem> problems) {
        for (Problem p : problems) {
            err.println("flux-modprobe: ERROR: " + p);
        }
        err.flush();
        return kind.status();
    }
}
