package org.fluxmp.boot.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.fluxmp.boot.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StrictModes, as sshd's: as root, a file or a directory on its way that others could write or
 * that another user owns is refused. The checks run with "root" and the running user given, so
 * that they are tested whoever runs the tests; changing a file's owner needs root.
 */
class StrictModesTest {
    static final StrictModes AS_ROOT = new StrictModes(true, 0);

    @TempDir
    Path dir;

    Path file(String perms) throws IOException {
        Path d = Files.createDirectories(dir.resolve("rc1.d"));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path f = Files.writeString(d.resolve("x.toml"), "");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    Optional<Problem> check(StrictModes strict, Path f) {
        return strict.walk().check(f);
    }

    @Test
    void aFileOnlyItsOwnerCanWriteIsTrusted() throws IOException {
        assertEquals(Optional.empty(), check(new StrictModes(true, ownerOf(dir)), file("rw-r--r--")));
    }

    @Test
    void aGroupWritableFileIsRefusedWithItsNameModeAndOwner() throws IOException {
        Path f = file("rw-rw-r--");
        int uid = ownerOf(f);
        Problem p = check(new StrictModes(true, uid), f).orElseThrow();
        assertEquals(f + ": refusing a file writable by group or others (mode 0664, owner " + uid + ":" + groupOf(f)
                + ") while running as root; fix its permissions or use --no-strict", p.toString());
    }

    @Test
    void aWorldWritableFileIsRefused() throws IOException {
        Path f = file("rw-r--rw-");
        assertTrue(check(new StrictModes(true, ownerOf(f)), f).orElseThrow().message().contains("mode 0646"));
    }

    @Test
    void aFileChownedToAnotherUserIsRefusedAsRoot() throws IOException {
        assumeTrue(StrictModes.effectiveUid() == 0, "changing a file's owner needs root");
        Path f = file("rw-r--r--");
        Files.setAttribute(f, "unix:uid", 4242);
        Problem p = check(AS_ROOT, f).orElseThrow();
        assertTrue(p.message().startsWith("refusing a file owned by another user (mode 0644, owner 4242:"), p.toString());
    }

    @Test
    void aWritableDirectoryOnTheWayIsRefusedAndNamed() throws IOException {
        Path f = file("rw-r--r--");
        Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
        Problem p = check(new StrictModes(true, ownerOf(f)), f).orElseThrow();
        assertEquals(f.toString(), p.file());
        assertTrue(p.message().startsWith("refusing it: its directory " + f.getParent().toRealPath()
                + " is writable by group or others (mode 0775"), p.toString());
    }

    @Test
    void aStickyWorldWritableDirectoryOnTheWayIsAllowedAsTmpIs() throws IOException {
        Path f = file("rw-r--r--");
        Files.setAttribute(f.getParent(), "unix:mode", 01777);
        assertEquals(Optional.empty(), check(new StrictModes(true, ownerOf(f)), f));
    }

    @Test
    void aStickyWorldWritableFileIsStillRefused() throws IOException {
        Path f = file("rw-rw-rw-");
        Files.setAttribute(f, "unix:mode", 01666);
        assertTrue(check(new StrictModes(true, ownerOf(f)), f).isPresent());
    }

    @Test
    void aLinkIsJudgedByWhereItLeads() throws IOException {
        Path target = file("rw-rw-rw-");
        Path link = Files.createSymbolicLink(dir.resolve("link.toml"), target);
        Problem p = check(new StrictModes(true, ownerOf(target)), link).orElseThrow();
        assertEquals(link.toString(), p.file());
    }

    @Test
    void offTrustsEverything() throws IOException {
        assertEquals(Optional.empty(), check(StrictModes.OFF, file("rw-rw-rw-")));
    }

    @Test
    void noStrictTurnsTheChecksOffWhoeverRuns() {
        assertEquals(StrictModes.OFF, StrictModes.forArgs(new String[] {"rc1", "--no-strict"}));
    }

    @Test
    void noStrictAfterDoubleDashIsAnArgumentNotTheOption() {
        assertEquals(StrictModes.effectiveUid() == 0,
                StrictModes.forArgs(new String[] {"run", "--", "--no-strict"}).enforce());
    }

    @Test
    void theChecksAreOnExactlyWhenRunningAsRoot() {
        assertEquals(StrictModes.effectiveUid() == 0, StrictModes.forArgs(new String[] {"rc1"}).enforce());
    }

    @Test
    void configFilesReportsARefusedDropInAsAProblemAndSkipsIt() throws IOException {
        Path f = file("rw-rw-r--");
        List<Problem> problems = new java.util.ArrayList<>();
        ConfigFiles files = new ConfigFiles(new SearchPath(dir.resolve("builtin"), List.of(dir.toString())),
                ConfigFiles.QUIET, new StrictModes(true, ownerOf(f)));
        assertEquals(List.of(), files.runlevel("rc1", problems));
        assertEquals(1, problems.size());
        assertEquals(f.toString(), problems.get(0).file());
    }

    static int ownerOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    static int groupOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid");
    }
}
