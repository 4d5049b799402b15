package org.fluxmp.runner.cli;

import org.fluxmp.boot.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version line. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"flux-modprobe (JVM) " + Version.get()};
    }
}
