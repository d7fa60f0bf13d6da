namespace OrderPipeline.Cql;

/// <summary>Error codes of the ERROR message (spec section 9).</summary>
public enum CqlErrorCode
{
    /// <summary>Unexpected server-side failure.</summary>
    ServerError = 0x0000,

    /// <summary>The server saw a protocol violation from the client.</summary>
    ProtocolError = 0x000A,

    /// <summary>Authentication failed.</summary>
    BadCredentials = 0x0100,

    /// <summary>Not enough replicas alive; nothing was written.</summary>
    Unavailable = 0x1000,

    /// <summary>The coordinator is overloaded.</summary>
    Overloaded = 0x1001,

    /// <summary>The coordinator is bootstrapping.</summary>
    IsBootstrapping = 0x1002,

    /// <summary>A truncation failed.</summary>
    TruncateError = 0x1003,

    /// <summary>Replicas did not acknowledge a write in time; it may have been applied.</summary>
    WriteTimeout = 0x1100,

    /// <summary>Replicas did not answer a read in time.</summary>
    ReadTimeout = 0x1200,

    /// <summary>A read failed on replicas (v4).</summary>
    ReadFailure = 0x1300,

    /// <summary>A user-defined function failed (v4).</summary>
    FunctionFailure = 0x1400,

    /// <summary>A write failed on replicas (v4).</summary>
    WriteFailure = 0x1500,

    /// <summary>The statement has a syntax error.</summary>
    SyntaxError = 0x2000,

    /// <summary>The user lacks a permission.</summary>
    Unauthorized = 0x2100,

    /// <summary>The statement is syntactically right but invalid.</summary>
    Invalid = 0x2200,

    /// <summary>The statement conflicts with the configuration.</summary>
    ConfigError = 0x2300,

    /// <summary>The keyspace or table already exists.</summary>
    AlreadyExists = 0x2400,

    /// <summary>The node does not know the prepared statement id.</summary>
    Unprepared = 0x2500,
}
