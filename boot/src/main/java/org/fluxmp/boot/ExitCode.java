package org.fluxmp.boot;

/**
 * The tool's exit statuses other than an error's (the man page's "Exit status" lists them all): 0,
 * and 128+N for a run stopped by signal N. An error's status is its {@link ErrorKind}'s.
 */
public final class ExitCode {
    public static final int OK = 0;

    private ExitCode() {}

    /** A shell's status for a process that signal N ended. */
    public static int signalled(int n) {
        return 128 + n;
    }
}
