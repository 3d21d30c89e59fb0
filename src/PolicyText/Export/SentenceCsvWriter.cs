using CsvHelper;
using PolicyText.Text;

namespace PolicyText.Export;

/// <summary>
/// Writes <c>sentences.csv</c>: one row per sentence, with the columns of
/// <see cref="Columns"/>. Offsets are Unicode code points, end exclusive. The file is UTF-8
/// without a byte order mark, RFC 4180 quoting, LF line endings. See docs/csv-schema.md.
/// </summary>
public sealed class SentenceCsvWriter : IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["doc_id", "sentence_index", "start", "end", "text"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    private readonly CsvWriter _csv;

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination; it is closed with the writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    public SentenceCsvWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _csv = CsvWriter.Create(stream, Options, leaveOpen);
        _csv.WriteHeader(Columns.ToArray());
    }

    /// <summary>Number of sentence rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes one row per sentence of <paramref name="document"/>.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="document">The analysed document.</param>
    public void Write(string docId, TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        for (int i = 0; i < sentences.Length; i++)
        {
            var s = sentences[i];
            _csv.WriteField(docId);
            _csv.WriteField(i, default);
            _csv.WriteField(document.ToCodePointOffset(s.Start), default);
            _csv.WriteField(document.ToCodePointOffset(s.End), default);
            _csv.WriteField(s.GetText(document.Text));
            _csv.EndRecord();
            Rows++;
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _csv.Dispose();
}
