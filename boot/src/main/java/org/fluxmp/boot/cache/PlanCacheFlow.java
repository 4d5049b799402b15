package org.fluxmp.boot.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.Version;
import org.fluxmp.boot.cache.CacheCheck;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCache;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.ConfigFiles;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * The boot path's use of the plan cache (SPEC 9): the key from the tool's identity, the command, the
 * bytes of every file the planner would read, FLUX_MODPROBE_* / FLUX_SCHED_MODULE and the options;
 * then an entry is used only if its recorded facts and setup outputs still hold. This class and
 * what it calls must not load the rules engine, the solver or the TOML parser.
 */
public final class PlanCacheFlow {
    private final PlanCache cache;
    private final String key;

    private PlanCacheFlow(PlanCache cache, String key) {
        this.cache = cache;
        this.key = key;
    }

    /**
     * IDENTITY names the command (rc1, rc3, run:FILE, load:M..., remove:M...); SOURCE says which rc
     * files are read (null for load and remove: only the module configuration); OPTIONS are the
     * command-line values that shape the plan. Empty if a file cannot be read (the planner will
     * report it).
     */
    public static Optional<PlanCacheFlow> open(Context ctx, String identity, RcSource source, List<String> options,
            boolean verbose) {
        List<Problem> problems = new ArrayList<>();
        ConfigFiles files = new ConfigFiles(SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env()),
                verbose && firstListing(identity) ? ConfigFiles.printTo(ctx.err()) : ConfigFiles.QUIET, ctx.strict());
        List<Path> read = new ArrayList<>(files.moduleConfig(problems));
        if (source != null) {
            read.addAll(files.of(source, problems));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(("flux-modprobe " + Version.get() + " " + selfIdentity()).getBytes(StandardCharsets.UTF_8));
        parts.add(identity.getBytes(StandardCharsets.UTF_8));
        try {
            for (Path p : read) {
                parts.add(p.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                parts.add(fingerprint(PlanCache.readFile(p)));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, String> e : ctx.env().entrySet()) {
            String k = e.getKey();
            if ((k.startsWith("FLUX_MODPROBE_") && !k.equals("FLUX_MODPROBE_CACHE")) || k.equals("FLUX_SCHED_MODULE")) {
                env.put(k, e.getValue());
            }
        }
        parts.add(env.toString().getBytes(StandardCharsets.UTF_8));
        parts.add(String.join("\0", options).getBytes(StandardCharsets.UTF_8));
        PlanCache cache = new PlanCache(PlanCache.defaultDir(ctx.env()), ctx.err());
        return Optional.of(new PlanCacheFlow(cache, PlanCache.key(parts)));
    }

    /**
     * A file's bytes in the key: their length, CRC-32 and Adler-32 (64 bits of checksum, both
     * computed natively by the JDK's zlib) rather than the bytes themselves, so that the key's
     * SHA-256 runs over a few hundred bytes, not the whole configuration, on every boot. An edit
     * that keeps the length and both checksums is not a risk a cache of one's own config runs.
     */
    static byte[] fingerprint(byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content, 0, content.length);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(content, 0, content.length);
        return (content.length + ":" + Long.toHexString(crc.getValue()) + ":" + Long.toHexString(adler.getValue()))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The running jar's path, size and time: a rebuilt tool never trusts an older tool's plans. */
    private static String selfIdentity() {
        try {
            Path jar = Path.of(PlanCacheFlow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * The option values that shape a plan beyond the recorded facts. The broker and the preview
     * options only change facts, which every entry re-checks, so they are not part of the key: a
     * plan compiled with --rank or --broker=sim:FILE serves a broker with the same facts. The worker
     * limit counts only when given: a plan compiled elsewhere runs with this machine's default.
     */
    public static List<String> options(Integer jobs) {
        return List.of("jobs=" + (jobs == null ? "default" : jobs));
    }

    /**
     * A stored plan that still holds for FACTS, running its setup steps through STEPS (outputs kept in
     * REPLAY). If the boot already looked this key up and missed in this process, the answer is that
     * miss, with the outputs of the setup steps it ran: no step runs twice.
     */
    public Optional<Plan> lookup(Facts facts, SetupStepRunner steps, Deque<SetupRecord> replay) {
        Deque<SetupRecord> missed = takeMissed(key);
        if (missed != null) {
            replay.addAll(missed);
            return Optional.empty();
        }
        return CacheCheck.firstValid(cache.load(key), facts, steps, replay);
    }

    /** The stored variants for this key, newest first. */
    public List<CacheEntry> entries() {
        return cache.load(key);
    }

    /** Records that the boot's check of this key missed, having run setup steps with the outputs in REPLAY. */
    public void missed(Deque<SetupRecord> replay) {
        synchronized (MISSED) {
            MISSED.put(key, replay);
        }
    }

    /** Forgets misses nobody took (the end of a command). */
    public static void forgetMisses() {
        synchronized (MISSED) {
            MISSED.clear();
            LISTED.clear();
        }
    }

    /**
     * Whether IDENTITY's files are listed for the first time in this command: -v says which files
     * are checked once, though the boot and, on a miss, the planner both list them.
     */
    private static boolean firstListing(String identity) {
        synchronized (MISSED) {
            return LISTED.add(identity);
        }
    }

    /** Commands whose files were listed in this process (until {@link #forgetMisses}). */
    private static final java.util.Set<String> LISTED = new java.util.HashSet<>();

    private static Deque<SetupRecord> takeMissed(String key) {
        synchronized (MISSED) {
            return MISSED.remove(key);
        }
    }

    /** Misses of the boot's lookups in this process, by key, with the setup outputs they saw. */
    private static final Map<String, Deque<SetupRecord>> MISSED = new java.util.HashMap<>();

    /** PLAN with this run's worker limit. */
    public static Plan withWorkers(Plan p, int workers) {
        return new Plan(p.rank(), p.tasks(), p.alternatives(), p.setopt(), p.overwritten(), p.data(), p.env(), workers,
                p.method());
    }

    public void store(CacheEntry entry) {
        cache.store(key, entry);
    }

    /** Stores a compile's ENTRIES (one per rank class) in one write, as compiled entries. */
    public void storeCompiled(List<CacheEntry> entries) {
        List<CacheEntry> compiled = new ArrayList<>();
        for (CacheEntry e : entries) {
            compiled.add(e.asCompiled());
        }
        cache.storeAll(key, compiled);
    }

    /** The file that holds this key's plans. */
    public Path file() {
        return cache.fileFor(key);
    }
}
