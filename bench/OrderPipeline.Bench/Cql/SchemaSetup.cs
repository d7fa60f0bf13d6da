using OrderPipeline.Cql;

namespace OrderPipeline.Bench.Cql;

/// Applies schema/ecommerce.cql (idempotent CREATE ... IF NOT EXISTS) so the pipeline and the baseline have
/// their tables on a fresh stack.
public static class SchemaSetup
{
    public static async Task ApplyAsync(BenchEnvironment environment, CancellationToken cancellationToken = default)
    {
        var options = new CqlSessionOptions();
        options.ContactPoints.Add(environment.ContactPoint);
        await using var session = await CqlSession.ConnectAsync(options, cancellationToken: cancellationToken);
        var text = await File.ReadAllTextAsync(Path.Combine(environment.RepositoryRoot, "schema", "ecommerce.cql"), cancellationToken);
        // The file's comments are whole lines starting with "--" and its statements contain no quoted ';'.
        var code = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (var statement in code.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            await session.ExecuteAsync(statement, cancellationToken);
        }
    }
}
