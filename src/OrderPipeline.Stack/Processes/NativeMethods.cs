using System.Runtime.InteropServices;

namespace OrderPipeline.Stack.Processes;

/// libc calls that System.Diagnostics.Process does not offer: spawning a detached child whose stdout and
/// stderr go to a file, sending a chosen signal, and reaping our own children.
internal static partial class NativeMethods
{
    // glibc flag values (spawn.h, bits/signum-generic.h, fcntl.h) on Linux.
    public const short PosixSpawnSetSigDef = 0x04;
    public const short PosixSpawnSetSigMask = 0x08;
    public const short PosixSpawnSetSid = 0x80;
    public const int OWronly = 0x1;
    public const int OCreat = 0x40;
    public const int OAppend = 0x400;
    public const int ORdonly = 0;
    public const int WNoHang = 1;

    // posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336 and sigset_t 128 on x86_64 and arm64
    // glibc; the buffers are larger so a different libc layout cannot overrun them.
    public const int OpaqueBufferSize = 1024;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawn_file_actions_init(IntPtr actions);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawn_file_actions_destroy(IntPtr actions);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(IntPtr actions, int fd, string path, int oflag, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addchdir_np(IntPtr actions, string path);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawnattr_init(IntPtr attr);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawnattr_destroy(IntPtr attr);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawnattr_setflags(IntPtr attr, short flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawnattr_setsigmask(IntPtr attr, IntPtr sigmask);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawnattr_setsigdefault(IntPtr attr, IntPtr sigdefault);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int sigemptyset(IntPtr set);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int sigaddset(IntPtr set, int signal);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attr, IntPtr argv, IntPtr envp);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int signal);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitpid(int pid, out int status, int options);
}
