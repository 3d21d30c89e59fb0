using CsvHelper;
using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>Writes <c>documents.csv</c>: one row per document, with the columns of <see cref="Columns"/>.</summary>
public sealed class DocumentCsvWriter : IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "doc_id", "sentences",
        "rights_freedom", "rights_economic_social", "rights_both", "rights_general", "rights_none",
        "rights_economic_social_share", "rights_emphasis",
        "linkage_pro", "linkage_anti", "linkage_neutral", "linkage_none", "linkage_score", "linkage_stance",
    ];

    private readonly CsvWriter _csv;

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    public DocumentCsvWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _csv = CsvWriter.Create(stream, CsvFormat.Options, leaveOpen);
        _csv.WriteHeader(Columns.ToArray());
    }

    /// <summary>Number of rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes the row of one document. Shares and scores that are undefined (no sentence to count) are empty cells.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="analysis">The analysis.</param>
    public void Write(string docId, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(analysis);
        var s = analysis.Summary;
        _csv.WriteField(docId);
        foreach (int n in new[] { s.Sentences, s.Freedom, s.EconomicSocial, s.Both, s.General, s.NoRights })
        {
            _csv.WriteField(n, default);
        }

        WriteRatio(s.EconomicSocialShare);
        _csv.WriteField(s.RightsEmphasis.ToCode());
        foreach (int n in new[] { s.Pro, s.Anti, s.Neutral, s.NoLinkage })
        {
            _csv.WriteField(n, default);
        }

        WriteRatio(s.LinkageScore);
        _csv.WriteField(s.Linkage.ToCode());
        _csv.EndRecord();
        Rows++;
    }

    private void WriteRatio(double value)
    {
        if (double.IsNaN(value))
        {
            _csv.WriteField(string.Empty);
        }
        else
        {
            _csv.WriteField(Math.Round(value, 4, MidpointRounding.ToEven), "0.####");
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _csv.Dispose();
}
