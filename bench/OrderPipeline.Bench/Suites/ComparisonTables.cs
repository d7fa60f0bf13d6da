using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// The tables that compare ours with the reference design and with the ceilings.
public static class ComparisonTables
{
    public static ResultTable EndToEnd(long orders, BaselineSuite? baseline, PipelineSuite? ours)
    {
        var table = new ResultTable($"End to end, {Format.Count(orders)} orders (median of runs, min-max in brackets)",
            "pipeline", "produce s", "produce orders/s", "consume s", "consume orders/s", "end to end s", "end to end orders/s");
        if (baseline is not null && baseline.Consume.Measured)
        {
            AddRow(table, "baseline as specified minus the sleep", baseline.ProduceFlushPerMessage, baseline.Consume,
                Repeated.Of(baseline.EndToEndSeconds), orders);
            table.Add("baseline producer without per-message flush", Format.Spread(baseline.ProduceNoFlush.Seconds, Format.Seconds),
                Format.Spread(baseline.ProduceNoFlush.Rate, Format.Rate), "", "", "", "");
            var sleep = 0.1 * orders;
            table.Add("baseline as specified, with the 0.1 s sleep (computed: 0.1 s x N, not run)", Format.Seconds(sleep),
                Format.Rate(orders / sleep), "", "", $">= {Format.Seconds(sleep)}", $"<= {Format.Rate(orders / sleep)}");
        }

        if (ours is not null && ours.Consume.Measured)
        {
            AddRow(table, "ours", ours.Produce, ours.Consume, Repeated.Of(ours.EndToEndSeconds), orders);
        }

        if (baseline is not null && ours is not null && baseline.Consume.Measured && ours.Consume.Measured)
        {
            var ratio = Repeated.Of(baseline.EndToEndSeconds).Median / Repeated.Of(ours.EndToEndSeconds).Median;
            table.Add("ratio baseline / ours (end to end, without the sleep)", "", "", "", "", Format.Ratio(ratio), "");
            table.Notes.Add($"Target: ours at least 10x faster end to end than the baseline without its sleep: "
                + Verdict.AtLeast(ratio, 10, Format.Ratio) + ".");
            var withSleep = 0.1 * orders / Repeated.Of(ours.EndToEndSeconds).Median;
            table.Notes.Add($"Against the baseline as specified with its sleep (computed), ours is {Format.Ratio(withSleep)} faster.");
        }

        table.Notes.Add("Times are process wall times (start-up, connecting and the consumer group join included); "
            + "end to end = produce then consume, run back to back.");
        return table;
    }

    private static void AddRow(ResultTable table, string name, StageFigures produce, StageFigures consume, Repeated e2e, long orders) =>
        table.Add(name,
            Format.Spread(produce.Seconds, Format.Seconds), Format.Spread(produce.Rate, Format.Rate),
            Format.Spread(consume.Seconds, Format.Seconds), Format.Spread(consume.Rate, Format.Rate),
            Format.Spread(e2e, Format.Seconds), Format.Rate(orders / e2e.Median));

    public static ResultTable Ceilings(PipelineSuite? ours, KafkaCeilingSuite? kafka, CqlFigures? cql, CqlFigures? stress, CqlFigures? consumerWrites)
    {
        var table = new ResultTable("Ceilings and the fraction our stages reach (median rates)",
            "stage", "ours /s", "ceiling", "ceiling /s", "fraction", "target", "verdict");
        var produce = ours?.Produce.Measured == true ? ours.Produce.Rate.Median : double.NaN;
        var consume = ours?.Consume.Measured == true ? ours.Consume.Rate.Median : double.NaN;
        if (kafka?.Produce.Measured == true)
        {
            var ceiling = kafka.Produce.Rate.Median;
            table.Add("produce", Format.Rate(produce), "kcat produce", Format.Spread(kafka.Produce.Rate, Format.Rate),
                Format.Percent(produce / ceiling), ">= 80%", Verdict.AtLeast(produce / ceiling, 0.8, Format.Percent));
            table.Add("(consume side of Kafka)", "", "kcat consume", Format.Spread(kafka.Consume.Rate, Format.Rate), "", "", "");
        }

        if (consumerWrites is not null)
        {
            table.Add("consume", Format.Rate(consume), $"the consumer's writes without Kafka ({consumerWrites.Label})",
                Format.Rate(consumerWrites.RowsPerSecond), Format.Percent(consume / consumerWrites.RowsPerSecond), ">= 80%",
                Verdict.AtLeast(consume / consumerWrites.RowsPerSecond, 0.8, Format.Percent));
        }

        if (cql is not null)
        {
            // One insert per row here, two per order in the consumer: the per-order fraction is against twice the work.
            table.Add("consume", Format.Rate(consume), $"bench cql, one insert per row ({cql.Label})", Format.Rate(cql.RowsPerSecond),
                Format.Percent(consume / cql.RowsPerSecond), ">= 80%", Verdict.AtLeast(consume / cql.RowsPerSecond, 0.8, Format.Percent));
            table.Add("consume, inserts", Format.Rate(2 * consume), $"bench cql ({cql.Label})", Format.Rate(cql.RowsPerSecond),
                Format.Percent(2 * consume / cql.RowsPerSecond), "", "");
        }

        if (stress is not null)
        {
            table.Add("consume", Format.Rate(consume), $"cassandra-stress ({stress.Label})", Format.Rate(stress.RowsPerSecond),
                Format.Percent(consume / stress.RowsPerSecond), "", "");
        }

        table.Notes.Add("consume writes two rows per order (orders and the orders_by_day query table); its orders/s is compared with the "
            + "same writes made without Kafka (the consumer's own store, same input, same in-flight limit), with bench cql per order "
            + "(one row per insert, so half the work per row) and per insert.");
        return table;
    }
}
