package org.fluxmp.runner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a task's process and everything it started: SIGTERM to the whole tree (taken before the
 * first signal, so children that are re-parented are still reached), then SIGKILL to whatever is
 * left after a short wait.
 */
final class ProcessTree {
    /** How long processes get between SIGTERM and SIGKILL. */
    static final long TERM_WAIT_MS = 200;

    private ProcessTree() {}

    static void kill(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_WAIT_MS);
        for (ProcessHandle h : all) {
            long left = until - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    // still alive: killed below
                }
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    /** Kills in the background, so that the caller (the executor's loop) is never held up. */
    static void killAsync(ProcessHandle root) {
        Thread t = new Thread(() -> kill(root), "kill " + root.pid());
        t.setDaemon(true);
        t.start();
    }
}
