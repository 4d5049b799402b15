/*
 * The boot's Unix-domain socket: connect, read, write, shutdown and close on a file
 * descriptor, for org.fluxmp.boot.flux.UnixSocket. Java's own AF_UNIX channel seeds a
 * SecureRandom (the security providers) and finds its selector provider through
 * ServiceLoader, about 25 ms of a 50 ms boot; these five calls are what a broker
 * connection needs. Errors come back as -errno.
 */
#include <jni.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

JNIEXPORT jint JNICALL
Java_org_fluxmp_boot_flux_UnixSocket_connect0(JNIEnv *env, jclass cls, jbyteArray path)
{
    struct sockaddr_un sa;
    jsize n = (*env)->GetArrayLength(env, path);
    int fd;

    if (n <= 0 || (size_t)n >= sizeof(sa.sun_path))
        return -ENAMETOOLONG;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    (*env)->GetByteArrayRegion(env, path, 0, n, (jbyte *)sa.sun_path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    while (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        int e = errno;
        if (e == EINTR)
            continue;
        close(fd);
        return -e;
    }
    return fd;
}

JNIEXPORT jint JNICALL
Java_org_fluxmp_boot_flux_UnixSocket_read0(JNIEnv *env, jclass cls, jint fd, jbyteArray b, jint off, jint len)
{
    char stack[8192];
    char *buf = len <= (jint)sizeof(stack) ? stack : malloc(len);
    ssize_t r;

    if (!buf)
        return -ENOMEM;
    do {
        r = read(fd, buf, len);
    } while (r < 0 && errno == EINTR);
    if (r > 0)
        (*env)->SetByteArrayRegion(env, b, off, (jsize)r, (jbyte *)buf);
    else if (r < 0)
        r = -errno;
    if (buf != stack)
        free(buf);
    return (jint)r;
}

JNIEXPORT jint JNICALL
Java_org_fluxmp_boot_flux_UnixSocket_write0(JNIEnv *env, jclass cls, jint fd, jbyteArray b, jint off, jint len)
{
    char stack[8192];
    char *buf = len <= (jint)sizeof(stack) ? stack : malloc(len);
    ssize_t w;

    if (!buf)
        return -ENOMEM;
    (*env)->GetByteArrayRegion(env, b, off, len, (jbyte *)buf);
    do {
        w = send(fd, buf, len, MSG_NOSIGNAL);
    } while (w < 0 && errno == EINTR);
    if (w < 0)
        w = -errno;
    if (buf != stack)
        free(buf);
    return (jint)w;
}

JNIEXPORT jint JNICALL
Java_org_fluxmp_boot_flux_UnixSocket_shutdown0(JNIEnv *env, jclass cls, jint fd)
{
    return shutdown(fd, SHUT_RDWR) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL
Java_org_fluxmp_boot_flux_UnixSocket_close0(JNIEnv *env, jclass cls, jint fd)
{
    return close(fd) < 0 ? -errno : 0;
}
