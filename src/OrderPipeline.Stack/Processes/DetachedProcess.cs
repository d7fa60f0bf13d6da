using System.Collections;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace OrderPipeline.Stack.Processes;

/// Starts a server as a detached process: its own session (no terminal signals, survives the CLI exiting),
/// stdin from /dev/null and stdout+stderr appended to its log file, so it never holds the caller's stdout open.
public static class DetachedProcess
{
    public static int Start(string executable, IReadOnlyList<string> arguments, string workingDirectory, string logPath,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var actions = Marshal.AllocHGlobal(NativeMethods.OpaqueBufferSize);
        var attr = Marshal.AllocHGlobal(NativeMethods.OpaqueBufferSize);
        var emptyMask = Marshal.AllocHGlobal(NativeMethods.OpaqueBufferSize);
        var defaults = Marshal.AllocHGlobal(NativeMethods.OpaqueBufferSize);
        var argv = ToNativeArray([executable, .. arguments]);
        var envp = ToNativeArray(Environment(extraEnvironment));
        try
        {
            Check(NativeMethods.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(NativeMethods.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", NativeMethods.ORdonly, 0), "addopen stdin");
            const int logFlags = NativeMethods.OWronly | NativeMethods.OCreat | NativeMethods.OAppend;
            Check(NativeMethods.posix_spawn_file_actions_addopen(actions, 1, logPath, logFlags, 420 /* 0644 */), "addopen stdout");
            Check(NativeMethods.posix_spawn_file_actions_addopen(actions, 2, logPath, logFlags, 420), "addopen stderr");
            Check(NativeMethods.posix_spawn_file_actions_addchdir_np(actions, workingDirectory), "addchdir");

            Check(NativeMethods.posix_spawnattr_init(attr), "posix_spawnattr_init");
            // The .NET runtime ignores SIGPIPE and may block signals on the calling thread; the JVM must start
            // with default dispositions and an empty mask so SIGTERM triggers its orderly shutdown.
            NativeMethods.sigemptyset(emptyMask);
            NativeMethods.sigemptyset(defaults);
            foreach (var signal in new[] { Signal.Hangup, Signal.Interrupt, Signal.Quit, Signal.Pipe, Signal.Terminate })
            {
                NativeMethods.sigaddset(defaults, (int)signal);
            }

            Check(NativeMethods.posix_spawnattr_setsigmask(attr, emptyMask), "setsigmask");
            Check(NativeMethods.posix_spawnattr_setsigdefault(attr, defaults), "setsigdefault");
            Check(NativeMethods.posix_spawnattr_setflags(attr,
                NativeMethods.PosixSpawnSetSid | NativeMethods.PosixSpawnSetSigMask | NativeMethods.PosixSpawnSetSigDef), "setflags");

            var rc = NativeMethods.posix_spawn(out var pid, executable, actions, attr, argv, envp);
            if (rc != 0)
            {
                throw new Win32Exception(rc, $"Could not start {executable}");
            }

            return pid;
        }
        finally
        {
            NativeMethods.posix_spawn_file_actions_destroy(actions);
            NativeMethods.posix_spawnattr_destroy(attr);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attr);
            Marshal.FreeHGlobal(emptyMask);
            Marshal.FreeHGlobal(defaults);
            FreeNativeArray(argv);
            FreeNativeArray(envp);
        }
    }

    private static List<string> Environment(IReadOnlyDictionary<string, string>? extra)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return [.. env.Select(kv => $"{kv.Key}={kv.Value}")];
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new Win32Exception(rc, $"{what} failed");
        }
    }

    private static IntPtr ToNativeArray(List<string> values)
    {
        var array = Marshal.AllocHGlobal(IntPtr.Size * (values.Count + 1));
        for (var i = 0; i < values.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(values[i] + "\0");
            var str = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, str, bytes.Length);
            Marshal.WriteIntPtr(array, i * IntPtr.Size, str);
        }

        Marshal.WriteIntPtr(array, values.Count * IntPtr.Size, IntPtr.Zero);
        return array;
    }

    private static void FreeNativeArray(IntPtr array)
    {
        for (var i = 0; ; i++)
        {
            var str = Marshal.ReadIntPtr(array, i * IntPtr.Size);
            if (str == IntPtr.Zero)
            {
                break;
            }

            Marshal.FreeHGlobal(str);
        }

        Marshal.FreeHGlobal(array);
    }
}
