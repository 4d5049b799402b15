package org.fluxmp.boot.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-all-rc1/rc3: the rcN.d scripts of the config directory and of FLUX_RC_EXTRA, in name order. */
class RunAllRcTest {
    @TempDir
    Path dir;

    final FakeContext ctx = new FakeContext();

    Path script(String path, boolean executable) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return p;
    }

    @Test
    void runsExecutablesOfTheConfigDirectoryThenOfEachExtraDirectoryInNameOrder() throws Exception {
        Path b = script("conf/rc1.d/b", true);
        Path a = script("conf/rc1.d/a", true);
        script("conf/rc1.d/not-executable", false);
        script("conf/rc3.d/other-runlevel", true);
        Path z = script("extra/rc1.d/z", true);
        ctx.env.put("FLUX_CONFDIR", dir.resolve("conf").toString());
        ctx.env.put("FLUX_RC_EXTRA", dir.resolve("missing") + ": :" + dir.resolve("extra"));
        new RunAllRc1().run(ctx);
        List<Path> expected = List.of(a.toRealPath(), b.toRealPath(), z);
        assertEquals(expected.stream().map(p -> List.of(p.toString())).toList(), ctx.execs);
        assertEquals(expected.stream().map(p -> "running " + p).toList(), ctx.out);
    }

    @Test
    void aFailingScriptFailsTheTaskAfterTheOthersRan() throws Exception {
        Path a = script("conf/rc3.d/a", true);
        script("conf/rc3.d/b", true);
        ctx.env.put("FLUX_CONFDIR", dir.resolve("conf").toString());
        ctx.exitCodes.put(a.toRealPath().toString(), 2);
        Exception e = assertThrows(Exception.class, () -> new RunAllRc3().run(ctx));
        assertEquals("one or more rc3.d scripts failed", e.getMessage());
        assertEquals(2, ctx.execs.size(), "b still ran");
        assertEquals(List.of(a.toRealPath() + " failed with exit code 2"), ctx.err);
    }

    @Test
    void nothingToRunIsNotAnError() throws Exception {
        ctx.env.put("FLUX_CONFDIR", dir.resolve("nowhere").toString());
        new RunAllRc1().run(ctx);
        assertEquals(List.of(), ctx.execs);
    }
}
