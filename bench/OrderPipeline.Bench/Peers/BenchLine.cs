using System.Globalization;
using System.Text.Json;

namespace OrderPipeline.Bench.Peers;

/// The figures a peer script or baseline printed on its last `BENCH {json}` line.
public sealed record BenchLine(string Role, long Messages, double Seconds, double Rate, JsonElement Raw)
{
    public static BenchLine Parse(Processes.ProcessResult result, string what)
    {
        var json = result.BenchLine ?? throw new BenchException(
            $"{what} printed no BENCH line (exit {result.ExitCode}). Last output:\n{Tail(result)}");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return new BenchLine(
            root.TryGetProperty("role", out var role) ? role.GetString() ?? what : what,
            root.GetProperty("messages").GetInt64(),
            root.GetProperty("seconds").GetDouble(),
            root.GetProperty("rate").GetDouble(),
            root);
    }

    public double Number(string property) =>
        Raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    public static string Tail(Processes.ProcessResult result)
    {
        var text = (result.StandardOutput + "\n" + result.StandardError).Trim();
        var lines = text.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 15)));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Role}: {Messages} in {Seconds:0.###} s = {Rate:0} /s");
}
