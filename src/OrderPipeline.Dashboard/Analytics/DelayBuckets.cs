namespace OrderPipeline.Dashboard.Analytics;

/// Delay = delivered calendar day minus estimated calendar day; negative is early. The buckets are
/// narrow around zero, where most orders fall, and wide in the tails.
public static class DelayBuckets
{
    private static readonly (int Max, string Label)[] Buckets =
    [
        (-15, "<= -15"),
        (-8, "-14..-8"),
        (-1, "-7..-1"),
        (0, "0"),
        (3, "1..3"),
        (7, "4..7"),
        (14, "8..14"),
        (30, "15..30"),
        (int.MaxValue, "> 30"),
    ];

    public static int Count => Buckets.Length;

    public static string Label(int index) => Buckets[index].Label;

    public static int IndexOf(int delayDays)
    {
        for (var i = 0; i < Buckets.Length; i++)
        {
            if (delayDays <= Buckets[i].Max)
            {
                return i;
            }
        }

        return Buckets.Length - 1;
    }
}
