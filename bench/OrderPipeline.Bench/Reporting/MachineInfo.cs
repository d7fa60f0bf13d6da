using System.Globalization;

namespace OrderPipeline.Bench.Reporting;

/// The machine a run was measured on, as BENCHMARKS.md quotes it.
public sealed record MachineInfo(int Cores, long MemoryBytes, string CpuModel, string Os)
{
    public static MachineInfo Read()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var memory = long.TryParse(memKb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
        var os = ReadOsName() ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        return new MachineInfo(Environment.ProcessorCount, memory, cpu, os);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores ({CpuModel}), {MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB memory, {Os}, .NET {Environment.Version}");

    private static string? ReadField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string? ReadOsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release")
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault()
            : null;
}
