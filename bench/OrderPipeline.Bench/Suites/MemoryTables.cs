using OrderPipeline.Bench.Reporting;

namespace OrderPipeline.Bench.Suites;

/// Peak RSS of our producer and consumer processes by input size (flat in N is the goal).
public static class MemoryTables
{
    public static ResultTable PeakRss(IEnumerable<(long Orders, PipelineSuite Suite)> runs, BaselineSuite? baseline = null, long baselineOrders = 0)
    {
        var table = new ResultTable("Peak memory (VmHWM of each process, median of runs)",
            "orders", "ours produce", "target", "ours consume", "target");
        foreach (var (orders, suite) in runs.Where(r => r.Suite.Consume.Measured))
        {
            var produce = suite.Produce.PeakRss.Median;
            var consume = suite.Consume.PeakRss.Median;
            table.Add(Format.Count(orders), Format.Mb(produce), Verdict.AtMost(produce / Mb, 150, v => $"{v:0} MB"),
                Format.Mb(consume), Verdict.AtMost(consume / Mb, 250, v => $"{v:0} MB"));
        }

        if (baseline?.Consume.Measured == true)
        {
            table.Add($"{Format.Count(baselineOrders)} (baseline, Python)", Format.Mb(baseline.ProduceFlushPerMessage.PeakRss.Median), "",
                Format.Mb(baseline.Consume.PeakRss.Median), "");
        }

        table.Notes.Add("Targets (issue 4): producer under 150 MB and consumer under 250 MB RSS for 1,000,000 orders.");
        return table;
    }

    private const double Mb = 1024.0 * 1024;
}
