using System.Globalization;

namespace OrderPipeline.Stack.Processes;

/// Reads /proc to tell whether a recorded PID is still the process we started (PID plus kernel start time,
/// which guards against PID reuse), and how much memory it holds.
public static class ProcessTable
{
    /// The process start time in clock ticks since boot (field 22 of /proc/PID/stat), or null if gone.
    public static long? StartTicks(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    /// True when PID still runs (not a zombie) and started at the recorded time.
    public static bool IsAlive(int pid, long startTicks)
    {
        Reap(pid);
        var fields = StatFields(pid);
        return fields is not null && fields[0] != "Z" && fields[0] != "X"
            && long.Parse(fields[19], CultureInfo.InvariantCulture) == startTicks;
    }

    /// Resident memory in bytes, or null if the process is gone.
    public static long? ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// Sends a signal; false when the process no longer exists.
    public static bool Send(int pid, Signal signal) => NativeMethods.kill(pid, (int)signal) == 0;

    /// Collects the exit status of a child this process started, so a stopped server is not left as a
    /// zombie (which would still look alive) while a long-lived caller such as a test host runs.
    public static void Reap(int pid) => NativeMethods.waitpid(pid, out _, NativeMethods.WNoHang);

    // Fields after the command name, which is in parentheses and may contain spaces: [0] is the state.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close < 0 ? null : stat[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
