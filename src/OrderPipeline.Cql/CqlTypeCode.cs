namespace OrderPipeline.Cql;

/// <summary>CQL data types with their protocol option ids (spec section 4.2.5.2).</summary>
public enum CqlTypeCode : short
{
    /// <summary>A server-side custom type, named by its Java class.</summary>
    Custom = 0x0000,

    /// <summary>ASCII text.</summary>
    Ascii = 0x0001,

    /// <summary>64-bit integer.</summary>
    Bigint = 0x0002,

    /// <summary>Bytes.</summary>
    Blob = 0x0003,

    /// <summary>Boolean.</summary>
    Boolean = 0x0004,

    /// <summary>64-bit counter.</summary>
    Counter = 0x0005,

    /// <summary>Arbitrary-precision decimal.</summary>
    Decimal = 0x0006,

    /// <summary>64-bit IEEE 754.</summary>
    Double = 0x0007,

    /// <summary>32-bit IEEE 754.</summary>
    Float = 0x0008,

    /// <summary>32-bit integer.</summary>
    Int = 0x0009,

    /// <summary>Milliseconds since the Unix epoch.</summary>
    Timestamp = 0x000B,

    /// <summary>Any UUID.</summary>
    Uuid = 0x000C,

    /// <summary>UTF-8 text (text and varchar).</summary>
    Varchar = 0x000D,

    /// <summary>Arbitrary-precision integer.</summary>
    Varint = 0x000E,

    /// <summary>Version 1 UUID.</summary>
    Timeuuid = 0x000F,

    /// <summary>IPv4 or IPv6 address.</summary>
    Inet = 0x0010,

    /// <summary>Day without time (v4).</summary>
    Date = 0x0011,

    /// <summary>Time of day in nanoseconds (v4).</summary>
    Time = 0x0012,

    /// <summary>16-bit integer (v4).</summary>
    Smallint = 0x0013,

    /// <summary>8-bit integer (v4).</summary>
    Tinyint = 0x0014,

    /// <summary>Ordered collection.</summary>
    List = 0x0020,

    /// <summary>Key/value collection.</summary>
    Map = 0x0021,

    /// <summary>Unique-element collection.</summary>
    Set = 0x0022,

    /// <summary>User-defined type.</summary>
    Udt = 0x0030,

    /// <summary>Fixed-length tuple.</summary>
    Tuple = 0x0031,
}
