package org.fluxmp.boot.broker;

/** A broker request failed; the message is what the broker said. */
public class BrokerException extends Exception {
    public BrokerException(String message) {
        super(message);
    }
}
