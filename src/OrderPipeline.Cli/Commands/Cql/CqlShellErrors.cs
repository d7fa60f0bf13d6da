using OrderPipeline.Cql;

namespace OrderPipeline.Cli.Commands.Cql;

/// Maps client exceptions to the command's two failure kinds: the statement or credentials are wrong (exit 1),
/// or the cluster cannot serve it now — unreachable, not enough replicas, timeouts, overload (exit 2).
internal static class CqlShellErrors
{
    public static CqlShellException From(Exception error, string? doing)
    {
        var (failure, label) = Classify(error);
        var context = doing is null ? string.Empty : $" ({doing})";
        return new CqlShellException(failure, label + error.Message + context, error);
    }

    private static (CqlShellFailure Failure, string Label) Classify(Exception error) => error switch
    {
        CqlAuthenticationException => (CqlShellFailure.Statement, "Authentication failed: "),
        CqlNoHostAvailableException { Errors.Count: > 0 } noHost when noHost.Errors.Values.All(e => e is CqlAuthenticationException) =>
            (CqlShellFailure.Statement, "Authentication failed: "),
        CqlSyntaxException => (CqlShellFailure.Statement, "Syntax error: "),
        CqlInvalidQueryException => (CqlShellFailure.Statement, "Invalid query: "),
        CqlUnauthorizedException => (CqlShellFailure.Statement, "Unauthorized: "),
        CqlAlreadyExistsException => (CqlShellFailure.Statement, "Already exists: "),
        CqlConfigurationException => (CqlShellFailure.Statement, "Configuration error: "),
        CqlFunctionFailureException => (CqlShellFailure.Statement, "Function failed: "),
        CqlUnavailableException => (CqlShellFailure.Unavailable, "Unavailable: "),
        CqlServerException { IsTransient: true } => (CqlShellFailure.Unavailable, "Cluster busy or degraded: "),
        CqlServerException => (CqlShellFailure.Unavailable, "Server error: "),
        CqlNoHostAvailableException or CqlConnectionException or CqlClientTimeoutException => (CqlShellFailure.Unavailable, "Cluster unavailable: "),
        ArgumentException or InvalidOperationException => (CqlShellFailure.Statement, "Invalid options: "),
        _ => (CqlShellFailure.Unavailable, string.Empty),
    };
}
