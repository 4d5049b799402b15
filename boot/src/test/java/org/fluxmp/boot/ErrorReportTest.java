package org.fluxmp.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every error is printed by {@link ErrorReport}, and its exit status is its
 * {@link ErrorKind}'s, the one table the README documents.
 */
class ErrorReportTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfigErrorExitsOneWithEachProblemAtItsPlace() {
        int rc = ErrorReport.print(err, new ConfigException(List.of(new Problem("a.toml", 3, "bad"), Problem.of("worse"))));
        assertEquals(1, rc);
        assertEquals("flux-modprobe: ERROR: a.toml:3: bad\nflux-modprobe: ERROR: worse\n", printed());
    }

    @Test
    void aUsageMistakeExitsOneAsItAlwaysHas() {
        ToolException e = ToolException.usage("--jobs: must be at least 1");
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals(1, ErrorReport.print(err, e));
        assertEquals("flux-modprobe: ERROR: --jobs: must be at least 1\n", printed());
    }

    @Test
    void onlyBadConfigurationIsAConfigException() {
        assertTrue(new ConfigException("x.toml:1: bad") instanceof ToolException);
        assertEquals(ErrorKind.CONFIG, new ConfigException("bad").kind());
        assertFalse(ToolException.usage("--jobs: must be at least 1") instanceof ConfigException);
        assertFalse(ToolException.broker("gone") instanceof ConfigException);
    }

    @Test
    void aCommandLineThatCannotBeParsedExitsTwo() {
        assertEquals(2, ErrorReport.print(err, ErrorKind.COMMAND_LINE, List.of(Problem.of("Unknown option: '--bogus'"))));
        assertEquals("flux-modprobe: ERROR: Unknown option: '--bogus'\n", printed());
    }

    @Test
    void aBrokerFailureExitsOne() {
        ToolException e = ToolException.broker("the broker has no rank attribute");
        assertEquals(ErrorKind.BROKER, e.kind());
        assertEquals(1, ErrorReport.print(err, e));
        assertEquals("flux-modprobe: ERROR: the broker has no rank attribute\n", printed());
    }

    @Test
    void aFailedTaskExitsOne() {
        ToolException e = new ToolException(ErrorKind.TASK, new Problem("rc1.toml", 2, "setup: bash: exited with exit status 3"));
        assertEquals(1, ErrorReport.print(err, e));
        assertEquals("flux-modprobe: ERROR: rc1.toml:2: setup: bash: exited with exit status 3\n", printed());
    }

    @Test
    void anyOtherExceptionExitsOneWithItsMessage() {
        assertEquals(1, ErrorReport.print(err, new UncheckedIOException(new IOException("disk full"))));
        assertEquals("flux-modprobe: ERROR: java.io.IOException: disk full\n", printed());
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClass() {
        assertEquals(1, ErrorReport.print(err, new NullPointerException()));
        assertEquals("flux-modprobe: ERROR: NullPointerException\n", printed());
    }

    @Test
    void theConstructorsWithoutAKindMakeTheConfigKind() {
        assertEquals(ErrorKind.CONFIG, new ConfigException("no such task or module x").kind());
    }

    @Test
    void theReadmesExitStatusTableIsTheMapping() throws IOException {
        Map<ErrorKind, Integer> documented = new EnumMap<>(ErrorKind.class);
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("| kind | status | what |");
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        Matcher m = Pattern.compile("(?m)^\\| ([a-z ]+) \\| (\\d+) \\|").matcher(table);
        while (m.find()) {
            documented.put(ErrorKind.valueOf(m.group(1).replace(' ', '_').toUpperCase(Locale.ROOT)), Integer.parseInt(m.group(2)));
        }
        Map<ErrorKind, Integer> mapped = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            mapped.put(k, k.status());
        }
        assertEquals(mapped, documented);
    }
}
