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
    private final StrictModes strict;

    /** Lists files without {@link StrictModes} checks. */
    public ConfigFiles(SearchPath path, Consumer<String> verbose) {
        this(path, verbose, StrictModes.OFF);
    }

    /** Lists files, refusing (as problems) those STRICT does not trust. */
    public ConfigFiles(SearchPath path, Consumer<String> verbose, StrictModes strict) {
        this.path = path;
        this.verbose = verbose;
        this.strict = strict;
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
        return trusted(List.of(source.file()), List.of(), problems);
    }

    private List<Path> list(String name, List<String> dirs, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        List<Path> dirsRead = new ArrayList<>();
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
            dirsRead.add(d);
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
        return trusted(out, dirsRead, problems);
    }

    /** FILES, each NAME.d directory of DIRS and every directory on their way checked by StrictModes: the refused become PROBLEMS. */
    private List<Path> trusted(List<Path> files, List<Path> dirs, List<Problem> problems) {
        if (!strict.enforce()) {
            return files;
        }
        StrictModes.Walk walk = strict.walk();
        for (Path d : dirs) {
            java.util.Optional<Problem> refused = walk.check(d);
            if (refused.isPresent()) {
                problems.add(refused.get());
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            java.util.Optional<Problem> refused = walk.check(f);
            if (refused.isPresent()) {
                problems.add(refused.get());
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
