package org.fluxmp.boot.flux;

import java.util.HashMap;
import java.util.Map;

/**
 * Linux error numbers and their text as glibc's strerror(3) gives it: the broker answers with an
 * errnum, and the {@code flux} command prints this text for it ({@code flux-getattr: X: No such
 * file or directory}). The two directions let both broker paths report the same words.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int ENOSYS = 38;
    public static final int EPROTO = 71;
    public static final int ECONNRESET = 104;
    public static final int ETIMEDOUT = 110;
    public static final int ECONNREFUSED = 111;

    /** Entry N-1 is the text of errnum N (1..133), one per line. */
    private static final String[] TEXT = """
            Operation not permitted
            No such file or directory
            No such process
            Interrupted system call
            Input/output error
            No such device or address
            Argument list too long
            Exec format error
            Bad file descriptor
            No child processes
            Resource temporarily unavailable
            Cannot allocate memory
            Permission denied
            Bad address
            Block device required
            Device or resource busy
            File exists
            Invalid cross-device link
            No such device
            Not a directory
            Is a directory
            Invalid argument
            Too many open files in system
            Too many open files
            Inappropriate ioctl for device
            Text file busy
            File too large
            No space left on device
            Illegal seek
            Read-only file system
            Too many links
            Broken pipe
            Numerical argument out of domain
            Numerical result out of range
            Resource deadlock avoided
            File name too long
            No locks available
            Function not implemented
            Directory not empty
            Too many levels of symbolic links
            Unknown error 41
            No message of desired type
            Identifier removed
            Channel number out of range
            Level 2 not synchronized
            Level 3 halted
            Level 3 reset
            Link number out of range
            Protocol driver not attached
            No CSI structure available
            Level 2 halted
            Invalid exchange
            Invalid request descriptor
            Exchange full
            No anode
            Invalid request code
            Invalid slot
            Unknown error 58
            Bad font file format
            Device not a stream
            No data available
            Timer expired
            Out of streams resources
            Machine is not on the network
            Package not installed
            Object is remote
            Link has been severed
            Advertise error
            Srmount error
            Communication error on send
            Protocol error
            Multihop attempted
            RFS specific error
            Bad message
            Value too large for defined data type
            Name not unique on network
            File descriptor in bad state
            Remote address changed
            Can not access a needed shared library
            Accessing a corrupted shared library
            .lib section in a.out corrupted
            Attempting to link in too many shared libraries
            Cannot exec a shared library directly
            Invalid or incomplete multibyte or wide character
            Interrupted system call should be restarted
            Streams pipe error
            Too many users
            Socket operation on non-socket
            Destination address required
            Message too long
            Protocol wrong type for socket
            Protocol not available
            Protocol not supported
            Socket type not supported
            Operation not supported
            Protocol family not supported
            Address family not supported by protocol
            Address already in use
            Cannot assign requested address
            Network is down
            Network is unreachable
            Network dropped connection on reset
            Software caused connection abort
            Connection reset by peer
            No buffer space available
            Transport endpoint is already connected
            Transport endpoint is not connected
            Cannot send after transport endpoint shutdown
            Too many references: cannot splice
            Connection timed out
            Connection refused
            Host is down
            No route to host
            Operation already in progress
            Operation now in progress
            Stale file handle
            Structure needs cleaning
            Not a XENIX named type file
            No XENIX semaphores available
            Is a named type file
            Remote I/O error
            Disk quota exceeded
            No medium found
            Wrong medium type
            Operation canceled
            Required key not available
            Key has expired
            Key has been revoked
            Key was rejected by service
            Owner died
            State not recoverable
            Operation not possible due to RF-kill
            Memory page has hardware error
            """.strip().split("\n");

    private static final Map<String, Integer> NUMBER = new HashMap<>();

    static {
        for (int i = 1; i <= TEXT.length; i++) {
            TEXT[i - 1] = TEXT[i - 1].strip();
            NUMBER.put(TEXT[i - 1], i);
        }
    }

    private Errno() {}

    /** strerror(ERRNUM). */
    public static String text(int errnum) {
        if (errnum >= 1 && errnum <= TEXT.length) {
            return TEXT[errnum - 1];
        }
        return "Unknown error " + errnum;
    }

    /** The errnum whose text is TEXT, or 0 when TEXT is not a strerror text (a broker's own message). */
    public static int number(String text) {
        Integer n = NUMBER.get(text);
        return n == null ? 0 : n;
    }
}
