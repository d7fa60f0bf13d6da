using System.Net;

namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>Maps an ERROR body (code, message, code-specific fields) to its typed exception.</summary>
internal static class ErrorDecoder
{
    public static CqlServerException Decode(Frame frame, EndPoint? host)
    {
        var reader = new PrimitiveReader(frame.Message);
        var code = (CqlErrorCode)reader.ReadInt32();
        var message = reader.ReadString();
        return code switch
        {
            CqlErrorCode.ServerError => new CqlServerErrorException(message, host),
            CqlErrorCode.ProtocolError => new CqlServerProtocolErrorException(message, host),
            CqlErrorCode.BadCredentials => new CqlAuthenticationException(message, host),
            CqlErrorCode.Unavailable => new CqlUnavailableException(message, host, (CqlConsistency)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32()),
            CqlErrorCode.Overloaded => new CqlOverloadedException(message, host),
            CqlErrorCode.IsBootstrapping => new CqlIsBootstrappingException(message, host),
            CqlErrorCode.TruncateError => new CqlTruncateException(message, host),
            CqlErrorCode.WriteTimeout => new CqlWriteTimeoutException(message, host, (CqlConsistency)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString()),
            CqlErrorCode.ReadTimeout => new CqlReadTimeoutException(message, host, (CqlConsistency)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadByte() != 0),
            CqlErrorCode.ReadFailure => new CqlReadFailureException(message, host, (CqlConsistency)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadByte() != 0),
            CqlErrorCode.FunctionFailure => new CqlFunctionFailureException(message, host, reader.ReadString(), reader.ReadString(), reader.ReadStringList()),
            CqlErrorCode.WriteFailure => new CqlWriteFailureException(message, host, (CqlConsistency)reader.ReadInt16(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString()),
            CqlErrorCode.SyntaxError => new CqlSyntaxException(message, host),
            CqlErrorCode.Unauthorized => new CqlUnauthorizedException(message, host),
            CqlErrorCode.Invalid => new CqlInvalidQueryException(message, host),
            CqlErrorCode.ConfigError => new CqlConfigurationException(message, host),
            CqlErrorCode.AlreadyExists => new CqlAlreadyExistsException(message, host, reader.ReadString(), reader.ReadString()),
            CqlErrorCode.Unprepared => new CqlUnpreparedException(message, host, reader.ReadShortBytes().ToArray()),
            _ => new CqlServerException(code, message, host),
        };
    }
}
