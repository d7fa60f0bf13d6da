using System.Globalization;

namespace OrderPipeline.Bench.Suites;

/// "met" or "missed by X" against a target, so a missed target is stated with its distance, never hidden.
public static class Verdict
{
    /// For figures where more is better: target is the minimum.
    public static string AtLeast(double value, double target, Func<double, string> format)
    {
        if (double.IsNaN(value) || double.IsNaN(target))
        {
            return "not measured";
        }

        return value >= target
            ? "met"
            : string.Create(CultureInfo.InvariantCulture,
                $"missed: {format(value)} vs {format(target)} ({(1 - value / target) * 100:0}% short)");
    }

    /// For figures where less is better: target is the maximum.
    public static string AtMost(double value, double target, Func<double, string> format)
    {
        if (double.IsNaN(value) || double.IsNaN(target))
        {
            return "not measured";
        }

        return value <= target
            ? "met"
            : string.Create(CultureInfo.InvariantCulture,
                $"missed: {format(value)} vs {format(target)} ({(value / target - 1) * 100:0}% over)");
    }
}
