package org.fluxmp.boot.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boot's SHA-256 against the JDK's MessageDigest as the oracle. */
class Sha256Test {
    private static String oracle(byte[] b) throws Exception {
        return Sha256.hex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static String ours(byte[] b) {
        Sha256 s = new Sha256();
        s.update(b);
        return Sha256.hex(s.digest());
    }

    @Test
    void knownAnswerForAbc() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ours("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void agreesWithMessageDigestAtEveryLengthAroundTheBlockBoundaries() throws Exception {
        Random r = new Random(42);
        for (int n = 0; n < 300; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertEquals(oracle(b), ours(b), "length " + n);
        }
    }

    @Test
    void agreesWithMessageDigestWhenFedInPieces() throws Exception {
        Random r = new Random(7);
        for (int round = 0; round < 100; round++) {
            byte[] all = new byte[r.nextInt(5000)];
            r.nextBytes(all);
            Sha256 s = new Sha256();
            int i = 0;
            while (i < all.length) {
                int n = Math.min(all.length - i, r.nextInt(200));
                if (n == 1) {
                    s.update(all[i]);
                } else {
                    byte[] piece = new byte[n];
                    System.arraycopy(all, i, piece, 0, n);
                    s.update(piece);
                }
                i += n;
            }
            assertEquals(oracle(all), Sha256.hex(s.digest()), "round " + round);
        }
    }
}
