using OrderPipeline.Cql;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.TestSupport.FakeCql;

/// <summary>Writes a type as an [option] (the inverse of the client's metadata reader).</summary>
internal static class TypeOptionWriter
{
    public static void Write(FrameBuffer buffer, CqlType type)
    {
        buffer.WriteUInt16((ushort)type.Code);
        switch (type.Code)
        {
            case CqlTypeCode.Custom:
                buffer.WriteString(type.Name!);
                break;
            case CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map:
                foreach (var parameter in type.Parameters)
                {
                    Write(buffer, parameter);
                }

                break;
            case CqlTypeCode.Tuple:
                buffer.WriteUInt16((ushort)type.Parameters.Count);
                foreach (var parameter in type.Parameters)
                {
                    Write(buffer, parameter);
                }

                break;
            case CqlTypeCode.Udt:
                buffer.WriteString(type.Keyspace!);
                buffer.WriteString(type.Name!);
                buffer.WriteUInt16((ushort)type.Parameters.Count);
                for (var i = 0; i < type.Parameters.Count; i++)
                {
                    buffer.WriteString(type.FieldNames[i]);
                    Write(buffer, type.Parameters[i]);
                }

                break;
        }
    }
}
