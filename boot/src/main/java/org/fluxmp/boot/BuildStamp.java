package org.fluxmp.boot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build recorded besides the version: the commit it was made from and the day (UTC).
 * Both are "unknown" when the build could not tell (no git, not a checkout) or the stamp is missing.
 */
public record BuildStamp(String commit, String date) {
    static final String RESOURCE = "build-stamp.properties";

    public static BuildStamp read() {
        Properties p = new Properties();
        try (InputStream in = BuildStamp.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable stamp says as little as a missing one
        }
        return new BuildStamp(p.getProperty("commit", "unknown"), p.getProperty("date", "unknown"));
    }
}
