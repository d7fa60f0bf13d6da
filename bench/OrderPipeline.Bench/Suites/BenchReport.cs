using OrderPipeline.Bench.Reporting;

namespace OrderPipeline.Bench.Suites;

/// Everything one benchmark command measured: tables for the console and BENCHMARKS.md, the figures the chart
/// draws, and the steps that could not be measured (with the reason), so a missing figure is visible, not silent.
public sealed class BenchReport
{
    public List<ResultTable> Tables { get; } = [];
    public List<string> Preamble { get; } = [];
    public List<string> NotMeasured { get; } = [];
    public List<(string Label, double OrdersPerSecond)> Throughput { get; } = [];
    public List<(double Rate, double P50, double P95, double P99)> Latency { get; } = [];

    /// Runs one step; a BenchException (a peer missing, a child failing) is recorded as "not measured".
    public async Task<T?> StepAsync<T>(string step, Func<Task<T>> run, Action<string>? log = null)
        where T : class
    {
        try
        {
            return await run();
        }
        catch (BenchException e)
        {
            // The first lines say what failed; a peer's full output stays in its log file.
            var reason = e.Message.Length > 600 ? e.Message[..600] + " ..." : e.Message;
            NotMeasured.Add($"{step}: {reason}");
            log?.Invoke($"not measured: {step}: {reason}");
            return null;
        }
    }

    public ResultTable NotMeasuredTable()
    {
        var table = new ResultTable("Not measured in this run", "step and reason");
        foreach (var item in NotMeasured)
        {
            table.Add(item);
        }

        return table;
    }
}
