package org.fluxmp.boot;

/** One thing wrong with the input, with the place it was found. Line 0 means "the whole file" or "no file". */
public record Problem(String file, int line, String message) {

    public static Problem of(String message) {
        return new Problem(null, 0, message);
    }

    /** {@code FILE:LINE: message}, or as much of that as is known. */
    @Override
    public String toString() {
        if (file == null) {
            return message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
