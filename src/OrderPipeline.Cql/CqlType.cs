using System.Text;

namespace OrderPipeline.Cql;

/// <summary>A CQL data type as described by the server's metadata; immutable.</summary>
public sealed partial class CqlType : IEquatable<CqlType>
{
    private static readonly CqlType?[] Natives = CreateNatives();

    private CqlType(CqlTypeCode code, IReadOnlyList<CqlType>? parameters = null, IReadOnlyList<string>? fieldNames = null, string? keyspace = null, string? name = null)
    {
        Code = code;
        Parameters = parameters ?? [];
        FieldNames = fieldNames ?? [];
        Keyspace = keyspace;
        Name = name;
    }

    /// <summary>The type's protocol code.</summary>
    public CqlTypeCode Code { get; }

    /// <summary>Element type(s): one for list/set, key and value for map, components for tuple, field types for a UDT.</summary>
    public IReadOnlyList<CqlType> Parameters { get; }

    /// <summary>Field names of a UDT (empty otherwise).</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The keyspace of a UDT.</summary>
    public string? Keyspace { get; }

    /// <summary>The name of a UDT, or the Java class of a custom type.</summary>
    public string? Name { get; }

    /// <summary>ascii.</summary>
    public static CqlType Ascii => Native(CqlTypeCode.Ascii);

    /// <summary>text / varchar.</summary>
    public static CqlType Text => Native(CqlTypeCode.Varchar);

    /// <summary>int.</summary>
    public static CqlType Int => Native(CqlTypeCode.Int);

    /// <summary>bigint.</summary>
    public static CqlType Bigint => Native(CqlTypeCode.Bigint);

    /// <summary>counter.</summary>
    public static CqlType Counter => Native(CqlTypeCode.Counter);

    /// <summary>smallint.</summary>
    public static CqlType Smallint => Native(CqlTypeCode.Smallint);

    /// <summary>tinyint.</summary>
    public static CqlType Tinyint => Native(CqlTypeCode.Tinyint);

    /// <summary>varint.</summary>
    public static CqlType Varint => Native(CqlTypeCode.Varint);

    /// <summary>decimal.</summary>
    public static CqlType Decimal => Native(CqlTypeCode.Decimal);

    /// <summary>float.</summary>
    public static CqlType Float => Native(CqlTypeCode.Float);

    /// <summary>double.</summary>
    public static CqlType Double => Native(CqlTypeCode.Double);

    /// <summary>boolean.</summary>
    public static CqlType Boolean => Native(CqlTypeCode.Boolean);

    /// <summary>timestamp.</summary>
    public static CqlType Timestamp => Native(CqlTypeCode.Timestamp);

    /// <summary>date.</summary>
    public static CqlType Date => Native(CqlTypeCode.Date);

    /// <summary>time.</summary>
    public static CqlType Time => Native(CqlTypeCode.Time);

    /// <summary>uuid.</summary>
    public static CqlType Uuid => Native(CqlTypeCode.Uuid);

    /// <summary>timeuuid.</summary>
    public static CqlType Timeuuid => Native(CqlTypeCode.Timeuuid);

    /// <summary>inet.</summary>
    public static CqlType Inet => Native(CqlTypeCode.Inet);

    /// <summary>blob.</summary>
    public static CqlType Blob => Native(CqlTypeCode.Blob);

    /// <summary>Whether the type is list, set or map.</summary>
    public bool IsCollection => Code is CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map;

    /// <summary>The shared instance of a type without parameters.</summary>
    /// <exception cref="ArgumentException">The code needs parameters.</exception>
    public static CqlType Native(CqlTypeCode code)
    {
        var index = (int)code;
        if (index is < 0 or > 0x14 || Natives[index] is null)
        {
            throw new ArgumentException($"{code} needs parameters; use the factory for it.", nameof(code));
        }

        return Natives[index]!;
    }

    /// <summary>list&lt;element&gt;.</summary>
    public static CqlType List(CqlType element) => new(CqlTypeCode.List, [element]);

    /// <summary>set&lt;element&gt;.</summary>
    public static CqlType Set(CqlType element) => new(CqlTypeCode.Set, [element]);

    /// <summary>map&lt;key, value&gt;.</summary>
    public static CqlType Map(CqlType key, CqlType value) => new(CqlTypeCode.Map, [key, value]);

    /// <summary>tuple&lt;components...&gt;.</summary>
    public static CqlType Tuple(params CqlType[] components) => new(CqlTypeCode.Tuple, components);

    /// <summary>A user-defined type with its fields in declaration order.</summary>
    public static CqlType Udt(string keyspace, string name, IReadOnlyList<KeyValuePair<string, CqlType>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var names = new string[fields.Count];
        var types = new CqlType[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            names[i] = fields[i].Key;
            types[i] = fields[i].Value;
        }

        return new(CqlTypeCode.Udt, types, names, keyspace, name);
    }

    /// <summary>A custom type named by its server class.</summary>
    public static CqlType Custom(string className) => new(CqlTypeCode.Custom, name: className);

    /// <inheritdoc/>
    public bool Equals(CqlType? other)
    {
        if (other is null || other.Code != Code || other.Parameters.Count != Parameters.Count || other.Name != Name || other.Keyspace != Keyspace)
        {
            return false;
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].Equals(other.Parameters[i]))
            {
                return false;
            }
        }

        return FieldNames.SequenceEqual(other.FieldNames, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CqlType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Parameters.Count, Name);

    /// <summary>The type in CQL syntax, e.g. <c>map&lt;text, frozen&lt;list&lt;int&gt;&gt;&gt;</c> without frozen markers.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        switch (Code)
        {
            case CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map or CqlTypeCode.Tuple:
                text.Append(Code.ToString().ToLowerInvariant()).Append('<');
                for (var i = 0; i < Parameters.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    Parameters[i].Append(text);
                }

                text.Append('>');
                break;
            case CqlTypeCode.Udt:
                text.Append(Keyspace).Append('.').Append(Name);
                break;
            case CqlTypeCode.Custom:
                text.Append('\'').Append(Name).Append('\'');
                break;
            case CqlTypeCode.Varchar:
                text.Append("text");
                break;
            default:
                text.Append(Code.ToString().ToLowerInvariant());
                break;
        }
    }

    private static CqlType?[] CreateNatives()
    {
        var natives = new CqlType?[0x15];
        foreach (var code in Enum.GetValues<CqlTypeCode>())
        {
            if (code is > CqlTypeCode.Custom and <= CqlTypeCode.Tinyint)
            {
                natives[(int)code] = new CqlType(code);
            }
        }

        return natives;
    }
}
