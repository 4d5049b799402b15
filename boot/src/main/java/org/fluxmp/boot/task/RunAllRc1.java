package org.fluxmp.boot.task;

/** {@code java = "org.fluxmp.boot.task.RunAllRc1"}: the rc1.d scripts (see {@link RunAllRc}). */
public final class RunAllRc1 extends RunAllRc {
    public RunAllRc1() {
        super(1);
    }
}
