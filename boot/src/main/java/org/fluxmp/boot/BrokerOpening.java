package org.fluxmp.boot;

import org.fluxmp.boot.broker.BrokerChoice;

/**
 * The broker connection, opened on a thread of its own while the boot reads its plan: connecting,
 * loading the native socket and the broker's handshake overlap finding and checking the plan
 * instead of following them. Only the real broker (FLUX_URI set) is opened so; the simulated one
 * costs nothing to open.
 */
final class BrokerOpening implements Runnable {
    private final String spec;
    private final Context ctx;
    private final Thread thread;
    private BrokerChoice result;
    private RuntimeException failure;

    private BrokerOpening(String spec, Context ctx, boolean early) {
        this.spec = spec;
        this.ctx = ctx;
        if (early) {
            thread = new Thread(this, "broker-opening");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    static BrokerOpening start(String spec, Context ctx) {
        return new BrokerOpening(spec, ctx, spec.equals("flux") && ctx.env().get("FLUX_URI") != null);
    }

    @Override
    public void run() {
        try {
            result = BrokerChoice.choose(spec, ctx, null);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The opened broker (waiting for it if need be); its failure, if opening failed. */
    BrokerChoice get() {
        if (thread == null) {
            run();
        } else {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Closes what was opened, when the boot does not use it (a miss). */
    void discard() {
        if (thread == null) {
            return;
        }
        try {
            get().close();
        } catch (RuntimeException e) {
            // nothing was opened
        }
    }
}
