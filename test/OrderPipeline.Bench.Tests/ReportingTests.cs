using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Suites;

namespace OrderPipeline.Bench.Tests;

public class ReportingTests
{
    [Fact]
    public void Should_ReplaceOnlyItsOwnSection_When_WrittenTwice()
    {
        // Given a file with hand-written text and two generated sections
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "# Benchmarks\n\nHand-written intro.\n");
        var machine = new MachineInfo(2, 1L << 30, "test CPU", "test OS");
        var table = new ResultTable("t", "a", "b");
        table.Add("1", "2");
        BenchmarksFile.WriteSection(path, "cql", BenchmarksFile.Render("cql", "bench cql", machine, DateTimeOffset.UnixEpoch, [table], []));
        BenchmarksFile.WriteSection(path, "all", BenchmarksFile.Render("all", "bench all", machine, DateTimeOffset.UnixEpoch, [table], []));

        // When the cql section is written again with other figures
        var other = new ResultTable("t", "a", "b");
        other.Add("3", "4");
        BenchmarksFile.WriteSection(path, "cql", BenchmarksFile.Render("cql", "bench cql", machine, DateTimeOffset.UnixEpoch, [other], []));

        // Then the intro and the other section stay, and the cql section holds only the new figures
        var text = File.ReadAllText(path);
        File.Delete(path);
        Assert.Contains("Hand-written intro.", text, StringComparison.Ordinal);
        Assert.Contains("| 3 | 4 |", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<!-- bench cql:"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<!-- bench all:"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"\| 1 \| 2 \|"));
    }

    [Fact]
    public void Should_RejectRow_When_CellCountDiffers()
    {
        var table = new ResultTable("t", "a", "b");

        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }

    [Fact]
    public void Should_SayByHowMuch_When_TargetMissed()
    {
        Assert.Equal("met", Verdict.AtLeast(12, 10, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("missed: 8 vs 10 (20% short)", Verdict.AtLeast(8, 10, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("missed: 60 vs 50 (20% over)", Verdict.AtMost(60, 50, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("not measured", Verdict.AtMost(double.NaN, 50, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
