using System.Globalization;
using OrderPipeline.Orders;

namespace OrderPipeline.Chaos.Corpora;

/// The written outcome of one corpus file (its `.expected` sidecar): either `error: text` (a file-level error
/// whose message contains the text), or `accepted: N`, `rejected: LINE:Reason ...|none`, optional
/// `duplicates: N`, `blank: N`, and `order: <order id> | prop=value | ...` lines. `#` starts a comment.
public sealed record CorpusExpectation
{
    public string? Error { get; init; }

    public long? Accepted { get; init; }

    /// "LINE:Reason" items in file order, space-separated; "" for none.
    public string? Rejected { get; init; }

    public long? Duplicates { get; init; }

    public long? Blank { get; init; }

    /// `order:` specs: an order id, then prop=value checks (customer, status, purchase, approved, carrier,
    /// delivered, estimated; timestamps as yyyy-MM-dd HH:mm:ss or null).
    public IReadOnlyList<string> Orders { get; init; } = [];

    /// Throws <see cref="FormatException"/> on an unknown key, so a typo never silently weakens a check.
    public static CorpusExpectation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new CorpusExpectation();
        var orders = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"Expectation line without 'key:': {line}");
            }

            var (key, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            result = key switch
            {
                "error" => result with { Error = value },
                "accepted" => result with { Accepted = long.Parse(value, CultureInfo.InvariantCulture) },
                "rejected" => result with { Rejected = value == "none" ? "" : value },
                "duplicates" => result with { Duplicates = long.Parse(value, CultureInfo.InvariantCulture) },
                "blank" => result with { Blank = long.Parse(value, CultureInfo.InvariantCulture) },
                "order" => AddOrder(result, orders, value),
                _ => throw new FormatException($"Unknown expectation key '{key}'."),
            };
        }

        return result with { Orders = orders };
    }

    /// Null when the order satisfies the spec, else what differs.
    public static string? CheckOrder(IEnumerable<Order> orders, string spec)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split('|', StringSplitOptions.TrimEntries);
        var matching = orders.Where(o => o.OrderIdHex == parts[0]).ToList();
        if (matching.Count != 1)
        {
            return $"order {parts[0]}: {matching.Count} delivered, expected 1";
        }

        var order = matching[0];
        foreach (var check in parts.Skip(1))
        {
            var eq = check.IndexOf('=', StringComparison.Ordinal);
            var (name, expected) = (check[..eq], check[(eq + 1)..]);
            var actual = name switch
            {
                "customer" => order.CustomerIdHex,
                "status" => order.Status,
                "purchase" => Text(order.PurchaseTimestamp),
                "approved" => Text(order.ApprovedAt),
                "carrier" => Text(order.DeliveredCarrierDate),
                "delivered" => Text(order.DeliveredCustomerDate),
                "estimated" => Text(order.EstimatedDeliveryDate),
                _ => throw new FormatException($"Unknown order property '{name}'."),
            };
            if (actual != expected)
            {
                return $"order {parts[0]}: {name} is {actual}, expected {expected}";
            }
        }

        return null;
    }

    private static CorpusExpectation AddOrder(CorpusExpectation result, List<string> orders, string value)
    {
        orders.Add(value);
        return result;
    }

    private static string Text(DateTime? value) => value is { } v ? DatasetTimestamp.ToText(v) : "null";
}
