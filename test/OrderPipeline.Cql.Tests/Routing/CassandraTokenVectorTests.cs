using System.Globalization;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

/// Tokens read from a real Cassandra 2.1.0 (`Vectors/collect_tokens.py`): blobs of every length 1..40 with random
/// bytes (so tails with the high bit set), text, int, bigint, uuid, and composite keys of 2 and 3 components.
public class CassandraTokenVectorTests
{
    public static TheoryData<string, long> Vectors()
    {
        var data = new TheoryData<string, long>();
        var path = Path.Combine(AppContext.BaseDirectory, "Routing", "Vectors", "cassandra21-tokens.csv");
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var comma = line.LastIndexOf(',');
            data.Add(line[..comma], long.Parse(line[(comma + 1)..], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Should_MatchCassandraToken_When_KeyWasReadFromServer(string componentsHex, long expected)
    {
        // Given the serialized partition key components Cassandra hashed
        ReadOnlyMemory<byte>[] components = [.. componentsHex.Split(':').Select(c => (ReadOnlyMemory<byte>)Convert.FromHexString(c))];

        // When the routing key's token is computed
        var token = RoutingKey.ComputeToken(components);

        // Then it equals what SELECT token(...) returned
        Assert.Equal(expected, token);
    }

    [Fact]
    public void Should_CoverShapesThatExerciseTheQuirks_When_VectorsAreLoaded()
    {
        var vectors = Vectors().Select(row => (string)row[0]).ToList();

        Assert.True(vectors.Count >= 70);
        Assert.Contains(vectors, v => v.Split(':').Length == 3);
        Assert.Contains(vectors, v => v.Length % 32 != 0 && Convert.FromHexString(v.Split(':')[0])[^1] >= 0x80);
    }
}
