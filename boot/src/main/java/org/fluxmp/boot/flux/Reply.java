package org.fluxmp.boot.flux;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answer to one request (or the handshake): set once, by the connection's reader, with a value
 * or the FluxException that ended it. A plain monitor, not a CompletableFuture, whose class
 * initialization starts the common ForkJoinPool and some fifty classes of machinery the boot never
 * uses.
 */
public final class Reply<T> implements Future<T> {
    private T value;
    private FluxException failure;
    private boolean done;

    /** Sets the value; false if already set. */
    synchronized boolean complete(T v) {
        return settle(v, null);
    }

    /** Ends it with WHY; false if already set. */
    synchronized boolean fail(FluxException why) {
        return settle(null, why);
    }

    private synchronized boolean settle(T v, FluxException why) {
        if (done) {
            return false;
        }
        value = v;
        failure = why;
        done = true;
        notifyAll();
        return true;
    }

    @Override
    public synchronized T get() throws InterruptedException, ExecutionException {
        while (!done) {
            wait();
        }
        return result();
    }

    @Override
    public synchronized T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (!done) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return result();
    }

    private T result() throws ExecutionException {
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return value;
    }

    @Override
    public synchronized boolean isDone() {
        return done;
    }

    /** Requests are not cancelled from outside: a request that is given up on fails with its reason. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
