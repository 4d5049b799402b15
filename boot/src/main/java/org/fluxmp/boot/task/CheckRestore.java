package org.fluxmp.boot.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fluxmp.boot.exec.JavaTask;

/**
 * The built-in check-restore task (rc1): decides which dump {@code restore} loads. The attribute
 * {@code content.restore} names a dump file, or is {@code auto}: the file that
 * {@code DumpDir/RESTORE} links to, if that link exists. With a dump to restore, the backing module
 * is told to start empty ({@code truncate}); {@code dumpfile} and {@code dumplink} go to the shared
 * data (FLUX_MODPROBE_DATA_DUMPFILE / _DUMPLINK for restore).
 */
public final class CheckRestore implements JavaTask {
    @Override
    public void run(Context ctx) throws Exception {
        String dumpfile = ctx.attr("content.restore").orElse("");
        Path dumplink = null;
        if (dumpfile.equals("auto")) {
            Path link = DumpDir.of(ctx).resolve(DumpDir.LINK);
            if (Files.isSymbolicLink(link)) {
                dumpfile = resolve(link).toString();
                dumplink = link;
            } else {
                dumpfile = "";
            }
        }
        if (!dumpfile.isEmpty()) {
            ctx.setopt("content-backing", "truncate");
            ctx.set("dumpfile", dumpfile);
        }
        if (dumplink != null) {
            ctx.set("dumplink", dumplink.toString());
        }
    }

    /** The link's target as an absolute path, resolved as far as it exists (Python's Path.resolve()). */
    static Path resolve(Path link) throws IOException {
        Path target = link.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(link)).normalize();
        try {
            return target.toRealPath();
        } catch (IOException e) {
            return target;
        }
    }
}
