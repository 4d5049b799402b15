package org.fluxmp.boot.exec;

/** A Java task body that throws, as t0100's "task raises exception" case. */
public final class FailingJavaTask implements JavaTask {
    @Override
    public void run(Context context) throws Exception {
        throw new RuntimeException("test exception");
    }
}
