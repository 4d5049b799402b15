package org.fluxmp.boot.exec;

/** A task failed; the message is printed as {@code NAME: MESSAGE}. */
public class TaskFailure extends Exception {
    public TaskFailure(String message) {
        super(message);
    }
}
