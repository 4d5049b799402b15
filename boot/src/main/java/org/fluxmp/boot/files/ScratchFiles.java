package org.fluxmp.boot.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The boot's small files, read and written through java.io: a new file with a unique name
 * (created exclusively, named by the clock, so no SecureRandom and its security providers, as
 * {@code Files.createTempFile} would load) and a whole-file replace by rename. java.io is loaded in
 * every JVM already; file channels are not.
 */
public final class ScratchFiles {
    private ScratchFiles() {}

    /** A new empty file DIR/PREFIX-N-SUFFIX, created exclusively (O_EXCL). */
    public static File createUnique(File dir, String prefix, String suffix) throws IOException {
        for (long n = System.nanoTime();; n++) {
            File f = new File(dir, prefix + n + suffix);
            if (f.createNewFile()) {
                return f;
            }
        }
    }

    /** The file's bytes as UTF-8 text. */
    public static String read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces FILE with TEXT (UTF-8) at once: written beside it, then renamed over it. */
    public static void replace(Path file, String text) throws IOException {
        File target = file.toFile();
        File tmp = createUnique(target.getAbsoluteFile().getParentFile(), "." + target.getName() + "-", ".tmp");
        try (FileOutputStream out = new FileOutputStream(tmp)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (!tmp.renameTo(target)) {
            Files.move(tmp.toPath(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
