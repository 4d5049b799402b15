package org.fluxmp.boot.run;

import java.util.Map;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.ExitCode;
import org.fluxmp.boot.exec.Executor;

/**
 * SIGTERM and SIGINT stop a run gracefully: nothing new starts, running tasks get a grace period
 * (FLUX_MODPROBE_STOP_GRACE, default 5s), then they are stopped (process trees killed), and the
 * tool exits with 128+N. A second signal stops running tasks at once. A signal while no run is in
 * progress (reading files, planning, printing) exits at once with 128+N: nothing has started then.
 *
 * <p>Why a signal handler ({@code sun.misc.Signal}) and not a shutdown hook: a hook runs when the
 * JVM is already exiting, so it could neither keep the run's bookkeeping going through the grace
 * period nor choose the exit status, and output printed from it races the JVM's own shutdown.
 * The handler only asks the executor to stop; the executor's ordinary loop does the rest. Only the
 * real process installs it ({@link #install} from {@code Main.main}); in-process tests call
 * {@link Executor#stop} directly.
 */
public final class StopSignals {
    private static volatile Executor current;

    private static final Map<String, Integer> NUMBERS = Map.of("SIGINT", 2, "SIGTERM", 15);

    private StopSignals() {}

    /** A class, not a lambda: nothing on the boot path is spun at run time. */
    private static final sun.misc.SignalHandler HANDLER = new sun.misc.SignalHandler() {
        @Override
        public void handle(sun.misc.Signal s) {
            onSignal("SIG" + s.getName());
        }
    };

    /** Installs handlers for SIGTERM and SIGINT; where signals cannot be handled, keeps the JVM default. */
    public static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), HANDLER);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. SIGINT ignored by the parent (a background job): leave it so
            }
        }
    }

    public static void onSignal(String name) {
        if (!deliver(name)) {
            System.exit(exitCode(name));
        }
    }

    /** Asks the run in progress to stop for signal NAME; false if no run is in progress. */
    public static boolean deliver(String name) {
        Executor e = current;
        if (e == null) {
            return false;
        }
        e.stop(name);
        return true;
    }

    public static void attach(Executor e) {
        current = e;
    }

    public static void detach(Executor e) {
        if (current == e) {
            current = null;
        }
    }

    /** 128 + the signal's number, as a shell reports a process that a signal ended. */
    public static int exitCode(String signal) {
        Integer n = NUMBERS.get(signal);
        return n == null ? ErrorKind.OTHER.status() : ExitCode.signalled(n);
    }
}
