using System.Text;
using OrderPipeline.Orders.Generation;

namespace OrderPipeline.Chaos.Corpora;

/// One malformed-CSV case: its name, its bytes and its written expectation.
public sealed record CorpusFile(string Name, byte[] Content, CorpusExpectation Expected)
{
    private const string Prefix = "Corpus/";

    /// The committed corpus (embedded in this assembly, `src/OrderPipeline.Chaos/Corpus`), in name order, plus
    /// the generated 10 MB-field case (too big to commit).
    public static IReadOnlyList<CorpusFile> All()
    {
        var assembly = typeof(CorpusFile).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new List<CorpusFile>();
        foreach (var name in names)
        {
            var expectedName = name[..^".csv".Length] + ".expected";
            files.Add(new CorpusFile(
                name[Prefix.Length..],
                Read(assembly, name),
                CorpusExpectation.Parse(Encoding.UTF8.GetString(Read(assembly, expectedName)))));
        }

        files.Add(TenMegabyteField());
        return files;
    }

    /// A 10 MB order id between valid rows: only that row is rejected, and its rejects entry stays small.
    public static CorpusFile TenMegabyteField()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        OrderGenerator.Write(writer, 2, seed: 9);
        var lines = writer.ToString().Split('\n');
        var secondRowRest = lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..];
        var text = new StringBuilder()
            .Append(lines[0]).Append('\n')
            .Append(lines[1]).Append('\n')
            .Append('a', 10 * 1024 * 1024).Append(secondRowRest).Append('\n')
            .Append(lines[2]).Append('\n')
            .ToString();
        return new CorpusFile("99_ten_megabyte_field.csv", Encoding.UTF8.GetBytes(text),
            new CorpusExpectation { Accepted = 2, Rejected = "3:BadOrderId" });
    }

    private static byte[] Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The corpus resource {name} is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
