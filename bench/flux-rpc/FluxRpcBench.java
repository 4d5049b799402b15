import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.flux.FluxBroker;
import org.fluxmp.boot.flux.FluxCliBroker;
import org.fluxmp.boot.flux.FluxCliFacts;
import org.fluxmp.boot.flux.FluxCommand;
import org.fluxmp.boot.flux.FluxConnection;
import org.fluxmp.boot.flux.FluxFacts;

/**
 * Per-request latency over the native connection against the fake broker (a separate JVM
 * answering from testdata/flux/samples) and through the fake flux command, then rc1 as a whole
 * process against each. Prints a Markdown table. Run by bench/flux-rpc/run.sh.
 */
public class FluxRpcBench {
    interface Call {
        void run() throws Exception;
    }

    static Path repo = Path.of(System.getProperty("repo", ".")).toAbsolutePath().normalize();
    static String classpath = System.getProperty("java.class.path");
    static boolean quick = false;
    static List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        quick = Arrays.asList(args).contains("--quick");
        Path tmp = Files.createTempDirectory("fmp-bench");
        Path sock = tmp.resolve("local-0");
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Process server = startServer(sock);
        try (FluxConnection c = FluxConnection.open(sock, Duration.ofSeconds(30))) {
            long t0 = System.nanoTime();
            new FluxFacts(c, Map.of()).attr("rank");
            row("connection: first `attr.get rank` in a fresh JVM (class loading included)", List.of((System.nanoTime() - t0) / 1e6), "1");
            int n = quick ? 200 : 2000;
            measure("connection: get attribute `rank`", n, () -> new FluxFacts(c, Map.of()).attr("rank"));
            measure("connection: `config.get`", n, () -> new FluxFacts(c, Map.of()).config("modules"));
            FluxBroker b = new FluxBroker(c, Map.of());
            measure("connection: module load + remove `heartbeat`", n / 2, () -> {
                b.load("heartbeat", "heartbeat", List.of(), false);
                b.remove("heartbeat");
            });
        } finally {
            server.destroy();
            server.waitFor();
        }

        Map<String, String> env = new HashMap<>();
        env.put("PATH", repo.resolve("testdata/flux/fake-flux") + ":/usr/bin:/bin");
        Path state = Files.createDirectories(tmp.resolve("fake-flux-state"));
        Files.writeString(state.resolve("loaded"), "connector-local\t\noverlay\t\nconfig\t\n");
        env.put("FAKE_FLUX_STATE", state.toString());
        FluxCommand flux = FluxCommand.onPath(env, Duration.ofSeconds(30));
        int m = quick ? 20 : 100;
        measure("fake `flux` command: `flux getattr rank`", m, () -> new FluxCliFacts(flux, Map.of()).attr("rank"));
        measure("fake `flux` command: `flux config get`", m, () -> new FluxCliFacts(flux, Map.of()).config("modules"));
        FluxCliBroker cb = new FluxCliBroker(flux);
        measure("fake `flux` command: module load + remove `heartbeat`", m / 2, () -> {
            cb.load("heartbeat", "heartbeat", List.of(), false);
            cb.remove("heartbeat");
        });

        int runs = quick ? 3 : 10;
        rc1("`bin/flux-modprobe rc1`, whole process, --broker=flux (socket, fake broker)", runs, tmp, sock, empty, "flux");
        rc1("`bin/flux-modprobe rc1`, whole process, --broker=flux-cli (fake `flux` command)", runs, tmp, sock, empty, "flux-cli");
        rc1("`bin/flux-modprobe rc1`, whole process, --broker=sim (1 ms per load)", runs, tmp, sock, empty, "sim");

        System.out.println("| what | n | median ms | p10 ms | p90 ms |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static Process startServer(Path sock) throws Exception {
        Process p = new ProcessBuilder(javaExe(), "-cp", classpath, "-Dfluxmp.home=" + repo,
                "org.fluxmp.boot.flux.FakeFluxBroker", sock.toString()).redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
        if (line == null || !line.startsWith("listening")) {
            throw new IllegalStateException("fake broker did not start: " + line);
        }
        return p;
    }

    static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void measure(String what, int n, Call call) throws Exception {
        for (int i = 0; i < Math.max(10, n / 4); i++) {
            call.run(); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        row(what, ms, Integer.toString(n));
    }

    /**
     * rc1 as a whole process, RUNS times. Against the fake broker, one server answers every run
     * (warmed up first: the real broker is C and needs no warm-up) and an untimed rc3 unloads the
     * modules between runs; against the fake flux command, each run starts from a fresh state.
     */
    static void rc1(String what, int runs, Path tmp, Path sock, Path empty, String broker) throws Exception {
        Process server = null;
        if (broker.equals("flux")) {
            Files.deleteIfExists(sock);
            server = startServer(sock);
        }
        try {
            List<Double> ms = new ArrayList<>();
            for (int i = -3; i < runs; i++) { // the first runs warm the launcher's class-data archive and the server
                Map<String, String> env = new HashMap<>();
                env.put("PATH", repo.resolve("testdata/flux/fake-flux") + ":/usr/bin:/bin");
                env.put("FLUX_MODPROBE_PATH", empty.toString());
                env.put("FLUX_CONFDIR", empty.toString());
                env.put("FLUX_MODPROBE_BROKER", broker);
                String home = System.getenv("JAVA_HOME");
                if (home != null) {
                    env.put("JAVA_HOME", home);
                }
                Path state = Files.createDirectories(tmp.resolve("rc1-state-" + broker + "-" + i));
                Files.writeString(state.resolve("loaded"), "connector-local\t\noverlay\t\nconfig\t\n");
                env.put("FAKE_FLUX_STATE", state.toString());
                if (server != null) {
                    env.put("FLUX_URI", "local://" + sock);
                }
                double d = launch(env, tmp, "rc1");
                if (i >= 0) {
                    ms.add(d);
                }
                if (server != null) {
                    launch(env, tmp, "rc3");
                }
            }
            row(what, ms, Integer.toString(runs));
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** Runs bin/flux-modprobe COMMAND: its wall time in ms; a failure stops the benchmark. */
    static double launch(Map<String, String> env, Path tmp, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/flux-modprobe").toString(), command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile());
        long t = System.nanoTime();
        int rc = pb.start().waitFor();
        double d = (System.nanoTime() - t) / 1e6;
        if (rc != 0) {
            throw new IllegalStateException(command + ": exit " + rc + "\n" + Files.readString(tmp.resolve("run.log")));
        }
        return d;
    }

    static void row(String what, List<Double> ms, String n) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String r = String.format("| %s | %s | %s | %s | %s |", what, n, fmt(pct(s, 50)), fmt(pct(s, 10)), fmt(pct(s, 90)));
        System.err.println(r);
        rows.add(r);
    }

    static double pct(double[] s, int p) {
        return s[Math.min(s.length - 1, (int) Math.floor(p / 100.0 * s.length))];
    }

    static String fmt(double v) {
        return v < 1 ? String.format("%.3f", v) : String.format("%.1f", v);
    }
}
