package org.fluxmp.boot.flux;

import java.nio.file.Path;
import java.util.Optional;

/** The parts of {@code FLUX_URI} this client understands: {@code local://PATH} names the broker's socket. */
public final class FluxUri {
    private FluxUri() {}

    /** The socket of a {@code local://} URI (spaces around the path trimmed, as libflux does); empty for any other. */
    public static Optional<Path> localSocket(String uri) {
        if (uri == null || !uri.startsWith("local://")) {
            return Optional.empty();
        }
        String path = uri.substring("local://".length()).strip();
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }
}
