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
        Csv = CsvWriter.Create(stream, rawCells ? CsvFormat.RawOptions : CsvFormat.Options, leaveOpen);
        Csv.WriteHeader(columns.ToArray());
    }

    /// <summary>Number of rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>The underlying writer.</summary>
    private protected CsvWriter Csv { get; }

    /// <summary>Ends the current row.</summary>
    private protected void EndRow()
    {
        Csv.EndRecord();
        Rows++;
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        Csv.Dispose();
        GC.SuppressFinalize(this);
    }
}
