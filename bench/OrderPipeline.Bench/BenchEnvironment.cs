using System.Globalization;

namespace OrderPipeline.Bench;

/// Where everything a benchmark run touches lives: the repository (scripts), the built CLI (child processes),
/// the servers (from the same ORDERPIPELINE_STACK_SUBNET the stack command uses) and a scratch folder.
public sealed record BenchEnvironment
{
    public const string SubnetVariable = "ORDERPIPELINE_STACK_SUBNET";

    public required string RepositoryRoot { get; init; }
    public required string CliAssembly { get; init; }
    public required string Subnet { get; init; }
    public required string WorkDirectory { get; init; }

    /// Debian's interpreter: the one python3-confluent-kafka, python3-cassandra and python3-pandas install into.
    public string Python { get; init; } = "/usr/bin/python3";

    public string Brokers => string.Create(CultureInfo.InvariantCulture, $"{Subnet}.1:9092");
    public string ContactPoint => string.Create(CultureInfo.InvariantCulture, $"{Subnet}.1");

    public string BenchDirectory => Path.Combine(RepositoryRoot, "bench");
    public string PeersDirectory => Path.Combine(BenchDirectory, "peers");
    public string BaselinesDirectory => Path.Combine(BenchDirectory, "baselines");
    public string BenchmarksFile => Path.Combine(RepositoryRoot, "BENCHMARKS.md");
    public string SampleCsv => Path.Combine(RepositoryRoot, "data", "olist_orders_sample.csv");

    /// Environment passed to child processes so they talk to the same servers.
    public IReadOnlyDictionary<string, string> ChildEnvironment => new Dictionary<string, string>
    {
        [SubnetVariable] = Subnet,
    };

    public static BenchEnvironment Discover()
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory)
            ?? FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException(
                "The OrderPipeline repository (OrderPipeline.slnx) was not found above the CLI or the current folder; "
                + "run the benchmarks from a clone.");
        var cli = Path.Combine(AppContext.BaseDirectory, "orderpipeline.dll");
        var subnet = Environment.GetEnvironmentVariable(SubnetVariable);
        var work = Path.Combine(Path.GetTempPath(), $"orderpipeline-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        return new BenchEnvironment
        {
            RepositoryRoot = root,
            CliAssembly = cli,
            Subnet = string.IsNullOrWhiteSpace(subnet) ? "127.0.0" : subnet.Trim(),
            WorkDirectory = work,
        };
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
