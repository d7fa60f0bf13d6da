using System.Text;
using nietras.SeparatedValues;

namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Streams an order CSV file row by row with Sep: constant memory (one row at a time), UTF-8 with or without
/// BOM, CRLF or LF. Every data line becomes an <see cref="OrderCsvRecord"/>; bad rows are rejections with a
/// line number, never exceptions. Blank lines are skipped and counted.
/// </summary>
/// <remarks>
/// Quote handling is done per field by this reader, not by Sep (<c>DisableQuotesParsing</c>): the order file
/// never has a comma, quote or newline inside a value, so a record is always one physical line. This bounds
/// the damage of a stray quote to its own line: with RFC quoting an unbalanced quote would swallow every
/// following line into one giant field, losing valid rows and memory. A quoted comma or newline (never valid
/// in this schema) therefore shows up as a wrong field count on the affected lines.
/// Not thread-safe; dispose it to close the file.
/// </remarks>
public sealed class OrderCsvReader : IDisposable
{
    private readonly SepReader _reader;
    private readonly OrderCsvHeader _header;
    private bool _disposed;

    private OrderCsvReader(SepReader reader, OrderCsvHeader header)
    {
        _reader = reader;
        _header = header;
    }

    /// <summary>Position of the order_id column in a line.</summary>
    internal int OrderIdColumn => _header.Indexes[0];

    /// <summary>Blank (empty or whitespace-only) lines skipped so far.</summary>
    public long BlankLines { get; private set; }

    /// <summary>Opens a file and checks its header.</summary>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    public static OrderCsvReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Open(new StreamReader(stream, new UTF8Encoding(false, false), true, 1 << 16), path);
    }

    /// <summary>Reads from a text reader (owned and disposed by the returned reader).</summary>
    /// <exception cref="OrderCsvFormatException">The input is empty or lacks a required column.</exception>
    public static OrderCsvReader Open(TextReader text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        SepReader? reader = null;
        try
        {
            reader = Sep.Reader(o => o with
            {
                Sep = new Sep(','),
                HasHeader = true,
                DisableColCountCheck = true,
                DisableQuotesParsing = true,
            }).From(text);
            var header = OrderCsvHeader.Resolve(reader.Header.ColNames, sourceName);
            return new OrderCsvReader(reader, header);
        }
        catch
        {
            reader?.Dispose();
            text.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next data line; false at the end of the file.</summary>
    public bool TryRead(out OrderCsvRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row.Span.IsWhiteSpace())
            {
                BlankLines++;
                continue;
            }

            record = Parse(row, line);
            return true;
        }

        record = default;
        return false;
    }

    /// <summary>Enumerates the remaining records.</summary>
    public IEnumerable<OrderCsvRecord> ReadAll()
    {
        while (TryRead(out var record))
        {
            yield return record;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _reader.Dispose();
        }
    }

    private OrderCsvRecord Parse(SepReader.Row row, long line)
    {
        if (Check(row, line, out var valid, out var rejection))
        {
            return new OrderCsvRecord(line, valid.ToOrder(), null);
        }

        return new OrderCsvRecord(line, null, rejection! with { RawText = Raw(row) });
    }

    private bool Check(SepReader.Row row, long line, out ValidatedOrder valid, out Rejection? rejection)
    {
        valid = default;
        if (row.ColCount != _header.ColumnCount)
        {
            rejection = new Rejection(line, RejectReason.WrongFieldCount, $"expected {_header.ColumnCount} fields, found {row.ColCount}");
            return false;
        }

        var bad = -1;
        if (!TryField(row, 0, out var orderId, ref bad) ||
            !TryField(row, 1, out var customerId, ref bad) ||
            !TryField(row, 2, out var status, ref bad) ||
            !TryField(row, 3, out var purchase, ref bad) ||
            !TryField(row, 4, out var approved, ref bad) ||
            !TryField(row, 5, out var carrier, ref bad) ||
            !TryField(row, 6, out var customer, ref bad) ||
            !TryField(row, 7, out var estimated, ref bad))
        {
            rejection = new Rejection(line, RejectReason.MalformedQuotes, $"{OrderFields.All[bad]} has an unbalanced quote");
            return false;
        }

        var fields = new OrderValidator.Fields
        {
            OrderId = orderId,
            CustomerId = customerId,
            Status = status,
            PurchaseTimestamp = purchase,
            ApprovedAt = approved,
            DeliveredCarrierDate = carrier,
            DeliveredCustomerDate = customer,
            EstimatedDeliveryDate = estimated,
        };
        return OrderValidator.TryValidate(fields, line, out valid, out rejection);
    }

    private bool TryField(SepReader.Row row, int ordinal, out ReadOnlySpan<char> value, ref int badOrdinal)
    {
        if (CsvField.TryUnquote(row[_header.Indexes[ordinal]].Span, out value))
        {
            return true;
        }

        badOrdinal = ordinal;
        return false;
    }

    private static string Raw(SepReader.Row row)
    {
        var span = row.Span;
        return span.Length <= Rejection.MaxRawLength ? span.ToString() : span[..Rejection.MaxRawLength].ToString();
    }
}
