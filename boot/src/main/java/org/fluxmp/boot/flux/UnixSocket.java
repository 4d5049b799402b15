package org.fluxmp.boot.flux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connected Unix-domain stream socket through five native calls (src/main/c/unixsocket.c):
 * Java's own AF_UNIX channel seeds a SecureRandom and scans the class path for a selector
 * provider on first use, about half of a boot's own time. Where the library is missing (not
 * built, another platform) {@link #available} is false and the connection uses the JDK's
 * channel instead; both speak the same bytes.
 *
 * <p>Closing shuts the socket down, which wakes a reader blocked in {@link #read}; the descriptor
 * itself is released by that reader when it sees the end, so a descriptor is never closed while
 * another thread may still use its number.
 */
final class UnixSocket implements ByteChannel {
    /** The library's file name, looked for next to the tool's jars. */
    static final String LIBRARY = "libfluxmp-unixsocket.so";

    private static final boolean LOADED = load();

    private final int fd;
    private volatile boolean open = true;
    private boolean released;

    private UnixSocket(int fd) {
        this.fd = fd;
    }

    /** -Dfluxmp.native names the library; else HOME/lib/flux-modprobe/ (installed) or HOME/boot/target/native/ (checkout). */
    private static boolean load() {
        String home = System.getProperty("fluxmp.home", ".");
        String[] candidates = {
            System.getProperty("fluxmp.native"),
            home + "/lib/flux-modprobe/" + LIBRARY,
            home + "/boot/target/native/" + LIBRARY,
        };
        for (String c : candidates) {
            if (c != null && Files.isRegularFile(Path.of(c))) {
                try {
                    System.load(Path.of(c).toAbsolutePath().toString());
                    return true;
                } catch (UnsatisfiedLinkError | SecurityException e) {
                    // another platform's build, or not allowed: the JDK's channel it is
                }
            }
        }
        return false;
    }

    static boolean available() {
        return LOADED && !"jdk".equals(System.getProperty("fluxmp.socket"));
    }

    static UnixSocket connect(Path socket) throws IOException {
        int fd = connect0(socket.toString().getBytes(StandardCharsets.UTF_8));
        if (fd < 0) {
            throw new IOException(Errno.text(-fd));
        }
        return new UnixSocket(fd);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            release();
            return -1;
        }
        int n = read0(fd, dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
            dst.position(dst.position() + n);
            return n;
        }
        if (n == 0 || !open) {
            release();
            return -1;
        }
        throw new IOException(Errno.text(-n));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int n = write0(fd, src.array(), src.arrayOffset() + src.position(), src.remaining());
        if (n < 0) {
            throw new IOException(Errno.text(-n));
        }
        src.position(src.position() + n);
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            shutdown0(fd);
        }
    }

    private synchronized void release() {
        if (!released) {
            released = true;
            close0(fd);
        }
    }

    private static native int connect0(byte[] path);

    private static native int read0(int fd, byte[] b, int off, int len);

    private static native int write0(int fd, byte[] b, int off, int len);

    private static native int shutdown0(int fd);

    private static native int close0(int fd);
}
