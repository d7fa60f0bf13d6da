namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>Reads an [option] type description (spec 4.2.5.2) into a <see cref="CqlType"/>.</summary>
internal static class TypeOption
{
    private const int MaxDepth = 32;

    public static CqlType Read(ref PrimitiveReader reader, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new CqlProtocolException($"Type descriptions nest deeper than {MaxDepth} levels.");
        }

        var code = (CqlTypeCode)reader.ReadUInt16();
        switch (code)
        {
            case CqlTypeCode.Custom:
                return CqlType.Custom(reader.ReadString());
            case CqlTypeCode.List:
                return CqlType.List(Read(ref reader, depth + 1));
            case CqlTypeCode.Set:
                return CqlType.Set(Read(ref reader, depth + 1));
            case CqlTypeCode.Map:
                var key = Read(ref reader, depth + 1);
                return CqlType.Map(key, Read(ref reader, depth + 1));
            case CqlTypeCode.Tuple:
                var count = reader.ReadUInt16();
                var components = new CqlType[count];
                for (var i = 0; i < count; i++)
                {
                    components[i] = Read(ref reader, depth + 1);
                }

                return CqlType.Tuple(components);
            case CqlTypeCode.Udt:
                var keyspace = reader.ReadString();
                var name = reader.ReadString();
                var fieldCount = reader.ReadUInt16();
                var fields = new KeyValuePair<string, CqlType>[fieldCount];
                for (var i = 0; i < fieldCount; i++)
                {
                    var fieldName = reader.ReadString();
                    fields[i] = new(fieldName, Read(ref reader, depth + 1));
                }

                return CqlType.Udt(keyspace, name, fields);
            case >= CqlTypeCode.Ascii and <= CqlTypeCode.Tinyint when code != (CqlTypeCode)0x000A:
                return CqlType.Native(code);
            default:
                throw new CqlProtocolException($"Unknown type option id 0x{(int)code:X4} in result metadata.");
        }
    }
}
