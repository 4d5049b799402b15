package org.fluxmp.boot.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Stored plans (SPEC 9), one file per key in a private directory. An entry that is unreadable,
 * corrupt, truncated, owned by someone else or writable by others is ignored with one warning
 * line: never trusted, never fatal. Writes go to a temporary file, then rename.
 */
public final class PlanCache {
    private static final int MAGIC = 0x464d5043; // "FMPC"
    /** 5: a fact is its kind (a byte) and name, not a {@code kind:name} string; 6: a task is its kind (a byte) and that kind's fields. */
    private static final int FORMAT = 6;
    /**
     * Variants that boots keep per key: one per distinct set of facts (e.g. rank 0 and the other
     * ranks). Compiled entries (one per rank class) come on top and are never evicted by a boot.
     */
    static final int MAX_VARIANTS = 16;

    private final Path dir;
    private final PrintStream err;

    public PlanCache(Path dir, PrintStream err) {
        this.dir = dir;
        this.err = err;
    }

    /**
     * FLUX_MODPROBE_CACHE, else $XDG_CACHE_HOME/flux-modprobe, else $HOME/.cache/flux-modprobe,
     * else a per-user directory under /tmp.
     */
    public static Path defaultDir(Map<String, String> env) {
        String explicit = env.get("FLUX_MODPROBE_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "flux-modprobe");
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home, ".cache", "flux-modprobe");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "flux-modprobe-" + System.getProperty("user.name"));
    }

    /** The key of a plan's inputs: hex SHA-256 of the parts, each length-prefixed. */
    public static String key(List<byte[]> parts) {
        Sha256 md = new Sha256();
        for (byte[] p : parts) {
            md.update(Integer.toString(p.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ':');
            md.update(p);
        }
        return Sha256.hex(md.digest());
    }

    public Path fileFor(String key) {
        return dir.resolve(key + ".plan");
    }

    /** The stored variants for KEY, newest first; empty (with one warning) if the file cannot be trusted. */
    public List<CacheEntry> load(String key) {
        return load(key, true);
    }

    private List<CacheEntry> load(String key, boolean warn) {
        Path f = fileFor(key);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            String why = unsafe(f);
            if (why == null) {
                why = unsafe(dir);
            }
            if (why != null) {
                return warn(warn, f, why);
            }
            byte[] bytes = readFile(f);
            if (bytes.length < 8) {
                return warn(warn, f, "truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = new PlanInput(bytes, bytes.length - 8, 8).readLong();
            if (stored != crc.getValue()) {
                return warn(warn, f, "corrupt (checksum mismatch)");
            }
            PlanInput in = new PlanInput(bytes, 0, bytes.length - 8);
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return warn(warn, f, "not a plan of this version and key");
            }
            int variants = PlanCodec.count(in);
            List<CacheEntry> out = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                out.add(PlanCodec.readEntry(in));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return warn(warn, f, "unreadable (" + e.getMessage() + ")");
        }
    }

    /** A file's bytes through FileInputStream, which every JVM has loaded already (no FileChannel classes). */
    static byte[] readFile(Path f) throws IOException {
        try (java.io.FileInputStream in = new java.io.FileInputStream(f.toFile())) {
            return in.readAllBytes();
        }
    }

    /** Why a path must not be trusted, or null: it must be ours and not writable by group or others. */
    private static String unsafe(Path p) throws IOException {
        // the common case, decided from the raw mode and uid: no EnumSet of permissions, whose
        // universe the JDK builds by reflection (method handles spun at run time)
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        boolean symlink = (mode & 0170000) == 0120000;
        if (!symlink && (mode & 022) == 0 && uid == myUid()) {
            return null;
        }
        return why(p);
    }

    /** This process's effective uid: the owner of /proc/self (Linux, as Flux is). */
    private static int myUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /** Why P must not be trusted, in words (names, not numbers), or null. */
    private static String why(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        String me = System.getProperty("user.name");
        if (!a.owner().getName().equals(me)) {
            return "owned by " + a.owner().getName() + ", not " + me;
        }
        Set<PosixFilePermission> perms = a.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return "writable by group or others (" + PosixFilePermissions.toString(perms) + ")";
        }
        return null;
    }

    private List<CacheEntry> warn(boolean warn, Path f, String why) {
        if (warn) {
            err.println("flux-modprobe: warning: ignoring plan cache entry " + f + ": " + why);
        }
        return List.of();
    }

    /**
     * Stores E as the newest variant for KEY, replacing a variant decided from the same facts.
     * Failure to store is reported as a warning, never fatal.
     */
    public void store(String key, CacheEntry e) {
        storeAll(key, List.of(e));
    }

    /**
     * Stores ENTRIES (e.g. a compile's rank classes) as the newest variants for KEY, in one write:
     * each replaces a stored variant decided from the same inputs; other compiled variants stay,
     * other boot-made ones while fewer than {@link #MAX_VARIANTS} are not compiled.
     */
    public void storeAll(String key, List<CacheEntry> entries) {
        Path f = fileFor(key);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            List<CacheEntry> variants = new ArrayList<>(entries);
            int made = 0;
            for (CacheEntry e : entries) {
                made += e.compiled() ? 0 : 1;
            }
            Set<List<Object>> replacing = new java.util.HashSet<>();
            for (CacheEntry e : entries) {
                replacing.add(e.inputs());
            }
            for (CacheEntry old : load(key, false)) {
                if (replacing.contains(old.inputs())) {
                    continue;
                }
                if (old.compiled()) {
                    variants.add(old);
                } else if (made < MAX_VARIANTS) {
                    variants.add(old);
                    made++;
                }
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(variants.size());
            for (CacheEntry v : variants) {
                PlanCodec.writeEntry(out, v);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buf.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            Path tmp = Files.createTempFile(dir, ".plan-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, buf.toByteArray());
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ex) {
            err.println("flux-modprobe: warning: cannot store plan in " + dir + ": " + ex.getMessage());
        }
    }
}
