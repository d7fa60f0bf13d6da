using System.Net;
using System.Text;

namespace OrderPipeline.Cql;

/// <summary>No node could run the request; <see cref="Errors"/> has each tried node's last error.</summary>
public class CqlNoHostAvailableException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlNoHostAvailableException()
        : this(new Dictionary<EndPoint, Exception>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlNoHostAvailableException(string message)
        : base(message)
    {
        Errors = new Dictionary<EndPoint, Exception>();
    }

    /// <summary>Creates the exception.</summary>
    public CqlNoHostAvailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<EndPoint, Exception>();
    }

    /// <summary>Creates the exception from the errors seen per node.</summary>
    public CqlNoHostAvailableException(IReadOnlyDictionary<EndPoint, Exception> errors)
        : base(Describe(errors), errors is { Count: > 0 } ? errors.Values.First() : null)
    {
        Errors = errors;
    }

    /// <summary>The last error seen per node tried (empty when no node was up).</summary>
    public IReadOnlyDictionary<EndPoint, Exception> Errors { get; }

    /// <inheritdoc/>
    public override bool IsTransient => true;

    private static string Describe(IReadOnlyDictionary<EndPoint, Exception>? errors)
    {
        if (errors is null || errors.Count == 0)
        {
            return "No Cassandra node is available (all known nodes are down or none was reachable). Check that the cluster is running and the contact points are right.";
        }

        var text = new StringBuilder("No Cassandra node could run the request. Tried: ");
        var first = true;
        foreach (var (host, error) in errors)
        {
            text.Append(first ? string.Empty : "; ").Append(host).Append(": ").Append(error.Message);
            first = false;
        }

        return text.ToString();
    }
}
