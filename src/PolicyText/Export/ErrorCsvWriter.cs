using PolicyText.Corpora;

namespace PolicyText.Export;

/// <summary>Writes <c>errors.csv</c>: one row per document that could not be read or analysed.</summary>
public sealed class ErrorCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["doc_id", "source", "code", "message"];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public ErrorCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

    /// <summary>Writes one error.</summary>
    /// <param name="error">The error.</param>
    public void Write(CorpusError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        WriteNumberOrText(error.DocId ?? string.Empty);
        Csv.WriteField(error.Source);
        Csv.WriteField(error.Code);
        Csv.WriteField(error.Message);
        EndRow();
    }
}
