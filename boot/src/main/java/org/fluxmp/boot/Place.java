package org.fluxmp.boot;

/** Where a value was written: a file and a line (0 when not from a file, e.g. the command line). */
public record Place(String file, int line) {
    public static final Place NOWHERE = new Place(null, 0);

    public static Place of(String what) {
        return new Place(what, 0);
    }

    @Override
    public String toString() {
        if (file == null) {
            return "(built in)";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
