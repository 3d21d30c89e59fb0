using PolicyText.Text;

namespace PolicyText.Export;

/// <summary>Writes <c>tokens.csv</c>: one row per token, with its sentence, offsets, text, normalized form and kind.</summary>
public sealed class TokenCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["doc_id", "sentence_index", "token_index", "start", "end", "text", "norm", "kind"];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public TokenCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

    /// <summary>Writes every token of a document; token_index counts from 0 in the document.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="document">The document.</param>
    public void Write(string docId, TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var tokens = document.Tokens;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            for (int k = sentence.FirstToken; k < sentence.FirstToken + sentence.TokenCount; k++)
            {
                var t = tokens[k];
                WriteNumberOrText(docId);
                Csv.WriteField(s, default);
                Csv.WriteField(k, default);
                Csv.WriteField(document.ToCodePointOffset(t.Start), default);
                Csv.WriteField(document.ToCodePointOffset(t.End), default);
                Csv.WriteField(t.GetText(document.Text));
                Csv.WriteField(t.GetText(document.NormalizedText));
                Csv.WriteField(t.Kind.ToString().ToLowerInvariant());
                EndRow();
            }
        }
    }
}
