using System.Globalization;

namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Writes rejected rows as CSV: <c>line,reason,detail,raw</c>, RFC 4180 quoting, UTF-8, LF. The raw line is
/// cut at <see cref="Rejection.MaxRawLength"/> characters. The file is created on the first rejection only.
/// </summary>
public sealed class RejectsCsvWriter : IDisposable
{
    private readonly string _path;
    private StreamWriter? _writer;

    public RejectsCsvWriter(string path)
    {
        _path = path;
    }

    public string Path => _path;

    public long Written { get; private set; }

    /// <summary>The default location: <c>input.rejects.csv</c> next to the input file.</summary>
    public static string DefaultPathFor(string inputCsv) =>
        System.IO.Path.ChangeExtension(inputCsv, null) + ".rejects.csv";

    public void Write(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        if (_writer is null)
        {
            _writer = new StreamWriter(_path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            _writer.WriteLine("line,reason,detail,raw");
        }

        _writer.Write(rejection.LineNumber.ToString(CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.Write(rejection.Reason.ToString());
        _writer.Write(',');
        WriteQuoted(rejection.Detail);
        _writer.Write(',');
        WriteQuoted(rejection.RawText ?? "");
        _writer.WriteLine();
        Written++;
    }

    public void Dispose() => _writer?.Dispose();

    private void WriteQuoted(string value)
    {
        _writer!.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
