package org.fluxmp.boot.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static boolean anyAlive(List<ProcessHandle> all) {
        for (ProcessHandle h : all) {
            if (alive(h)) {
                return true;
            }
        }
        return false;
    }

    static void kill(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        java.util.Iterator<ProcessHandle> d = root.descendants().iterator();
        while (d.hasNext()) {
            all.add(d.next());
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_WAIT_MS);
        while (System.nanoTime() < until && anyAlive(all)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle h : all) {
            if (alive(h)) {
                h.destroyForcibly();
            }
        }
    }

    /**
     * Whether H still runs. A process that has exited but is not yet reaped by its (new) parent is
     * a zombie: dead for our purposes, though {@link ProcessHandle#isAlive} still says alive.
     */
    static boolean alive(ProcessHandle h) {
        Path stat = Path.of("/proc", Long.toString(h.pid()), "stat");
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return h.isAlive();
        }
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            char state = close >= 0 && close + 2 < s.length() ? s.charAt(close + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills in the background, so that the caller (the executor's loop) is never held up. */
    static void killAsync(ProcessHandle root) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                kill(root);
            }
        }, "kill " + root.pid());
        t.setDaemon(true);
        t.start();
    }
}
