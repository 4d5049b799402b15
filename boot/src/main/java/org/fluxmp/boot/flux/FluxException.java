package org.fluxmp.boot.flux;

import org.fluxmp.boot.broker.BrokerException;

/**
 * A request to the broker failed: the broker's own error text (its message, else strerror of its
 * errnum), or what went wrong on the way (connection closed, no answer in time, protocol error).
 */
public class FluxException extends BrokerException {
    private final int errnum;

    public FluxException(int errnum, String message) {
        super(message);
        this.errnum = errnum;
    }

    /** The errno value (0 when not known, e.g. a message from the {@code flux} command without one). */
    public int errnum() {
        return errnum;
    }
}
