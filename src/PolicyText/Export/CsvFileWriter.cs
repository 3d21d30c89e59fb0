using System.Globalization;
using CsvHelper;

namespace PolicyText.Export;

/// <summary>What the CSV files PolicyText writes have in common: the dialect (<see cref="CsvFormat"/>), a header, a row count.</summary>
public abstract class CsvFileWriter : IDisposable
{
    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination; it is closed with the writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="columns">The header.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are; by default a cell that starts with = + - @ tab or CR gets a leading ' (spreadsheet formula injection).</param>
    protected CsvFileWriter(Stream stream, IReadOnlyList<string> columns, bool leaveOpen, bool rawCells)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        _stream = stream;
        _columns = columns.ToArray();
        Csv = CsvWriter.Create(stream, rawCells ? CsvFormat.RawOptions : CsvFormat.Options, leaveOpen);
    }

    private readonly Stream _stream;
    private readonly string[] _columns;
    private bool _started;

    /// <summary>Number of rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>The underlying writer; the header is written before the first field.</summary>
    private protected CsvWriter Csv
    {
        get
        {
            if (!_started)
            {
                _started = true;
                _csv.WriteHeader(_columns);
            }

            return _csv;
        }

        private init => _csv = value;
    }

    private readonly CsvWriter _csv = null!;

    /// <summary>Continues a file that already holds the header and <paramref name="rows"/> rows (resuming a run).</summary>
    internal void ContinueAfter(long rows)
    {
        _started = true;
        Rows = rows;
    }

    /// <summary>Writes everything buffered to the file and returns its length, for a checkpoint.</summary>
    internal long Checkpoint()
    {
        _ = Csv;
        _csv.Flush();
        _stream.Flush();
        return _stream.Position;
    }

    /// <summary>
    /// Writes a document id or variable: as text, except a negative number in plain decimal
    /// notation ("-5", "-0.35"), which is written as the number it is, unescaped: a number cannot
    /// be a formula, and a leading ' would make pandas and R read the column as text (and an id
    /// no longer join the source's).
    /// </summary>
    private protected void WriteNumberOrText(string value)
    {
        if (value.Length > 1 && value[0] == '-'
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number.ToString(CultureInfo.InvariantCulture) == value)
        {
            Csv.WriteField(number, default);
            return;
        }

        Csv.WriteField(value);
    }

    /// <summary>Ends the current row.</summary>
    private protected void EndRow()
    {
        _csv.EndRecord();
        Rows++;
    }

    /// <summary>Flushes and closes the file (with its header, even when no row was written).</summary>
    public void Dispose()
    {
        _ = Csv;
        _csv.Dispose();
        GC.SuppressFinalize(this);
    }
}
