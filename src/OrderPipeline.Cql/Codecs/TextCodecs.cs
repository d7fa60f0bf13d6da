using System.Buffers;
using System.Text;

namespace OrderPipeline.Cql.Codecs;

/// <summary>text/varchar (UTF-8), ascii (bytes 0-127 only) and blob.</summary>
internal static class TextCodecs
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void WriteText(IBufferWriter<byte> writer, string value)
    {
        var count = StrictUtf8.GetByteCount(value);
        if (count == 0)
        {
            return;
        }

        StrictUtf8.GetBytes(value, writer.GetSpan(count));
        writer.Advance(count);
    }

    public static void WriteAscii(IBufferWriter<byte> writer, string value)
    {
        if (!Ascii.IsValid(value))
        {
            throw new ArgumentException("An ascii value may only contain characters 0-127; use text for anything else.", nameof(value));
        }

        WriteText(writer, value);
    }

    public static string ReadText(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CqlProtocolException("A text value is not valid UTF-8.", ex);
        }
    }

    public static string ReadAscii(ReadOnlySpan<byte> bytes)
    {
        if (!Ascii.IsValid(bytes))
        {
            throw new CqlProtocolException("An ascii value contains bytes above 127.");
        }

        return Encoding.ASCII.GetString(bytes);
    }

    public static void WriteBlob(IBufferWriter<byte> writer, ReadOnlySpan<byte> value) => writer.Write(value);

    public static byte[] ReadBlob(ReadOnlySpan<byte> bytes) => bytes.ToArray();
}
