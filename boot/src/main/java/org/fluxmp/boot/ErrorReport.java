package org.fluxmp.boot;

import java.io.PrintStream;

/** Bad input and failures become {@code flux-modprobe: ERROR: ...} lines, never a stack trace (unless --debug). */
public final class ErrorReport {
    private ErrorReport() {}

    /** Prints EX's problems (each {@code FILE:LINE: message}) and returns the exit status for them. */
    public static int print(PrintStream err, Exception ex) {
        if (ex instanceof ConfigException) {
            for (Problem p : ((ConfigException) ex).problems()) {
                err.println("flux-modprobe: ERROR: " + p);
            }
        } else {
            String msg = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
            err.println("flux-modprobe: ERROR: " + msg);
        }
        err.flush();
        return ExitCode.ERROR;
    }
}
