using CsvHelper;
using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>Writes <c>evidence.csv</c>: one row per piece of evidence behind a sentence's labels.</summary>
public sealed class EvidenceCsvWriter : IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["doc_id", "sentence_index", "start", "end", "matched", "entry", "category", "cue"];

    private readonly CsvWriter _csv;

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    public EvidenceCsvWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _csv = CsvWriter.Create(stream, CsvFormat.Options, leaveOpen);
        _csv.WriteHeader(Columns.ToArray());
    }

    /// <summary>Number of rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes the evidence of every sentence of a document.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="analysis">The analysis.</param>
    public void Write(string docId, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(analysis);
        foreach (var s in analysis.Sentences)
        {
            foreach (var e in s.Evidence)
            {
                _csv.WriteField(docId);
                _csv.WriteField(s.Index, default);
                _csv.WriteField(analysis.Document.ToCodePointOffset(e.Start), default);
                _csv.WriteField(analysis.Document.ToCodePointOffset(e.End), default);
                _csv.WriteField(e.Text);
                _csv.WriteField(e.Entry);
                _csv.WriteField(e.Category);
                _csv.WriteField(e.Cue.ToString().ToLowerInvariant());
                _csv.EndRecord();
                Rows++;
            }
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _csv.Dispose();
}
