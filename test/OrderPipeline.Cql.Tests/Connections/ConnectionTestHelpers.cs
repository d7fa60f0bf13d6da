using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Cql;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Protocol.Responses;
using OrderPipeline.TestSupport.FakeCql;

namespace OrderPipeline.Cql.Tests.Connections;

internal static class ConnectionTestHelpers
{
    public static Task<CqlConnection> OpenAsync(FakeCqlServer server, ConnectionSettings? settings = null, TimeProvider? time = null, byte version = 4) =>
        CqlConnection.OpenAsync(server.EndPoint, version, settings ?? new ConnectionSettings(), NullLogger.Instance, time ?? TimeProvider.System, null, CancellationToken.None);

    public static QueryRequest Query(string cql) => new(cql, new QueryParameters { Consistency = CqlConsistency.One });

    /// <summary>Primes "SELECT echo N" to answer a row holding N, after a random delay so answers come out of order.</summary>
    public static void PrimeEcho(FakeCqlServer server, int maxDelayMs) =>
        server.WhenQuery("SELECT echo", r =>
        {
            var n = int.Parse(r.Query!["SELECT echo ".Length..], CultureInfo.InvariantCulture);
            return FakeResponse.Rows([("n", CqlType.Int)], [[n]], version: r.Version)
                .WithDelay(TimeSpan.FromMilliseconds(Random.Shared.Next(maxDelayMs)));
        });

    public static int EchoValue(Frame frame, byte version) =>
        ResultDecoder.DecodeRows(frame, null, version)[0].Get<int>("n");
}
