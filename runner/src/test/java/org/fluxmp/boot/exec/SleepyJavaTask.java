package org.fluxmp.boot.exec;

/** A Java task body that sleeps for a minute (until its thread is interrupted). */
public final class SleepyJavaTask implements JavaTask {
    @Override
    public void run(Context context) throws Exception {
        Thread.sleep(60_000);
    }
}
