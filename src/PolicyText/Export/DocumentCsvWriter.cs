using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>Writes <c>documents.csv</c>: one row per document, with the columns of <see cref="Columns"/>.</summary>
public sealed class DocumentCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "doc_id", "chars", "tokens", "words", "sentences",
        "rights_freedom", "rights_economic_social", "rights_both", "rights_general", "rights_none",
        "rights_economic_social_share", "rights_emphasis",
        "linkage_pro", "linkage_anti", "linkage_neutral", "linkage_none", "linkage_score", "linkage_stance",
        "type_token_ratio", "mean_sentence_length", "flesch_reading_ease",
    ];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public DocumentCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

    /// <summary>Writes the row of one document. Shares and scores that are undefined (no sentence to count) are empty cells.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="analysis">The analysis.</param>
    public void Write(string docId, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(analysis);
        var s = analysis.Summary;
        var t = analysis.Statistics;
        Csv.WriteField(docId);
        foreach (int n in new[] { t.Chars, t.Tokens, t.Words, s.Sentences, s.Freedom, s.EconomicSocial, s.Both, s.General, s.NoRights })
        {
            Csv.WriteField(n, default);
        }

        WriteRatio(s.EconomicSocialShare);
        Csv.WriteField(s.RightsEmphasis.ToCode());
        foreach (int n in new[] { s.Pro, s.Anti, s.Neutral, s.NoLinkage })
        {
            Csv.WriteField(n, default);
        }

        WriteRatio(s.LinkageScore);
        Csv.WriteField(s.Linkage.ToCode());
        WriteRatio(t.TypeTokenRatio);
        WriteRatio(t.MeanSentenceLength);
        WriteRatio(t.FleschReadingEase);
        EndRow();
    }

    private void WriteRatio(double value)
    {
        if (double.IsNaN(value))
        {
            Csv.WriteField(string.Empty);
        }
        else
        {
            Csv.WriteField(Math.Round(value, 4, MidpointRounding.ToEven), "0.####");
        }
    }
}
