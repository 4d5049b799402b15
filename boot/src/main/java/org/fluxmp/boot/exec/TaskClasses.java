package org.fluxmp.boot.exec;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.files.StrictModes;

/**
 * Where {@code java = "CLASS"} task bodies come from: the tool's own classes, then the jars in the
 * rcN.d directories of the search path ({@code DIR/rcN.d/*.jar}, directories in search-path order,
 * jars in name order). Without jars, the tool's class loader itself.
 */
public final class TaskClasses {
    private TaskClasses() {}

    /** The loader of DIRS' jars over PARENT; a jar or directory STRICT does not trust is a {@link ConfigException}. */
    public static ClassLoader loader(List<Path> dirs, ClassLoader parent, StrictModes strict) {
        List<URL> urls = new ArrayList<>();
        List<Problem> refused = new ArrayList<>();
        StrictModes.Walk walk = strict.walk();
        for (Path dir : dirs) {
            for (Path jar : jars(dir)) {
                java.util.Optional<Problem> untrusted = walk.check(jar);
                if (untrusted.isPresent()) {
                    refused.add(untrusted.get());
                }
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    // a path always makes a URL
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new ConfigException(refused);
        }
        return urls.isEmpty() ? parent : new URLClassLoader("rc-task-jars", urls.toArray(new URL[0]), parent);
    }

    static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
