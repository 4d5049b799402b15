package org.fluxmp.boot.exec;

/**
 * How a finished {@code bash} is reported, in the original's words: {@code exited with exit status N},
 * or {@code died by signal N} for a process a signal killed. The JDK reports a process killed by
 * signal N as status 128+N, as a shell does, so a status of 129 to 192 is read as a signal (a
 * script that itself ends with {@code exit 143} is reported as killed by signal 15).
 */
public final class ExitStatus {
    /** Highest signal number on Linux (SIGRTMAX). */
    static final int MAX_SIGNAL = 64;

    private ExitStatus() {}

    /** {@code exited with exit status N} or {@code died by signal N}, for a non-zero STATUS. */
    public static String describe(int status) {
        int signal = status - 128;
        if (signal >= 1 && signal <= MAX_SIGNAL) {
            return "died by signal " + signal;
        }
        return "exited with exit status " + status;
    }
}
