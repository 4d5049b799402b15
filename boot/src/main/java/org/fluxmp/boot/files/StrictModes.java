package org.fluxmp.boot.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.Problem;

/**
 * sshd's StrictModes for the files a run trusts: when the tool runs as root (effective uid 0), a
 * config or rc file, an rcN.d directory or a task jar is refused if it, or any directory on the way
 * to it from {@code /} (after resolving links), is writable by group or others, or is owned by
 * someone other than root or the running user. One exception, unlike sshd: a world-writable
 * directory with the sticky bit (such as {@code /tmp}) may be on the way, since nobody but its owner
 * can rename or remove what is in it. {@code --no-strict} turns the checks off. Costs one
 * {@code stat} per file and per directory not seen before in this command.
 *
 * @param enforce whether files are checked (running as root, no {@code --no-strict})
 * @param uid the running user, whose files are trusted as root's are
 */
public record StrictModes(boolean enforce, int uid) {
    /** No checks: not root, or {@code --no-strict}. */
    public static final StrictModes OFF = new StrictModes(false, -1);

    /** The option that turns the checks off. */
    public static final String NO_STRICT = "--no-strict";

    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

    /** The checks for this process and ARGS: on as root unless ARGS hold {@code --no-strict} (before any {@code --}). */
    public static StrictModes forArgs(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals(NO_STRICT)) {
                return OFF;
            }
        }
        int euid = effectiveUid();
        return euid == 0 ? new StrictModes(true, 0) : OFF;
    }

    /** The effective uid: the owner of {@code /proc/self} (Linux), or -1 where that cannot be read. */
    static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The checks of one listing: each directory on the way is looked at once. */
    public Walk walk() {
        return new Walk();
    }

    /** Checks files that share directories, stat-ing each directory once. */
    public final class Walk {
        private final Set<Path> trusted = new HashSet<>();

        private Walk() {}

        /** Why FILE may not be trusted, or empty if it may. */
        public Optional<Problem> check(Path file) {
            if (!enforce) {
                return Optional.empty();
            }
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                return Optional.empty(); // a file that is not there is not read; whoever reads it reports that
            }
            Optional<String> own = refusal(real, false);
            if (own.isPresent()) {
                return Optional.of(new Problem(file.toString(), 0, "refusing a file " + own.get() + ADVICE));
            }
            for (Path d = real.getParent(); d != null && !trusted.contains(d); d = d.getParent()) {
                Optional<String> dir = refusal(d, true);
                if (dir.isPresent()) {
                    return Optional.of(new Problem(file.toString(), 0,
                            "refusing it: its directory " + d + " is " + dir.get() + ADVICE));
                }
                trusted.add(d);
            }
            return Optional.empty();
        }
    }

    private static final String ADVICE = " while running as root; fix its permissions or use " + NO_STRICT;

    /** Why P's mode or owner makes it untrusted ("writable by group or others (mode 0664, owner 1000:1000)"), or empty. */
    private Optional<String> refusal(Path p, boolean onTheWay) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid,gid");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        int mode = (Integer) a.get("mode");
        int owner = (Integer) a.get("uid");
        int group = (Integer) a.get("gid");
        if (owner != 0 && owner != uid) {
            return Optional.of("owned by another user" + modeAndOwner(mode, owner, group));
        }
        boolean stickyDir = onTheWay && (mode & STICKY) != 0;
        if ((mode & GROUP_OR_OTHER_WRITE) != 0 && !stickyDir) {
            return Optional.of("writable by group or others" + modeAndOwner(mode, owner, group));
        }
        return Optional.empty();
    }

    /** " (mode 0664, owner 1000:1000)", without a Formatter (the boot path loads none). */
    private static String modeAndOwner(int mode, int owner, int group) {
        String octal = Integer.toOctalString(mode & 07777);
        return " (mode " + "0000".substring(octal.length()) + octal + ", owner " + owner + ":" + group + ")";
    }
}
