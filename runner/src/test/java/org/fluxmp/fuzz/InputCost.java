package org.fluxmp.fuzz;

import java.lang.management.ManagementFactory;

/**
 * What one fuzz input may cost: the memory its decoding allocates must be in proportion to its
 * size (a fixed allowance plus {@link #PER_BYTE} per input byte), so that a short input claiming a
 * huge count or length is refused before anything that size is allocated. Time is bounded by each
 * target's {@code @Timeout}, which Jazzer also takes as its per-input timeout.
 */
public final class InputCost {
    /** What any input may allocate, whatever its size. */
    public static final long BASE = 8L << 20;
    /** What each byte of input may add (the chart of a timing file is some kilobytes a row). */
    public static final long PER_BYTE = 4096;

    /** A decoding that may throw only its documented errors. */
    @FunctionalInterface
    public interface Decoding {
        void run() throws Exception;
    }

    private InputCost() {}

    /**
     * Runs DECODING of INPUT twice, failing if the second run allocated more than INPUT's share
     * (the first one also loads and initializes classes).
     */
    public static void bounded(byte[] input, Decoding decoding) throws Exception {
        decoding.run();
        long before = allocated();
        decoding.run();
        long used = allocated() - before;
        long allowed = BASE + PER_BYTE * input.length;
        if (used > allowed) {
            throw new AssertionError("decoding " + input.length + " bytes allocated " + used + " bytes (allowed " + allowed + ")");
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
