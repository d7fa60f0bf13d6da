using System.Text;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Json;
using OrderPipeline.Producer;

namespace OrderPipeline.Chaos.Corpora;

/// What the real producer did with one corpus file: its result (or the file-level error it raised), its rejects
/// file, and the messages it put in the topic, decoded with the consumer's decoder.
public sealed record CorpusRun(CorpusFile File, string CsvPath, string RejectsPath, ProduceResult? Result, string? Error,
    IReadOnlyList<byte[]?> Messages)
{
    /// The differences from the written expectation; empty when the outcome is exactly the expected one.
    public IReadOnlyList<string> Differences()
    {
        var expected = File.Expected;
        var diffs = new List<string>();
        if (expected.Error is not null)
        {
            if (Error is null || !Error.Contains(expected.Error, StringComparison.Ordinal))
            {
                diffs.Add($"expected the error '{expected.Error}', got {(Error is null ? "none" : $"'{Error}'")}");
            }

            if (Messages.Count > 0)
            {
                diffs.Add($"{Messages.Count} messages sent for a file that must be refused");
            }

            return diffs;
        }

        if (Result is null)
        {
            diffs.Add($"produce failed: {Error}");
            return diffs;
        }

        var orders = new List<Order>();
        foreach (var value in Messages)
        {
            Rejection? rejection = null;
            if (value is not null && OrderJson.Deserialize(value, out rejection) is { } order)
            {
                orders.Add(order);
            }
            else
            {
                diffs.Add($"a sent message does not decode as an order: {rejection?.Detail ?? "no value"}");
            }
        }

        var cleaning = Result.Cleaning;
        Compare(diffs, "accepted", expected.Accepted, cleaning.Accepted);
        Compare(diffs, "delivered", expected.Accepted, Result.Delivered);
        Compare(diffs, "messages in the topic", expected.Accepted, Messages.Count);
        Compare(diffs, "duplicates", expected.Duplicates, cleaning.DuplicatesSuperseded);
        Compare(diffs, "blank lines", expected.Blank, cleaning.BlankLines);
        var rejected = RejectedInFile();
        if (expected.Rejected is not null && rejected != expected.Rejected)
        {
            diffs.Add($"rejects file has '{rejected}', expected '{expected.Rejected}'");
        }

        diffs.AddRange(expected.Orders.Select(spec => CorpusExpectation.CheckOrder(orders, spec)).OfType<string>());
        return diffs;
    }

    /// "LINE:Reason" items of the rejects file the producer wrote ("" when it wrote none). The line and reason
    /// columns are never quoted.
    public string RejectedInFile()
    {
        if (!System.IO.File.Exists(RejectsPath))
        {
            return "";
        }

        return string.Join(' ', System.IO.File.ReadLines(RejectsPath, Encoding.UTF8)
            .Skip(1)
            .Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))
            .Select(l => l.Split(',', 3))
            .Select(p => $"{p[0]}:{p[1]}"));
    }

    private static void Compare(List<string> diffs, string what, long? expected, long actual)
    {
        if (expected is { } e && e != actual)
        {
            diffs.Add($"{what}: {actual}, expected {e}");
        }
    }
}
