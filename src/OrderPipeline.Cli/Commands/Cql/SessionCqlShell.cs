using System.Runtime.CompilerServices;
using OrderPipeline.Cql;

namespace OrderPipeline.Cli.Commands.Cql;

/// Runs statement text on a <see cref="CqlSession"/>: rows stream page by page; statements without result
/// columns (DDL, writes, USE) become a short confirmation.
internal sealed class SessionCqlShell(CqlSession session) : ICqlShell
{
    public async Task<CqlShellResult> ExecuteAsync(string statement, string consistency, CancellationToken cancellationToken)
    {
        var level = CqlConsistencyNames.Parse(consistency);
        RowSet first;
        try
        {
            first = await session.ExecuteAsync(new SimpleStatement(statement) { Consistency = level }, cancellationToken);
        }
        catch (CqlException ex)
        {
            throw CqlShellErrors.From(ex, null);
        }

        if (first.Columns.Count == 0)
        {
            return new CqlConfirmation(Confirmation(statement));
        }

        var columns = first.Columns.Select(c => new CqlResultColumn(c.Name, c.Type.ToString())).ToArray();
        return new CqlRowsResult(columns, Rows(statement, level, first, cancellationToken));
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private async IAsyncEnumerable<IReadOnlyList<object?>> Rows(
        string statement, CqlConsistency level, RowSet page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var row in page)
            {
                var values = new object?[page.Columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = row.GetValue(i);
                }

                yield return values;
            }

            if (!page.HasMorePages)
            {
                yield break;
            }

            var next = new SimpleStatement(statement) { Consistency = level, PagingState = page.PagingState };
            try
            {
                page = await session.ExecuteAsync(next, cancellationToken);
            }
            catch (CqlException ex)
            {
                throw CqlShellErrors.From(ex, "fetching the next page");
            }
        }
    }

    // cqlsh prints nothing for these; a short line tells a script's reader which statement was applied.
    internal static string Confirmation(string statement)
    {
        var words = statement.Split((char[])[' ', '\t', '\r', '\n', '(', ';'], 6, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToUpperInvariant())
            .ToArray();
        if (words.Length == 0)
        {
            return "OK.";
        }

        if (words[0] == "USE" && words.Length > 1)
        {
            return $"Now using keyspace {statement.Split((char[])[' ', '\t', '\r', '\n', ';'], StringSplitOptions.RemoveEmptyEntries)[1]}.";
        }

        var kind = words[0] switch
        {
            // CREATE OR REPLACE FUNCTION, CREATE CUSTOM INDEX: name the object, not the modifiers.
            "CREATE" or "ALTER" or "DROP" => string.Join(' ', words.Take(1).Concat(words.Skip(1).SkipWhile(w => w is "OR" or "REPLACE" or "CUSTOM").Take(1))),
            "BEGIN" => "BATCH",
            _ => words[0],
        };
        return $"OK: {kind} applied.";
    }
}
