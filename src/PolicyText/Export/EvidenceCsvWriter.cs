using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>Writes <c>evidence.csv</c>: one row per piece of evidence behind a sentence's labels.</summary>
public sealed class EvidenceCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["doc_id", "sentence_index", "start", "end", "matched", "entry", "category", "cue"];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public EvidenceCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

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
                WriteNumberOrText(docId);
                Csv.WriteField(s.Index, default);
                Csv.WriteField(analysis.Document.ToCodePointOffset(e.Start), default);
                Csv.WriteField(analysis.Document.ToCodePointOffset(e.End), default);
                Csv.WriteField(e.Text);
                Csv.WriteField(e.Entry);
                Csv.WriteField(e.Category);
                Csv.WriteField(e.Cue.ToString().ToLowerInvariant());
                EndRow();
            }
        }
    }
}
