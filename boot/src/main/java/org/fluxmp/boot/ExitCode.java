package org.fluxmp.boot;

/** The tool's exit statuses (the man page's "Exit status" lists them); 128+N for signal N is made by StopSignals. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private ExitCode() {}
}
