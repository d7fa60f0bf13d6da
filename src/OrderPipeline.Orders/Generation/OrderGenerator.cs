namespace OrderPipeline.Orders.Generation;

/// <summary>
/// Writes synthetic orders in the dataset's exact format: the quoted header, ids quoted only when they start
/// with a digit, LF endings, empty fields for missing timestamps. Status frequencies are those of the full
/// Olist file, and each status leaves the timestamps empty the way the real rows do (created: no approval;
/// invoiced/processing/unavailable: no carrier or customer date; shipped: no customer date; canceled: stops
/// at a random stage). Deterministic for a seed; streams, so memory does not grow with the row count.
/// </summary>
public static class OrderGenerator
{
    private const string Header =
        "\"order_id\",\"customer_id\",\"order_status\",\"order_purchase_timestamp\",\"order_approved_at\"," +
        "\"order_delivered_carrier_date\",\"order_delivered_customer_date\",\"order_estimated_delivery_date\"";

    // Counts per status in the full 99,441-row dataset.
    private static readonly (string Status, int Weight)[] StatusWeights =
    [
        (OrderStatuses.Delivered, 96478), (OrderStatuses.Shipped, 1107), (OrderStatuses.Canceled, 625),
        (OrderStatuses.Unavailable, 609), (OrderStatuses.Invoiced, 314), (OrderStatuses.Processing, 301),
        (OrderStatuses.Created, 5), (OrderStatuses.Approved, 2),
    ];

    private static readonly int TotalWeight = StatusWeights.Sum(w => w.Weight);
    private static readonly DateTime FirstPurchase = new(2016, 9, 4, 21, 15, 19, DateTimeKind.Utc);
    private static readonly long PurchaseSpanSeconds =
        (long)(new DateTime(2018, 10, 17, 17, 30, 18, DateTimeKind.Utc) - FirstPurchase).TotalSeconds;

    /// <summary>Writes the header and <paramref name="rows"/> rows; reports progress every 65,536 rows.</summary>
    public static void Write(TextWriter output, long rows, int seed, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var random = new Random(seed);
        output.Write(Header);
        output.Write('\n');
        Span<char> line = stackalloc char[256];
        for (long i = 0; i < rows; i++)
        {
            var length = FormatRow(random, line);
            output.Write(line[..length]);
            if ((i & 0xFFFF) == 0xFFFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(i + 1);
            }
        }

        progress?.Report(rows);
    }

    /// <summary>Writes a file (created or overwritten) with a large buffer.</summary>
    public static void WriteFile(string path, long rows, int seed, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
        Write(writer, rows, seed, progress, cancellationToken);
    }

    private static int FormatRow(Random random, Span<char> line)
    {
        var pos = 0;
        pos += WriteId(random, line[pos..]);
        line[pos++] = ',';
        pos += WriteId(random, line[pos..]);
        line[pos++] = ',';
        var status = PickStatus(random);
        status.AsSpan().CopyTo(line[pos..]);
        pos += status.Length;

        var purchase = FirstPurchase.AddSeconds(random.NextInt64(PurchaseSpanSeconds));
        var (approved, carrier, customer) = Lifecycle(random, status, purchase);
        var estimated = purchase.Date.AddDays(random.Next(10, 46));

        foreach (var value in (ReadOnlySpan<DateTime?>)[purchase, approved, carrier, customer, estimated])
        {
            line[pos++] = ',';
            if (value is { } v)
            {
                DatasetTimestamp.Write(v, line[pos..]);
                pos += DatasetTimestamp.Length;
            }
        }

        line[pos++] = '\n';
        return pos;
    }

    private static (DateTime? Approved, DateTime? Carrier, DateTime? Customer) Lifecycle(Random random, string status, DateTime purchase)
    {
        // About 1.4% of approvals happen in the same second as the purchase (the March 2017 quirk).
        DateTime? approved = random.Next(1000) < 14 ? purchase : purchase.AddSeconds(random.Next(600, 48 * 3600));
        DateTime? carrier = approved.Value.AddSeconds(random.Next(12 * 3600, 5 * 86400));
        if (random.Next(100) < 30)
        {
            // Many carrier dates were recorded to the minute only.
            carrier = carrier.Value.AddSeconds(-carrier.Value.Second);
        }

        DateTime? customer = carrier.Value.AddSeconds(random.Next(86400, 25 * 86400));
        switch (status)
        {
            case OrderStatuses.Created:
                return (null, null, null);
            case OrderStatuses.Approved or OrderStatuses.Invoiced or OrderStatuses.Processing or OrderStatuses.Unavailable:
                return (approved, null, null);
            case OrderStatuses.Shipped:
                return (approved, carrier, null);
            case OrderStatuses.Canceled:
                return random.Next(100) switch
                {
                    < 40 => (null, null, null),
                    < 85 => (approved, null, null),
                    < 95 => (approved, carrier, null),
                    _ => (approved, carrier, customer),
                };
            default:
                // Delivered; a very few real rows lack the customer date or the approval.
                var r = random.Next(10000);
                return r switch
                {
                    < 2 => (null, carrier, customer),
                    < 4 => (approved, carrier, null),
                    _ => (approved, carrier, customer),
                };
        }
    }

    private static string PickStatus(Random random)
    {
        var r = random.Next(TotalWeight);
        foreach (var (status, weight) in StatusWeights)
        {
            if (r < weight)
            {
                return status;
            }

            r -= weight;
        }

        return OrderStatuses.Delivered;
    }

    private static int WriteId(Random random, Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var quoted = bytes[0] >> 4 < 10;
        var pos = 0;
        if (quoted)
        {
            destination[pos++] = '"';
        }

        foreach (var b in bytes)
        {
            destination[pos++] = HexDigit(b >> 4);
            destination[pos++] = HexDigit(b & 0xF);
        }

        if (quoted)
        {
            destination[pos++] = '"';
        }

        return pos;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
