package org.fluxmp.boot.flux;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code flux} command, one process per request: the fallback when no local connection
 * can be made. A failing command's last stderr line, without the program name
 * ({@code flux-module: }) and the command's own context ({@code load kvs: }), is the error text,
 * the same words the connection reports.
 */
public final class FluxCommand {
    /**
     * A generic RPC through the Python bindings: {@code flux} has no subcommand for an arbitrary
     * request, nor for the broker's environment. Prints the answer as JSON, or "ERRNUM TEXT" on
     * stderr.
     */
    static final String RPC_SCRIPT = String.join("\n",
            "import flux, json, sys",
            "try:",
            "    p = json.loads(sys.argv[2]) if len(sys.argv) > 2 else None",
            "    r = flux.Flux().rpc(sys.argv[1], p).get()",
            "except OSError as e:",
            "    sys.stderr.write('%d %s\\n' % (e.errno or 0, e.strerror))",
            "    sys.exit(1)",
            "print(json.dumps(r))");

    private static final Pattern PROGRAM = Pattern.compile("^flux(-[\\w.-]+)?: ");
    private static final Pattern RPC_ERROR = Pattern.compile("^(\\d+) (.*)$");

    private final Path exe;
    private final Map<String, String> env;
    private final Duration timeout;

    public FluxCommand(Path exe, Map<String, String> env, Duration timeout) {
        this.exe = exe;
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    /** The {@code flux} found on ENV's PATH (not the JVM's: tests and callers choose the environment). */
    public static FluxCommand onPath(Map<String, String> env, Duration timeout) throws FluxException {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "flux");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new FluxCommand(p, env, timeout);
            }
        }
        throw new FluxException(Errno.ENOENT, "no flux command on PATH");
    }

    public Path exe() {
        return exe;
    }

    /** What one run printed and how it exited. */
    record Result(int exit, String out, String err) {}

    /** Runs {@code flux ARGS...} to completion (or kills it after the timeout). */
    Result run(List<String> args) throws FluxException {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String what = "flux " + String.join(" ", args);
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new FluxException(Errno.ETIMEDOUT, what + ": no answer in " + timeout.toMillis() / 1000.0 + "s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new FluxException(Errno.ENOENT, what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxException(Errno.EINTR, what + ": interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "flux-command-output");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Runs {@code flux ARGS...}: its stdout, or its error text (after CONTEXT, e.g. {@code "load kvs: "}). */
    String check(List<String> args, String context) throws FluxException {
        Result r = run(args);
        if (r.exit() == 0) {
            return r.out();
        }
        String text = errorText(r.err(), context);
        if (text.isEmpty()) {
            text = "flux " + String.join(" ", args) + ": exited with status " + r.exit();
        }
        throw new FluxException(Errno.number(text), text);
    }

    /** The last line of STDERR without the program name and CONTEXT. */
    static String errorText(String stderr, String context) {
        String line = "";
        for (String l : stderr.split("\n")) {
            if (!l.isBlank()) {
                line = l.strip();
            }
        }
        Matcher m = PROGRAM.matcher(line);
        if (m.find()) {
            line = line.substring(m.end());
        }
        if (!context.isEmpty() && line.startsWith(context)) {
            line = line.substring(context.length());
        }
        return line;
    }

    /** One RPC through {@code flux python} (JSON null for no payload): the answer as JSON text. */
    String rpc(String topic, String json) throws FluxException {
        List<String> args = new ArrayList<>(List.of("python", "-c", RPC_SCRIPT, topic));
        if (json != null) {
            args.add(json);
        }
        Result r = run(args);
        if (r.exit() == 0) {
            return r.out().strip();
        }
        String line = errorText(r.err(), "");
        Matcher m = RPC_ERROR.matcher(line);
        if (m.matches()) {
            int errnum = Integer.parseInt(m.group(1));
            String text = m.group(2).isEmpty() || m.group(2).equals("None") ? Errno.text(errnum) : m.group(2);
            throw new FluxException(errnum, text);
        }
        throw new FluxException(Errno.number(line), line.isEmpty() ? topic + ": flux python exited with status " + r.exit() : line);
    }
}
