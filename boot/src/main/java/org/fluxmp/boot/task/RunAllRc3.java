package org.fluxmp.boot.task;

/** {@code java = "org.fluxmp.boot.task.RunAllRc3"}: the rc3.d scripts (see {@link RunAllRc}). */
public final class RunAllRc3 extends RunAllRc {
    public RunAllRc3() {
        super(3);
    }
}
