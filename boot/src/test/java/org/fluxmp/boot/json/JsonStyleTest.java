package org.fluxmp.boot.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The writer, held against Jackson (what either style writes is read back as the value written;
 * the compact style is what Jackson writes) and against Python's {@code json.dumps}. The expected
 * Python strings were printed once by {@code python3 -c 'import json; print(json.dumps(VALUE))'}
 * with the VALUE each test names.
 */
class JsonStyleTest {
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final int DOCUMENTS = 400;

    @ParameterizedTest
    @EnumSource(JsonStyle.class)
    void whatEitherStyleWritesJacksonReadsAsTheValueWritten(JsonStyle style) throws Exception {
        RandomDocuments docs = new RandomDocuments(14);
        for (int k = 0; k < DOCUMENTS; k++) {
            Object doc = docs.document(4);
            String text = style.write(doc);
            assertEquals(RandomDocuments.asRead(doc), JACKSON.readValue(text, Object.class), text);
        }
    }

    @Test
    void theCompactStyleWritesWhatJacksonWritesWithLowerCaseHexEscapes() throws Exception {
        RandomDocuments docs = new RandomDocuments(5);
        Pattern upperHex = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u00([0-9A-F]{2})");
        for (int k = 0; k < DOCUMENTS; k++) {
            Object doc = docs.document(4);
            Matcher m = upperHex.matcher(new ObjectMapper().writeValueAsString(doc));
            String jackson = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\\u00" + r.group(2).toLowerCase()));
            assertEquals(jackson, JsonStyle.COMPACT.write(doc));
        }
    }

    @Test
    void theCompactStyleHasNoSpaceOutsideStrings() {
        assertEquals("{\"name\":\"kvs\",\"ranks\":[0,1,-3],\"exec\":true,\"after\":null,\"nothing\":{},\"none\":[]}",
                JsonStyle.COMPACT.write(sample()));
    }

    @Test
    void theCompactStyleWritesNonAsciiAsItIs() {
        assertEquals("\"\u00e9\u20ac\uD83D\uDE00\u007f\"", JsonStyle.COMPACT.write("\u00e9\u20ac\uD83D\uDE00\u007f"));
    }

    @Test
    void theCompactStyleRefusesNaN() {
        assertThrows(IllegalArgumentException.class, () -> JsonStyle.COMPACT.write(List.of(Double.NaN)));
    }

    /** {"name": "kvs", "ranks": [0, 1, -3], "exec": True, "after": None, "nothing": {}, "none": []} */
    @Test
    void thePythonStyleSpacesAsJsonDumps() {
        assertEquals("{\"name\": \"kvs\", \"ranks\": [0, 1, -3], \"exec\": true, \"after\": null, \"nothing\": {}, \"none\": []}",
                JsonStyle.PYTHON.write(sample()));
    }

    /** "q\" b\\ n\n r\r t\t b\b f\f c\x01\x1f d\x7f ~ e\u00e9 E\u20ac L\u2028 G\U0001F600" */
    @Test
    void thePythonStyleEscapesAsJsonDumps() {
        String value = "q\" b\\ n\n r\r t\t b\b f\f c\u0001\u001f d\u007f ~ e\u00e9 E\u20ac L\u2028 G\uD83D\uDE00";
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f c\\u0001\\u001f d\\u007f ~ e\\u00e9 E\\u20ac L\\u2028 G\\ud83d\\ude00\"",
                JsonStyle.PYTHON.write(value));
    }

    /** [1.0, 0.5, -2.0, 123456789.0, 0.1, -0.25, 3.14159, float("nan"), float("inf"), float("-inf")] */
    @Test
    void thePythonStyleWritesDoublesAsJsonDumps() {
        List<Double> value = Arrays.asList(1.0, 0.5, -2.0, 123456789.0, 0.1, -0.25, 3.14159,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertEquals("[1.0, 0.5, -2.0, 123456789.0, 0.1, -0.25, 3.14159, NaN, Infinity, -Infinity]",
                JsonStyle.PYTHON.write(value));
    }

    /** [0, -1, 9007199254740993, -9223372036854775808, 9223372036854775807] */
    @Test
    void thePythonStyleWritesIntegersAsJsonDumps() {
        List<Object> value = List.of(0, -1, 9007199254740993L, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals("[0, -1, 9007199254740993, -9223372036854775808, 9223372036854775807]", JsonStyle.PYTHON.write(value));
    }

    /** {"k\u00e9y": {"in": [[], {}]}} */
    @Test
    void thePythonStyleEscapesKeysAndNestsEmptyContainersAsJsonDumps() {
        Map<String, Object> value = Map.of("k\u00e9y", Map.of("in", List.of(List.of(), Map.of())));
        assertEquals("{\"k\\u00e9y\": {\"in\": [[], {}]}}", JsonStyle.PYTHON.write(value));
    }

    @Test
    void eitherStyleWritesMapKeysInTheMapsOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", 1);
        value.put("a", 2);
        assertEquals("{\"z\":1,\"a\":2}", JsonStyle.COMPACT.write(value));
        assertEquals("{\"z\": 1, \"a\": 2}", JsonStyle.PYTHON.write(value));
    }

    @Test
    void eitherStyleWritesAnyOtherValueAsTheStringOfIt() {
        Object path = java.nio.file.Path.of("/a/b");
        assertEquals("[\"/a/b\"]", JsonStyle.COMPACT.write(new ArrayList<>(List.of(path))));
        assertEquals("[\"/a/b\"]", JsonStyle.PYTHON.write(List.of(path)));
    }

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "kvs");
        m.put("ranks", List.of(0, 1, -3));
        m.put("exec", true);
        m.put("after", null);
        m.put("nothing", Map.of());
        m.put("none", List.of());
        return m;
    }
}
