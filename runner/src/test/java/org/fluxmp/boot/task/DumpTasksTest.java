package org.fluxmp.boot.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rc3's content-dump and rc1's check-restore agree on where "auto" dumps go. */
class DumpTasksTest {
    @TempDir
    Path dir;

    FakeContext keptStatedir() {
        FakeContext ctx = new FakeContext();
        ctx.attrs.put("statedir-cleanup", "0");
        ctx.attrs.put("statedir", dir.toString());
        return ctx;
    }

    @Test
    void aNamedDumpIsWrittenWithFluxDumpAndNoLink() throws Exception {
        FakeContext ctx = keptStatedir();
        ctx.attrs.put("content.dump", dir.resolve("my dump.tgz").toString());
        new ContentDump().run(ctx);
        assertEquals(List.of(List.of("flux", "dump", "--sd-notify", "--quiet", "--ignore-failed-read", "--no-cache",
                "--maxreqs=128", "--checkpoint", dir.resolve("my dump.tgz").toString())), ctx.execs);
        assertEquals(List.of("dumping content to " + dir.resolve("my dump.tgz")), ctx.out);
        assertFalse(Files.exists(dir.resolve("dump")));
    }

    @Test
    void anAutoDumpGoesToTheStateDirectoryWithARestoreLinkThatRc1Follows() throws Exception {
        FakeContext dump = keptStatedir();
        dump.attrs.put("content.dump", "auto");
        Files.createDirectories(dir.resolve("dump"));
        Files.createSymbolicLink(dir.resolve("dump/RESTORE"), Path.of("older.tgz"));
        new ContentDump().run(dump);
        String file = dump.execs.get(0).get(8);
        assertTrue(file.matches(".*/dump/\\d{8}_\\d{6}\\.tgz"), file);
        Path link = dir.resolve("dump/RESTORE");
        assertEquals(Path.of(file).getFileName(), Files.readSymbolicLink(link), "relative, replacing the old link");

        Files.writeString(Path.of(file), "");
        FakeContext restore = keptStatedir();
        restore.attrs.put("content.restore", "auto");
        new CheckRestore().run(restore);
        assertEquals(Map.of("dumpfile", Path.of(file).toRealPath().toString(), "dumplink", link.toString()), restore.data);
        assertEquals(Map.of("content-backing", List.of("truncate")), restore.setopts);
    }

    @Test
    void aFailedDumpFailsTheTaskAndLeavesNoLink() throws Exception {
        FakeContext ctx = keptStatedir();
        ctx.attrs.put("content.dump", "auto");
        ctx.exitCodes.put("flux", 1);
        Exception e = assertThrows(Exception.class, () -> new ContentDump().run(ctx));
        assertEquals("flux dump: exited with exit status 1", e.getMessage());
        assertFalse(Files.exists(dir.resolve("dump/RESTORE"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void autoRestoreWithoutALinkRestoresNothing() throws Exception {
        FakeContext ctx = keptStatedir();
        ctx.attrs.put("content.restore", "auto");
        new CheckRestore().run(ctx);
        assertEquals(Map.of(), ctx.data);
        assertEquals(Map.of(), ctx.setopts);
    }

    @Test
    void aNamedRestoreFileTruncatesTheBackingStore() throws Exception {
        FakeContext ctx = keptStatedir();
        ctx.attrs.put("content.restore", "/var/lib/flux/dump.tgz");
        new CheckRestore().run(ctx);
        assertEquals(Map.of("dumpfile", "/var/lib/flux/dump.tgz"), ctx.data);
        assertEquals(Map.of("content-backing", List.of("truncate")), ctx.setopts);
    }

    @Test
    void withoutAKeptStateDirectoryDumpsGoUnderTheWorkingDirectory() {
        FakeContext ctx = new FakeContext();
        ctx.attrs.put("statedir", dir.toString());
        assertEquals(Path.of("dump"), DumpDir.of(ctx));
    }
}
