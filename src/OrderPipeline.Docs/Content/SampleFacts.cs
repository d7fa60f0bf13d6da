using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Docs.Content;

/// <summary>
/// Facts about the bundled sample (data/olist_orders_sample.csv, embedded), computed by running the Orders
/// domain's own cleaning and JSON code over it, so the documents quote what the pipeline really does.
/// </summary>
internal sealed class SampleFacts
{
    public const string SampleName = "data/olist_orders_sample.csv";
    private const string ResourceName = "OrderPipeline.Docs.Data.olist_orders_sample.csv";

    private SampleFacts(CleaningSummary summary, Order first, IReadOnlyDictionary<string, int> missing, IReadOnlyList<Rejection> rejections)
    {
        Summary = summary;
        First = first;
        MissingPerColumn = missing;
        Rejections = rejections;
    }

    public CleaningSummary Summary { get; }

    /// <summary>The first accepted order of the file.</summary>
    public Order First { get; }

    /// <summary>Accepted orders whose optional timestamp column was empty (stored as null).</summary>
    public IReadOnlyDictionary<string, int> MissingPerColumn { get; }

    public IReadOnlyList<Rejection> Rejections { get; }

    public static SampleFacts Compute()
    {
        // OrderFile reads by path (it makes two passes for the duplicate rule), so the embedded copy is
        // written to a temporary file first; the tool then works from any folder.
        var path = Path.Combine(Path.GetTempPath(), $"orderpipeline-docs-{Guid.NewGuid():N}.csv");
        try
        {
            using (var resource = typeof(SampleFacts).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new DocsException($"The sample {SampleName} is not embedded in the build."))
            using (var file = File.Create(path))
            {
                resource.CopyTo(file);
            }

            return Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SampleFacts Read(string path)
    {
        var summary = new CleaningSummary();
        var missing = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [OrderFields.ApprovedAt] = 0,
            [OrderFields.DeliveredCarrierDate] = 0,
            [OrderFields.DeliveredCustomerDate] = 0,
            [OrderFields.EstimatedDeliveryDate] = 0,
        };
        var rejections = new List<Rejection>();
        Order? first = null;
        foreach (var record in OrderFile.ReadCleaned(path, summary))
        {
            if (record.Order is not { } order)
            {
                rejections.Add(record.Rejection!);
                continue;
            }

            first ??= order;
            Count(missing, OrderFields.ApprovedAt, order.ApprovedAt);
            Count(missing, OrderFields.DeliveredCarrierDate, order.DeliveredCarrierDate);
            Count(missing, OrderFields.DeliveredCustomerDate, order.DeliveredCustomerDate);
            Count(missing, OrderFields.EstimatedDeliveryDate, order.EstimatedDeliveryDate);
        }

        return new SampleFacts(summary, first ?? throw new DocsException($"{SampleName} has no valid order."), missing, rejections);
    }

    private static void Count(Dictionary<string, int> missing, string column, DateTime? value)
    {
        if (value is null)
        {
            missing[column]++;
        }
    }

    /// <summary>The counts as Markdown tables: outcome per row, then missing values kept as null.</summary>
    public string CleaningCountsMarkdown()
    {
        var s = Summary;
        var text = new StringBuilder();
        text.Append("| outcome | rows |\n|---|---:|\n");
        Row(text, "data rows read", s.RowsRead);
        Row(text, "accepted (sent to Kafka)", s.Accepted);
        Row(text, "rejected, all reasons", s.Rejected);
        foreach (var (reason, count) in s.RejectedByReason)
        {
            Row(text, $"rejected: `{reason}`", count);
        }

        Row(text, "duplicates superseded by a later row", s.DuplicatesSuperseded);
        Row(text, "blank lines skipped", s.BlankLines);
        text.Append('\n');
        text.Append(s.Rejected == 0
            ? "No row of the sample breaks a rule: its problems are in what the values say (for example a carrier pickup before the payment approval), which the rules deliberately keep.\n\n"
            : $"First rejection: {Rejections[0]}.\n\n");
        text.Append("Missing values in the accepted orders, stored as `null`:\n\n| column | empty in the CSV |\n|---|---:|\n");
        foreach (var (column, count) in MissingPerColumn)
        {
            Row(text, $"`{column}`", count);
        }

        return text.ToString();
    }

    /// <summary>The first order's message: key, then the value as the serializer writes it, indented for reading.</summary>
    public string JsonExampleMarkdown()
    {
        var bytes = OrderJson.SerializeToUtf8Bytes(First);
        using var document = JsonDocument.Parse(bytes);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        var indented = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        return $"Key: `{First.KafkaKey}`\n\nValue ({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes on the wire, "
            + "where it is one line without spaces; indented here for reading):\n\n"
            + SourceResolvers.Fence("json", indented);
    }

    private static void Row(StringBuilder text, string label, long count) =>
        text.Append(CultureInfo.InvariantCulture, $"| {label} | {count:N0} |\n");
}
