using System.Globalization;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Orders.Tests;

/// <summary>
/// The malformed-CSV corpus: each <c>Corpus/NN_name.csv</c> has a <c>.expected</c> sidecar stating the
/// outcome: either <c>error: text</c> (a file-level error containing the text) or the accepted count, the
/// exact rejected lines with reasons, duplicates, blank lines, and property checks of accepted orders.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestFiles.CorpusDirectory, "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Should_HaveAtLeast25CorpusFilesEachWithAnExpectedOutcome()
    {
        var csvs = Directory.GetFiles(TestFiles.CorpusDirectory, "*.csv");
        Assert.True(csvs.Length >= 25, $"only {csvs.Length} corpus files");
        Assert.All(csvs, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected")), f));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_MatchTheWrittenExpectation(string file)
    {
        var path = Path.Combine(TestFiles.CorpusDirectory, file);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();

        var error = expected.FirstOrDefault(e => e.Key == "error");
        if (error.Key is not null)
        {
            var ex = Assert.Throws<OrderCsvFormatException>(() => OrderFile.ReadCleaned(path, new CleaningSummary()).ToList());
            Assert.Contains(error.Value, ex.Message, StringComparison.Ordinal);
            return;
        }

        var summary = new CleaningSummary();
        var records = OrderFile.ReadCleaned(path, summary).ToList();
        var orders = records.Where(r => r.IsValid).Select(r => r.Order!).ToList();
        var rejected = string.Join(' ', records.Where(r => !r.IsValid).Select(r => $"{r.LineNumber}:{r.Rejection!.Reason}"));
        Assert.All(records.Where(r => !r.IsValid), r => Assert.Equal(r.LineNumber, r.Rejection!.LineNumber));

        foreach (var (key, value) in expected)
        {
            switch (key)
            {
                case "accepted":
                    Assert.Equal(long.Parse(value, CultureInfo.InvariantCulture), summary.Accepted);
                    Assert.Equal(summary.Accepted, orders.Count);
                    break;
                case "rejected":
                    Assert.Equal(value == "none" ? "" : value, rejected);
                    break;
                case "duplicates":
                    Assert.Equal(long.Parse(value, CultureInfo.InvariantCulture), summary.DuplicatesSuperseded);
                    break;
                case "blank":
                    Assert.Equal(long.Parse(value, CultureInfo.InvariantCulture), summary.BlankLines);
                    break;
                case "order":
                    AssertOrder(orders, value);
                    break;
                default:
                    Assert.Fail($"unknown key '{key}' in the expectation of {file}");
                    break;
            }
        }

        Assert.Equal(summary.RowsRead, summary.Accepted + summary.Rejected + summary.DuplicatesSuperseded);
    }

    [Fact]
    public void Should_RejectOnlyTheRow_When_AFieldIs10MB()
    {
        // Generated here, not committed: a 10 MB order id between two valid rows.
        var path = TestFiles.TempFile();
        try
        {
            var lines = File.ReadLines(TestFiles.SamplePath).Take(3).ToList();
            using (var writer = new StreamWriter(path))
            {
                writer.Write(lines[0] + "\n" + lines[1] + "\n");
                writer.Write(new string('a', 10 * 1024 * 1024));
                writer.Write(lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..] + "\n");
                writer.Write(lines[2] + "\n");
            }

            var summary = new CleaningSummary();
            var records = OrderFile.ReadCleaned(path, summary).ToList();
            Assert.Equal(2, summary.Accepted);
            var bad = Assert.Single(records, r => !r.IsValid);
            Assert.Equal(3, bad.LineNumber);
            Assert.Equal(RejectReason.BadOrderId, bad.Rejection!.Reason);
            Assert.True(bad.Rejection.Detail.Length < 200, "the detail must not carry the 10 MB value");
            Assert.Equal(Rejection.MaxRawLength, bad.Rejection.RawText!.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertOrder(List<Order> orders, string spec)
    {
        var parts = spec.Split('|', StringSplitOptions.TrimEntries);
        var order = Assert.Single(orders, o => o.OrderIdHex == parts[0]);
        foreach (var check in parts.Skip(1))
        {
            var (name, value) = (check[..check.IndexOf('=', StringComparison.Ordinal)], check[(check.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            object? actual = name switch
            {
                "customer" => order.CustomerIdHex,
                "status" => order.Status,
                "purchase" => Text(order.PurchaseTimestamp),
                "approved" => Text(order.ApprovedAt),
                "carrier" => Text(order.DeliveredCarrierDate),
                "delivered" => Text(order.DeliveredCustomerDate),
                "estimated" => Text(order.EstimatedDeliveryDate),
                _ => throw new InvalidOperationException($"unknown order property '{name}'"),
            };
            Assert.Equal(value, actual);
        }
    }

    private static string Text(DateTime? value) => value is { } v ? DatasetTimestamp.ToText(v) : "null";
}
