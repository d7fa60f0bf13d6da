using OrderPipeline.Chaos.Corpora;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Chaos.Tests;

public class CorpusModelTests
{
    private static readonly DateTime Purchase = new(2018, 7, 24, 20, 41, 37, DateTimeKind.Utc);

    private static OrderRow Row(string status, DateTime? delivered, DateTime? approved = null) =>
        new(Guid.Empty, Guid.Empty, status, Purchase, approved, null, delivered, null, 20, "Tue");

    [Fact]
    public void Resolve_KeepsTheLaterLifecycleWrite_InAnyOrder()
    {
        var early = Row("shipped", null);
        var late = Row("delivered", Purchase.AddDays(10));
        Assert.Equal("delivered", CorpusTableCheck.Resolve([early, late]).Status);
        Assert.Equal("delivered", CorpusTableCheck.Resolve([late, early]).Status);
    }

    [Fact]
    public void Resolve_KeepsTheGreaterValue_OnATimestampTie()
    {
        // Same lifecycle times, different status: Cassandra keeps the greater value ("shipped" > "delivered").
        var resolved = CorpusTableCheck.Resolve([Row("shipped", Purchase.AddDays(1)), Row("delivered", Purchase.AddDays(1))]);
        Assert.Equal("shipped", resolved.Status);
    }

    [Fact]
    public void Resolve_NeverLetsAMissingValueEraseAStoredCell()
    {
        // A write without an approval time binds no approval cell (no tombstone), so the earlier one stays.
        var approved = Purchase.AddHours(1);
        var resolved = CorpusTableCheck.Resolve([Row("approved", null, approved), Row("delivered", Purchase.AddDays(3))]);
        Assert.Equal(approved, resolved.Approved);
        Assert.Equal("delivered", resolved.Status);
    }

    [Fact]
    public void Expectation_ParsesEveryKeyAndRejectsUnknownOnes()
    {
        var e = CorpusExpectation.Parse("# comment\naccepted: 2\nrejected: 3:BadOrderId 4:UnknownStatus\nduplicates: 1\nblank: 2\norder: abc | status=shipped\n");
        Assert.Equal(2, e.Accepted);
        Assert.Equal("3:BadOrderId 4:UnknownStatus", e.Rejected);
        Assert.Equal(1, e.Duplicates);
        Assert.Equal(2, e.Blank);
        Assert.Equal(["abc | status=shipped"], e.Orders);
        Assert.Equal("", CorpusExpectation.Parse("rejected: none").Rejected);
        Assert.Throws<FormatException>(() => CorpusExpectation.Parse("acepted: 2"));
    }

    [Fact]
    public void Corpus_IsEmbeddedWithAnExpectationForEveryFile_AndCoversTheIssueList()
    {
        var files = CorpusFile.All();
        Assert.True(files.Count >= 26, $"{files.Count} files");
        Assert.All(files, f => Assert.True(f.Expected.Error is not null || f.Expected.Accepted is not null, f.Name));
        // The cases issue #6 lists, by file name.
        string[] cases = ["empty", "header_only", "missing_column", "extra_column", "reordered_columns", "bom", "crlf",
            "unbalanced_quote", "embedded_newline", "invalid_utf8", "ten_megabyte_field", "duplicate_ids", "non_hex_ids",
            "impossible_dates", "timezones", "status_case", "trailing_delimiter"];
        Assert.All(cases, c => Assert.Contains(files, f => f.Name.Contains(c, StringComparison.Ordinal)));
        Assert.True(CorpusFile.TenMegabyteField().Content.Length > 10 * 1024 * 1024);
    }
}
