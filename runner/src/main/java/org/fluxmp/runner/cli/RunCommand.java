package org.fluxmp.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.files.RcSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run FILE} or {@code run NAME}: the tasks of one rc file, or of NAME's files (plus the module configuration). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the tasks of an rc file, or of NAME's rc files.",
            "FILE is a TOML rc file, read alone with the module configuration. NAME, a word without an extension "
                + "or a directory (rc2), reads the built-in NAME.toml and each search-path directory's "
                + "NAME.d/*.toml, as rc1 reads rc1.toml and rc1.d (the original reads NAME.py and NAME.d/*.py). "
                + "A file without an extension in the current directory is ./FILE."})
final class RunCommand extends TaskCommand {
    @Parameters(paramLabel = "FILE|NAME", description = "Run the tasks defined in rc file FILE, or in NAME's rc files")
    Path file;

    @Override
    public Integer call() {
        RcSource source = RcSource.run(file.toString());
        requireFile(source);
        return runTasks(source, run.timing(false));
    }

    /** A FILE that does not exist fails as the original's does; a NAME reads what is there. */
    static void requireFile(RcSource source) {
        if (source.file() != null && !Files.exists(source.file())) {
            throw ToolException.usage(source.file() + ": No such file or directory");
        }
    }
}
