using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>
/// Writes <c>sentences.csv</c>: one row per sentence with the columns of <see cref="Columns"/>.
/// Offsets are Unicode code points, end exclusive. UTF-8 without a byte order mark, RFC 4180
/// quoting, LF line endings. See docs/csv-schema.md.
/// </summary>
public sealed class SentenceCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["doc_id", "sentence_index", "start", "end", "tokens", "rights", "rights_confidence", "linkage", "linkage_confidence", "text"];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination; it is closed with the writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public SentenceCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

    /// <summary>Writes one row per sentence of an analysed document.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="analysis">The analysis.</param>
    public void Write(string docId, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(analysis);
        var document = analysis.Document;
        foreach (var s in analysis.Sentences)
        {
            var sentence = document.Sentences[s.Index];
            WriteNumberOrText(docId);
            Csv.WriteField(s.Index, default);
            Csv.WriteField(document.ToCodePointOffset(sentence.Start), default);
            Csv.WriteField(document.ToCodePointOffset(sentence.End), default);
            Csv.WriteField(sentence.TokenCount, default);
            Csv.WriteField(s.Rights.ToCode());
            Csv.WriteField(CsvFormat.Round(s.RightsConfidence), "0.####");
            Csv.WriteField(s.Linkage.ToCode());
            Csv.WriteField(CsvFormat.Round(s.LinkageConfidence), "0.####");
            Csv.WriteField(sentence.GetText(document.Text));
            EndRow();
        }
    }
}
