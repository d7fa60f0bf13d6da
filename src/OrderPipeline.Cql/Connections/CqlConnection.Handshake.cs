using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql.Connections;

internal sealed partial class CqlConnection
{
    private const string CqlVersion = "3.0.0";

    /// <summary>
    /// OPTIONS (when compression is wanted), STARTUP, then the SASL PLAIN exchange if the server asks for it,
    /// then USE of the configured keyspace.
    /// </summary>
    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var compress = false;
            if (_settings.Compression)
            {
                var supported = await SendAsync(OptionsRequest.Instance, _settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                compress = SupportsLz4(supported);
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal) { [StartupRequest.CqlVersionKey] = CqlVersion };
            if (compress)
            {
                options[StartupRequest.CompressionKey] = Lz4Compressor.Name;

                // The server may compress its very answer to STARTUP.
                _compressIncoming = true;
            }

            var answer = await SendAsync(new StartupRequest(options), _settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            switch (answer.Opcode)
            {
                case Opcode.Ready:
                    break;
                case Opcode.Authenticate:
                    await AuthenticateAsync(answer, cancellationToken).ConfigureAwait(false);
                    break;
                case Opcode.Error:
                    throw ErrorDecoder.Decode(answer, EndPoint);
                default:
                    throw new CqlProtocolException(EndPoint, $"Unexpected {answer.Opcode} answer to STARTUP.");
            }

            _compressOutgoing = compress;
            if (_settings.Keyspace is { Length: > 0 } keyspace)
            {
                await UseKeyspaceAsync(keyspace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CqlConnectionException ex) when (ex.InnerException is ProtocolVersionMismatchException mismatch)
        {
            throw mismatch;
        }
    }

    /// <summary>Switches this connection's keyspace with a USE query.</summary>
    public async Task UseKeyspaceAsync(string keyspace, CancellationToken cancellationToken)
    {
        var query = new QueryRequest($"USE {QuoteIdentifier(keyspace)}", new QueryParameters { Consistency = CqlConsistency.One });
        var frame = await SendAsync(query, null, cancellationToken).ConfigureAwait(false);
        ResultDecoder.Decode(frame, EndPoint, ProtocolVersion);
        Keyspace = keyspace;
    }

    internal static string QuoteIdentifier(string name)
    {
        var plain = name.Length > 0 && char.IsAsciiLetterLower(name[0]);
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
        }

        return plain ? name : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static bool SupportsLz4(Frame supported)
    {
        if (supported.Opcode != Opcode.Supported)
        {
            return false;
        }

        var reader = new PrimitiveReader(supported.Message);
        var options = reader.ReadStringMultimap();
        return options.TryGetValue(StartupRequest.CompressionKey, out var algorithms)
            && algorithms.Contains(Lz4Compressor.Name, StringComparer.OrdinalIgnoreCase);
    }

    private async Task AuthenticateAsync(Frame authenticate, CancellationToken cancellationToken)
    {
        var authenticator = new PrimitiveReader(authenticate.Message).ReadString();
        if (_settings.Username is null || _settings.Password is null)
        {
            throw new CqlAuthenticationException(
                $"{EndPoint} requires authentication ({authenticator}) but no credentials are configured; set Cql:Username and Cql:Password.",
                EndPoint);
        }

        var response = AuthResponseRequest.PlainText(_settings.Username, _settings.Password);
        while (true)
        {
            var answer = await SendAsync(response, _settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            switch (answer.Opcode)
            {
                case Opcode.AuthSuccess:
                    return;
                case Opcode.AuthChallenge:
                    // SASL PLAIN has no challenge step; answer with the same credentials, as PasswordAuthenticator expects.
                    continue;
                case Opcode.Error:
                    throw ErrorDecoder.Decode(answer, EndPoint);
                default:
                    throw new CqlProtocolException(EndPoint, $"Unexpected {answer.Opcode} during authentication.");
            }
        }
    }
}
