package org.fluxmp.runner.cli;

import org.fluxmp.boot.BuildStamp;
import org.fluxmp.boot.Version;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: what this copy is and what it runs on, e.g.
 * {@code flux-modprobe 0.1.0 (commit abc1234, built 2026-12-03) on JDK 25.0.1 (Eclipse Adoptium)}.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildStamp stamp = BuildStamp.read();
        return new String[] {"flux-modprobe " + Version.get() + " (commit " + stamp.commit() + ", built " + stamp.date()
                + ") on JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
