package org.fluxmp.boot.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The finish event is the line flux startlog --post-finish-event appends (checked against a real broker: bench/README.md). */
class PostFinishEventTest {
    @Test
    void theEntryIsOneCompactJsonLine() {
        assertEquals("{\"timestamp\":1733220000.042,\"name\":\"finish\",\"context\":{\"version\":1}}\n",
                PostFinishEvent.entry(1733220000042L));
    }

    @Test
    void theValueIsAVersionOneTreeobjOfTheBytes() {
        Map<String, Object> v = PostFinishEvent.value("x\n");
        assertEquals(1, v.get("ver"));
        assertEquals("val", v.get("type"));
        assertEquals("x\n", new String(Base64.getDecoder().decode((String) v.get("data")), StandardCharsets.UTF_8));
    }
}
