package org.fluxmp.boot.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.fluxmp.boot.exec.ExitStatus;
import org.fluxmp.boot.exec.JavaTask;

/**
 * The built-in content-dump task (rc3): dumps the content store with {@code flux dump} to the file
 * the attribute {@code content.dump} names, or, for {@code auto}, to a timestamped file in
 * {@link DumpDir} with a {@code RESTORE} link to it (relative, so the directory may be moved) that
 * rc1's check-restore follows. {@code flux dump} runs with its arguments as a list, no shell.
 */
public final class ContentDump implements JavaTask {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    @Override
    public void run(Context ctx) throws Exception {
        Optional<String> set = ctx.attr("content.dump");
        if (set.isEmpty()) {
            throw new Exception("content.dump is not set");
        }
        String dumpfile = set.get();
        Path dumplink = null;
        if (dumpfile.equals("auto")) {
            Path dir = DumpDir.of(ctx);
            Files.createDirectories(dir);
            dumpfile = dir.resolve(LocalDateTime.now().format(STAMP) + ".tgz").toString();
            dumplink = dir.resolve(DumpDir.LINK);
        }
        ctx.print("dumping content to " + dumpfile);
        int rc = ctx.exec(List.of("flux", "dump", "--sd-notify", "--quiet", "--ignore-failed-read", "--no-cache",
                "--maxreqs=128", "--checkpoint", dumpfile));
        if (rc != 0) {
            throw new Exception("flux dump: " + ExitStatus.describe(rc));
        }
        if (dumplink != null) {
            Files.deleteIfExists(dumplink);
            Files.createSymbolicLink(dumplink, Path.of(dumpfile).getFileName());
        }
    }
}
