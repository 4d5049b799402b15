package org.fluxmp.boot.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fluxmp.boot.Problem;

/**
 * Which files a command reads, in order: the built-in {@code NAME.toml}, then {@code DIR/NAME.d/*.toml}
 * (and, for rc files, {@code DIR/NAME.d/*.py}) for each search-path directory in name order. The planner and the plan cache list files with
 * this one class, so a cache key always covers exactly what the planner read. Reads no file.
 */
public final class ConfigFiles {
    /** Says nothing about skipped files. */
    public static final Consumer<String> QUIET = new Consumer<String>() {
        @Override
        public void accept(String line) {}
    };

    /** Says where it looks, which files it reads and which it skips, a line each on OUT ({@code -v}). */
    public static Consumer<String> printTo(java.io.PrintStream out) {
        return new Consumer<String>() {
            @Override
            public void accept(String line) {
                out.println(line);
            }
        };
    }

    private final SearchPath path;
    private final Consumer<String> verbose;

    public ConfigFiles(SearchPath path, Consumer<String> verbose) {
        this.path = path;
        this.verbose = verbose;
    }

    /** modprobe.toml and modprobe.d/*.toml. */
    public List<Path> moduleConfig(List<Problem> problems) {
        return list("modprobe", path.dirs(), problems);
    }

    /** rcN.toml and rcN.d/*.toml for RUNLEVEL (rc1, rc3, or the NAME of {@code run NAME}). */
    public List<Path> runlevel(String runlevel, List<Problem> problems) {
        return list(runlevel, path.rcDirs(), problems);
    }

    /** The task files SOURCE names: its name's files as {@link #runlevel} lists them, or its one file. */
    public List<Path> of(RcSource source, List<Problem> problems) {
        if (source.file() == null) {
            return runlevel(source.name(), problems);
        }
        verbose.accept("loading " + source.file());
        return List.of(source.file());
    }

    private List<Path> list(String name, List<String> dirs, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        Path builtin = path.builtin().resolve(name + ".toml");
        verbose.accept("checking " + builtin);
        if (Files.exists(builtin)) {
            out.add(builtin);
        }
        for (String dir : dirs) {
            verbose.accept("checking " + dir + "/" + name + ".d/*.toml");
            Path d = Path.of(dir, name + ".d");
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                for (Path f : s) {
                    String fn = f.getFileName().toString();
                    // rc directories also hold Python drop-ins (SPEC 10), read through the bridge
                    if (fn.endsWith(".toml") || !name.equals("modprobe") && fn.endsWith(".py")) {
                        files.add(f);
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(d.toString(), 0, "cannot read directory: " + e.getMessage()));
            }
            files.sort(null);
            out.addAll(files);
        }
        // as the original: every place checked, then each file it will read
        for (Path f : out) {
            verbose.accept("loading " + f);
        }
        return out;
    }
}
