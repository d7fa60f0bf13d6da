using System.Globalization;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// Number formats shared by every table, invariant so BENCHMARKS.md reads the same on any machine.
public static class Format
{
    public static string Rate(double perSecond) => double.IsNaN(perSecond)
        ? "n/a"
        : perSecond.ToString(perSecond >= 100 ? "#,0" : "0.0", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => double.IsNaN(seconds)
        ? "n/a"
        : seconds.ToString(seconds >= 100 ? "#,0" : "0.00", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio)
        ? "n/a"
        : ratio.ToString(ratio >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double fraction) => double.IsNaN(fraction)
        ? "n/a"
        : (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Mb(double bytes) => double.IsNaN(bytes) || bytes <= 0
        ? "n/a"
        : (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MB";

    /// "median (min-max)" of a repeated figure.
    public static string Spread(Repeated values, Func<double, string> one) => values.Values.Count switch
    {
        0 => "n/a",
        1 => one(values.Median),
        _ => $"{one(values.Median)} ({one(values.Min)}-{one(values.Max)})",
    };

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
