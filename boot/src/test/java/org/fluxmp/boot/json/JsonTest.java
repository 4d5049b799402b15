package org.fluxmp.boot.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader, held against Jackson (what Jackson writes, spaced any way JSON allows, is read as the
 * value Jackson wrote), with the number types it yields and the malformed input it rejects.
 */
class JsonTest {
    private static final int DOCUMENTS = 400;

    private static void readsWhatJacksonWrites(ObjectWriter jackson, UnaryOperator<String> respace) throws Exception {
        RandomDocuments docs = new RandomDocuments(1014);
        for (int k = 0; k < DOCUMENTS; k++) {
            Object doc = docs.document(4);
            String text = respace.apply(jackson.writeValueAsString(doc));
            assertEquals(RandomDocuments.asRead(doc), Json.parse(text), text);
        }
    }

    @Test
    void readsWhatJacksonWritesCompactly() throws Exception {
        readsWhatJacksonWrites(new ObjectMapper().writer(), UnaryOperator.identity());
    }

    @Test
    void readsWhatJacksonPrettyPrints() throws Exception {
        readsWhatJacksonWrites(new ObjectMapper().writerWithDefaultPrettyPrinter(), UnaryOperator.identity());
    }

    @Test
    void readsEveryJsonWhiteSpaceBetweenTokens() throws Exception {
        // in JSON text a line break is never inside a string: each one stands between two tokens
        readsWhatJacksonWrites(new ObjectMapper().writerWithDefaultPrettyPrinter(),
                text -> " \t\r\n" + text.replace("\n", "\r\n\t ") + "\n\t\r ");
    }

    @Test
    void readsUnicodeEscapesOfEveryCharacterAndSurrogatePair() throws Exception {
        readsWhatJacksonWrites(JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writer(),
                UnaryOperator.identity());
    }

    @Test
    void readsWhatEitherStyleWrites() {
        RandomDocuments docs = new RandomDocuments(3);
        for (int k = 0; k < DOCUMENTS; k++) {
            Object doc = RandomDocuments.asRead(docs.document(4));
            assertEquals(doc, Json.parse(JsonStyle.PYTHON.write(doc)));
            assertEquals(doc, Json.parse(JsonStyle.COMPACT.write(doc)));
        }
    }

    @Test
    void readsAnIntegerAsALong() {
        assertEquals(List.of(0L, -0L, 7L, -12L, Long.MAX_VALUE, Long.MIN_VALUE),
                Json.parse("[0, -0, 7, -12, 9223372036854775807, -9223372036854775808]"));
    }

    @Test
    void readsANumberWithAFractionOrExponentAsADouble() {
        assertEquals(List.of(1.0, -0.5, 100.0, 0.025, 1.0E300, 2.0), Json.parse("[1.0, -0.5, 1e2, 2.5E-2, 1E+300, 2.0e0]"));
    }

    @Test
    void readsTheLiteralsAndStringsTheirWay() {
        assertEquals(List.of(true, false, "a/\"\\\b\f\n\r\t\u00e9\uD83D\uDE00"),
                Json.parse("[true,false,\"a\\/\\\"\\\\\\b\\f\\n\\r\\t\\u00E9\\ud83d\\uDE00\"]"));
        assertEquals(null, Json.parse(" null "));
    }

    @Test
    void keepsTheKeysInDocumentOrderAndTheLastOfARepeatedKey() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2, \"z\": 3}");
        assertEquals(List.of("z", "a"), new ArrayList<>(m.keySet()));
        assertEquals(3L, m.get("z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[", "]", "}", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}", "{1:1}", "'x'", "\"abc", "\"\\", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\u0663\u0663\u0663\u0663\"",
        "\"a\nb\"", "\"tab\there\"", "01", "-01", "+1", "1.", ".5", "-", "1e", "1e+", "--1", "1.2.3", "0x10", "tru", "nul",
        "True", "NaN", "Infinity", "-Infinity", "{} {}", "1 x", "99999999999999999999", "\u00a01", "1\u000b", "\ufeff{}"})
    void rejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }

    @Test
    void namesTheOffsetOfTheFault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2, x]"));
        assertEquals("invalid JSON at offset 7: unexpected character 'x'", e.getMessage());
    }

    @Test
    void rejectsNestingDeeperThanItsLimitWithoutOverflowingTheStack() {
        for (String open : List.of("[", "{\"a\":", "[{\"a\":")) {
            String text = open.repeat(200_000);
            assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        }
    }

    @Test
    void readsNestingUpToItsLimit() {
        Object v = Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH));
        for (int k = 1; k < Json.MAX_DEPTH; k++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        assertThrows(IllegalArgumentException.class,
                () -> Json.parse("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)));
    }

    @Test
    void rejectsEveryProperPrefixOfADocument() {
        RandomDocuments docs = new RandomDocuments(11);
        for (int k = 0; k < 50; k++) {
            String text = JsonStyle.COMPACT.write(docs.document(3));
            for (int end = 0; end < text.length(); end++) {
                String prefix = text.substring(0, end);
                assertThrows(IllegalArgumentException.class, () -> Json.parse(prefix), prefix);
            }
        }
    }

    @Test
    void readsOrRejectsAMutatedDocumentWithAnIllegalArgumentExceptionOnly() {
        RandomDocuments docs = new RandomDocuments(12);
        Random random = new Random(12);
        String alphabet = "{}[]:,\"\\/-+.0123456789eEtrufalsn \t\n\u0000\u00e9\uD83D";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder text = new StringBuilder(JsonStyle.PYTHON.write(docs.document(3)));
            for (int n = 1 + random.nextInt(3); n > 0 && text.length() > 0; n--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                Json.parse(text.toString());
            } catch (IllegalArgumentException expected) {
                // rejected as documented
            }
        }
    }

    @Test
    void yieldsOnlyTheDocumentedTypes() {
        Object v = Json.parse("{\"s\": \"x\", \"l\": 1, \"d\": 1.5, \"b\": true, \"a\": [], \"m\": {}}");
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        assertInstanceOf(String.class, m.get("s"));
        assertInstanceOf(Long.class, m.get("l"));
        assertInstanceOf(Double.class, m.get("d"));
        assertInstanceOf(Boolean.class, m.get("b"));
        assertInstanceOf(List.class, m.get("a"));
        assertInstanceOf(Map.class, m.get("m"));
    }
}
