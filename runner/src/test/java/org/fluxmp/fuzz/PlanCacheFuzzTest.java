package org.fluxmp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCache;
import org.junit.jupiter.api.Timeout;

/**
 * The plan cache's decoder (SPEC 9): a cache file of any content, given a valid checksum so that
 * the decoder itself is reached, is read into plans or ignored with a warning; a plan that cannot
 * be decoded throws UncheckedIOException when first used, which the boot takes as a miss. Nothing
 * else may escape: a bad cache entry is a miss, never an error of the boot.
 */
class PlanCacheFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void cacheFile(byte[] input) throws Exception {
        Path dir = Files.createTempDirectory("fuzz-cache");
        PlanCache cache = new PlanCache(dir, new PrintStream(OutputStream.nullOutputStream()));
        String key = keyIn(input);
        Path file = cache.fileFor(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, withChecksum(input));
            InputCost.bounded(input, () -> {
                for (CacheEntry e : cache.load(key)) {
                    try {
                        e.plan().tasks().forEach(Object::toString);
                    } catch (UncheckedIOException undecodable) {
                        // documented (StoredPlan.plan): the boot's CacheCheck takes it as a miss
                    }
                }
            });
        } finally {
            Files.deleteIfExists(file);
            if (!file.getParent().equals(dir)) {
                Files.deleteIfExists(file.getParent());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The key a cache file names after its magic and format numbers, or "fuzz" if it names none. */
    static String keyIn(byte[] input) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(input));
            in.skipNBytes(8);
            String key = in.readUTF();
            return key.matches("[0-9a-f]{1,64}") ? key : "fuzz";
        } catch (IOException e) {
            return "fuzz";
        }
    }

    /** INPUT followed by its CRC-32, as the cache writes a file. */
    static byte[] withChecksum(byte[] input) {
        CRC32 crc = new CRC32();
        crc.update(input);
        return ByteBuffer.allocate(input.length + 8).put(input).putLong(crc.getValue()).array();
    }
}
