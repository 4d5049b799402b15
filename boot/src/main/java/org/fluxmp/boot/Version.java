package org.fluxmp.boot;

/** The version from the jar's manifest (the Maven project version), or "dev". */
public final class Version {
    private Version() {}

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
