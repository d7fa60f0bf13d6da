using System.Text.RegularExpressions;
using OrderPipeline.Cql.Statements;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Cql;

/// Runs the statements of a `cql` invocation in order through one shell session and prints each result. Stops at
/// the first failing statement. Exit codes: 0 ok, 1 statement or input error, 2 cluster unavailable, 130 cancelled.
/// Understands cqlsh's `CONSISTENCY [level]` shell command between statements.
internal sealed partial class CqlScriptRunner(IAnsiConsole console, ICqlShellFactory factory)
{
    public async Task<int> RunAsync(
        CqlShellOptions options,
        string script,
        string consistency,
        CqlOutputFormat format,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<CqlScriptStatement> statements;
        try
        {
            statements = CqlScriptSplitter.Split(script);
        }
        catch (FormatException ex)
        {
            CqlConsoleLines.Error(console, ex.Message);
            return 1;
        }

        if (statements.Count == 0)
        {
            CqlConsoleLines.Error(console, "No statement to run (only comments or whitespace).");
            return 1;
        }

        CqlScriptStatement? current = null;
        try
        {
            await using var shell = await factory.ConnectAsync(options, cancellationToken);
            var writer = CqlResultWriters.Create(format, console, options.PageSize);
            foreach (var statement in statements)
            {
                current = statement;
                if (TryConsistencyCommand(statement.Text, ref consistency))
                {
                    continue;
                }

                var result = await shell.ExecuteAsync(statement.Text, consistency, cancellationToken);
                switch (result)
                {
                    case CqlRowsResult rows:
                        await writer.WriteAsync(rows, cancellationToken);
                        break;
                    case CqlConfirmation confirmation:
                        CqlConsoleLines.Info(console, confirmation.Message);
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected result {result.GetType().Name}.");
                }
            }

            return 0;
        }
        catch (CqlShellException ex)
        {
            var where = current is { } failed && statements.Count > 1 ? $"(statement at line {failed.Line}) " : string.Empty;
            CqlConsoleLines.Error(console, where + ex.Message);
            return ex.Failure == CqlShellFailure.Statement ? 1 : 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CqlConsoleLines.Error(console, "Cancelled.");
            return 130;
        }
    }

    private bool TryConsistencyCommand(string text, ref string consistency)
    {
        var match = ConsistencyCommand().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (!match.Groups["level"].Success)
        {
            CqlConsoleLines.Info(console, $"Current consistency level is {consistency}.");
            return true;
        }

        var level = match.Groups["level"].Value.ToUpperInvariant();
        if (!CqlConsistencyNames.IsKnown(level))
        {
            throw new CqlShellException(CqlShellFailure.Statement, $"Unknown consistency level '{match.Groups["level"].Value}'; use one of {CqlConsistencyNames.List}.");
        }

        consistency = level;
        CqlConsoleLines.Info(console, $"Consistency level set to {level}.");
        return true;
    }

    [GeneratedRegex(@"^CONSISTENCY(\s+(?<level>\w+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsistencyCommand();
}
