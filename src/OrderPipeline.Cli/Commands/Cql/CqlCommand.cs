using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Cql;

internal sealed class CqlSettings : CommandSettings
{
    public const string PasswordVariable = "CQL_PASSWORD";

    [CommandArgument(0, "[statement]")]
    [Description("The CQL to run; several statements may be separated by ';'.")]
    public string? Statement { get; init; }

    [CommandOption("-f|--file <PATH>")]
    [Description("Run the statements of a CQL script file instead.")]
    public string? File { get; init; }

    [CommandOption("--consistency <LEVEL>")]
    [Description("Consistency level: ONE, QUORUM, ALL, LOCAL_QUORUM, ... (default ONE, as cqlsh).")]
    [DefaultValue("ONE")]
    public string Consistency { get; init; } = "ONE";

    [CommandOption("--contact-points <HOSTS>")]
    [Description("Comma-separated node addresses (default: node 1 of ORDERPIPELINE_STACK_SUBNET, else 127.0.0.1).")]
    public string? ContactPoints { get; init; }

    [CommandOption("--port <PORT>")]
    [Description("Native protocol port.")]
    [DefaultValue(9042)]
    public int Port { get; init; } = 9042;

    [CommandOption("-k|--keyspace <NAME>")]
    [Description("Keyspace to use for unqualified table names.")]
    public string? Keyspace { get; init; }

    [CommandOption("-u|--username <NAME>")]
    [Description("User for PasswordAuthenticator.")]
    public string? Username { get; init; }

    [CommandOption("-p|--password <PASSWORD>")]
    [Description("Password (or set CQL_PASSWORD, which keeps it out of the process list).")]
    public string? Password { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("Output format for rows: table, json or csv.")]
    [DefaultValue(CqlOutputFormat.Table)]
    public CqlOutputFormat Format { get; init; } = CqlOutputFormat.Table;

    [CommandOption("--page-size <ROWS>")]
    [Description("Rows fetched per page (and per table block).")]
    [DefaultValue(1000)]
    public int PageSize { get; init; } = 1000;

    [CommandOption("--timeout <SECONDS>")]
    [Description("Request timeout in seconds.")]
    [DefaultValue(12)]
    public int TimeoutSeconds { get; init; } = 12;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Statement) == string.IsNullOrWhiteSpace(File))
        {
            return ValidationResult.Error("Give either a statement or --file <PATH>.");
        }

        if (!CqlConsistencyNames.IsKnown(Consistency))
        {
            return ValidationResult.Error($"Unknown consistency level '{Consistency}'; use one of {CqlConsistencyNames.List}.");
        }

        if (Port is < 1 or > 65535)
        {
            return ValidationResult.Error("--port must be between 1 and 65535.");
        }

        if (PageSize < 1)
        {
            return ValidationResult.Error("--page-size must be at least 1.");
        }

        return TimeoutSeconds < 1 ? ValidationResult.Error("--timeout must be at least 1 second.") : ValidationResult.Success();
    }

    public IReadOnlyList<string> ResolveContactPoints(Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(ContactPoints))
        {
            return ContactPoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var subnet = environment("ORDERPIPELINE_STACK_SUBNET");
        return [string.IsNullOrWhiteSpace(subnet) ? "127.0.0.1" : string.Create(CultureInfo.InvariantCulture, $"{subnet.Trim()}.1")];
    }

    public CqlShellOptions ToShellOptions(Func<string, string?> environment) => new(
        ResolveContactPoints(environment),
        Port,
        Keyspace,
        Username,
        Password ?? environment(PasswordVariable),
        PageSize,
        TimeSpan.FromSeconds(TimeoutSeconds));
}

[Description("Run CQL statements against Cassandra and print the results (a small cqlsh). Exit 1 statement error, 2 cluster unavailable.")]
internal sealed class CqlCommand : AsyncCommand<CqlSettings>
{
    private readonly IAnsiConsole _console;
    private readonly ICqlShellFactory _factory;

    public CqlCommand(IAnsiConsole console)
        : this(console, new SessionCqlShellFactory())
    {
    }

    internal CqlCommand(IAnsiConsole console, ICqlShellFactory factory)
    {
        _console = console;
        _factory = factory;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CqlSettings settings, CancellationToken cancellationToken)
    {
        string script;
        try
        {
            script = settings.File is { } path ? await System.IO.File.ReadAllTextAsync(path, cancellationToken) : settings.Statement!;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CqlConsoleLines.Error(_console, ex.Message);
            return 1;
        }

        var options = settings.ToShellOptions(Environment.GetEnvironmentVariable);
        var runner = new CqlScriptRunner(_console, _factory);
        return await runner.RunAsync(options, script, settings.Consistency.ToUpperInvariant(), settings.Format, cancellationToken);
    }
}
