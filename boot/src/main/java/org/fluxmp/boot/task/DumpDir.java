package org.fluxmp.boot.task;

import java.nio.file.Path;
import org.fluxmp.boot.exec.JavaTask;

/**
 * Where {@code content.dump = "auto"} dumps go and {@code content.restore = "auto"} finds them:
 * {@code STATEDIR/dump} when the broker keeps its state directory ({@code statedir-cleanup} is
 * {@code 0}), else {@code ./dump}; {@code RESTORE} there links to the newest dump.
 * One place, so that rc3's content-dump and rc1's check-restore always agree.
 */
final class DumpDir {
    static final String LINK = "RESTORE";

    private DumpDir() {}

    static Path of(JavaTask.Context ctx) {
        String statedir = ".";
        if (ctx.attr("statedir-cleanup").orElse("").equals("0")) {
            statedir = ctx.attr("statedir").orElse(".");
        }
        return Path.of(statedir, "dump").normalize();
    }
}
