package org.fluxmp.boot;

/**
 * What kind of error a {@link ToolException} is, and the one table of the exit status each kind
 * gives ({@link ErrorReport} prints an error and returns its kind's status). The README's "Exit
 * status" and the man page document these; a change of status goes here, and there.
 */
public enum ErrorKind {
    /**
     * The configuration makes the request impossible: a config, rc or simulated-broker file, an
     * environment setting ({@code FLUX_MODPROBE_*}), a name it does not know, a cycle, a module not
     * loaded or still in use, a file the strict mode refuses.
     */
    CONFIG(1),
    /**
     * A usage mistake the command found after parsing: an option or argument out of range or
     * malformed ({@code --jobs 0}, {@code compile rc2}, {@code --ranks x}), a file the command
     * line names that cannot be read or written. Status 1, as before the kinds existed; 2 (as
     * for {@link #COMMAND_LINE}) would be the change to make here.
     */
    USAGE(1),
    /** A command line picocli cannot parse: an unknown option, a missing or ill-typed argument (its usage follows). */
    COMMAND_LINE(2),
    /** The broker failed: no connection, a request that failed, an answer without what was asked. */
    BROKER(1),
    /** A task or a setup step failed (ran and exited non-zero, could not start, was interrupted). */
    TASK(1),
    /** Anything else, reported by its message: an I/O error, a missing installation, a bug. */
    OTHER(1);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    /** The tool's exit status for an error of this kind. */
    public int status() {
        return status;
    }
}
