package org.fluxmp.boot.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boot's reader of plan-cache bytes against DataInputStream as the oracle. */
class PlanInputTest {
    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append((char) r.nextInt(0x80));
                case 1 -> sb.append((char) (0x80 + r.nextInt(0x780)));
                case 2 -> sb.append((char) (0x800 + r.nextInt(0xf7ff)));
                default -> sb.append('\0');
            }
        }
        return sb.toString();
    }

    @Test
    void readsWhatDataOutputStreamWroteAsDataInputStreamDoes() throws IOException {
        Random r = new Random(3);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        for (int i = 0; i < 2000; i++) {
            out.writeInt(r.nextInt());
            out.writeLong(r.nextLong());
            out.writeBoolean(r.nextBoolean());
            out.writeByte(r.nextInt(256));
            out.writeUTF(randomString(r));
        }
        byte[] bytes = buf.toByteArray();
        DataInputStream oracle = new DataInputStream(new ByteArrayInputStream(bytes));
        PlanInput ours = new PlanInput(bytes, 0, bytes.length);
        for (int i = 0; i < 2000; i++) {
            assertEquals(oracle.readInt(), ours.readInt());
            assertEquals(oracle.readLong(), ours.readLong());
            assertEquals(oracle.readBoolean(), ours.readBoolean());
            assertEquals(oracle.readByte(), ours.readByte());
            assertEquals(oracle.readUTF(), ours.readUTF());
        }
        assertThrows(EOFException.class, ours::readByte);
    }

    @Test
    void aTruncatedStringIsAnEndOfInputNotAGarbledString() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new DataOutputStream(buf).writeUTF("content-sqlite");
        byte[] bytes = buf.toByteArray();
        assertThrows(EOFException.class, () -> new PlanInput(bytes, 0, bytes.length - 1).readUTF());
    }

    @Test
    void aMalformedCharacterIsRefusedAsDataInputStreamRefusesIt() {
        byte[] bytes = {0, 2, (byte) 0xc3, 0x41};
        assertThrows(java.io.UTFDataFormatException.class, () -> new PlanInput(bytes, 0, bytes.length).readUTF());
        assertThrows(java.io.UTFDataFormatException.class,
                () -> new DataInputStream(new ByteArrayInputStream(bytes)).readUTF());
    }
}
