using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace OrderPipeline.Cli.Commands.Cql;

/// A JSON array with one object per row (column name to value), written one row per line as rows arrive.
/// Numbers stay numbers (varint and decimal exactly, as raw JSON numbers); non-finite floats, uuids, timestamps
/// (ISO-8601 UTC), blobs (0x-hex) and inet addresses are strings; lists, sets and tuples are arrays; maps and
/// UDTs are objects (map keys rendered as text).
internal sealed class JsonResultWriter(TextWriter output) : ICqlResultWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public async Task<long> WriteAsync(CqlRowsResult result, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        long count = 0;
        await output.WriteAsync("[");
        await foreach (var row in result.Rows.WithCancellation(cancellationToken))
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    json.WritePropertyName(result.Columns[i].Name);
                    WriteValue(json, i < row.Count ? row[i] : null);
                }

                json.WriteEndObject();
            }

            await output.WriteAsync((count == 0 ? "\n  " : ",\n  ") + Encoding.UTF8.GetString(buffer.WrittenSpan));
            count++;
        }

        await output.WriteAsync(count == 0 ? "]\n" : "\n]\n");
        await output.FlushAsync(cancellationToken);
        return count;
    }

    internal static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                return;
            case string s:
                json.WriteStringValue(s);
                return;
            case bool b:
                json.WriteBooleanValue(b);
                return;
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return;
            case BigInteger i:
                json.WriteRawValue(i.ToString(CultureInfo.InvariantCulture));
                return;
            case decimal d:
                json.WriteRawValue(d.ToString(CultureInfo.InvariantCulture));
                return;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                return;
            case float f when float.IsFinite(f):
                json.WriteRawValue(f.ToString("R", CultureInfo.InvariantCulture));
                return;
            default:
                break;
        }

        if (CqlValueText.FormatScalar(value) is { } scalar)
        {
            json.WriteStringValue(scalar);
            return;
        }

        switch (CqlValueShapes.Of(value))
        {
            case CqlValueShape.Map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    json.WritePropertyName(CqlValueText.Format(entry.Key));
                    WriteValue(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case CqlValueShape.Udt:
                json.WriteStartObject();
                foreach (var (field, fieldValue) in (IEnumerable<KeyValuePair<string, object?>>)value)
                {
                    json.WritePropertyName(field);
                    WriteValue(json, fieldValue);
                }

                json.WriteEndObject();
                break;
            case CqlValueShape.List or CqlValueShape.Set or CqlValueShape.Tuple:
                json.WriteStartArray();
                foreach (var item in (IEnumerable)value)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(CqlValueText.Format(value));
                break;
        }
    }
}
