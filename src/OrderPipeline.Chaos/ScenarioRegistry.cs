using System.Globalization;
using OrderPipeline.Chaos.Framework;

namespace OrderPipeline.Chaos;

/// Every chaos scenario, one line each, in table order. A new scenario is a class in Scenarios/ plus one line here.
public static class ScenarioRegistry
{
    public static IReadOnlyList<IChaosScenario> All { get; } =
    [
        new Scenarios.ConsumerKillScenario(),
        new Scenarios.ProducerKillScenario(),
        new Scenarios.Cluster.CassandraNodeKillScenario(),
        new Scenarios.Cluster.CassandraQuorumLossScenario(),
        new Scenarios.Cluster.CassandraOutageScenario(),
        new Scenarios.Cluster.KafkaBrokerKillScenario(),
        new Scenarios.Cluster.NetworkStallScenario(),
        new Scenarios.PoisonMessagesScenario(),
        new Scenarios.CsvCorpusScenario(),
        new Scenarios.CqlGarbageScenario(),
    ];

    /// The single-node and server-less scenarios: what `--scenario fast` and CI run.
    public static IReadOnlyList<IChaosScenario> Fast => [.. All.Where(IsFast)];

    public static bool IsFast(IChaosScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Topology is null || scenario.Topology == ChaosTopologies.OneNode;
    }

    /// Resolves --scenario: "all", "fast", or a comma-separated list of numbers and names ("1,poison-messages").
    /// Throws <see cref="ArgumentException"/> naming the valid choices for an unknown one.
    public static IReadOnlyList<IChaosScenario> Select(string? selection, IReadOnlyList<IChaosScenario>? from = null)
    {
        var scenarios = from ?? All;
        var text = string.IsNullOrWhiteSpace(selection) ? "all" : selection.Trim();
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return scenarios;
        }

        if (text.Equals("fast", StringComparison.OrdinalIgnoreCase))
        {
            return [.. scenarios.Where(IsFast)];
        }

        var chosen = new List<IChaosScenario>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = scenarios.FirstOrDefault(s =>
                s.Name.Equals(part, StringComparison.OrdinalIgnoreCase)
                || (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && s.Number == n))
                ?? throw new ArgumentException(
                    $"Unknown scenario '{part}'. Choose all, fast, or any of: {string.Join(", ", scenarios.Select(s => $"{s.Number} {s.Name}"))}.",
                    nameof(selection));
            if (!chosen.Contains(match))
            {
                chosen.Add(match);
            }
        }

        return [.. chosen.OrderBy(s => s.Number)];
    }
}
