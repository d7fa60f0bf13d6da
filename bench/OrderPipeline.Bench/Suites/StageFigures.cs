using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// One stage (produce or consume) measured several times: seconds, rate and peak RSS per run.
public sealed class StageFigures(string name)
{
    private readonly List<double> _seconds = [];
    private readonly List<double> _rates = [];
    private readonly List<double> _peakRss = [];

    public string Name { get; } = name;
    public Repeated Seconds => Repeated.Of(_seconds);
    public Repeated Rate => Repeated.Of(_rates);
    public Repeated PeakRss => Repeated.Of(_peakRss);
    public bool Measured => _seconds.Count > 0;

    public void Add(double seconds, double rate, long peakRssBytes)
    {
        _seconds.Add(seconds);
        _rates.Add(rate);
        if (peakRssBytes > 0)
        {
            _peakRss.Add(peakRssBytes);
        }
    }
}
