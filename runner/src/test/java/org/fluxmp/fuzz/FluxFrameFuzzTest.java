package org.fluxmp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.flux.Envelope;
import org.fluxmp.boot.flux.FluxException;
import org.fluxmp.boot.flux.FluxMessage;
import org.junit.jupiter.api.Timeout;

/**
 * What the broker's local connector sends: enveloped messages read from a stream. Each message is
 * decoded or refused as a protocol error (FluxException, EPROTO); a stream that ends inside a
 * message is an IOException (the connection closed). Nothing else, and no buffer bigger than what
 * actually arrived.
 */
class FluxFrameFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void connectorStream(byte[] input) throws Exception {
        InputCost.bounded(input, () -> {
            Envelope.Reader reader = new Envelope.Reader(Channels.newChannel(new ByteArrayInputStream(input)));
            try {
                for (FluxMessage m = reader.next(); m != null; m = reader.next()) {
                    m.toString();
                }
            } catch (FluxException | IOException documented) {
                // a protocol error or a closed connection
            }
        });
    }
}
