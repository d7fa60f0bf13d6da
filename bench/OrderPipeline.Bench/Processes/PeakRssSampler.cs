using System.Globalization;

namespace OrderPipeline.Bench.Processes;

/// Reads a process's peak resident set size (VmHWM in /proc/PID/status). VmHWM is the kernel's own high-water
/// mark, so sampling it now and then loses nothing between samples; only the last sample before exit can be
/// stale, which is why it is read often.
public static class PeakRssSampler
{
    public static long? TryRead(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }
        catch (UnauthorizedAccessException)
        {
            // A process of another user; not ours to measure.
        }

        return null;
    }
}
