using System.Globalization;
using PolicyText.Tagging;

namespace PolicyText.Export;

/// <summary>Writes <c>documents.csv</c>: one row per document, with the columns of <see cref="Columns"/>.</summary>
public sealed class DocumentCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "doc_id", "chars", "tokens", "words", "sentences", "furniture_lines",
        "rights_freedom", "rights_economic_social", "rights_both", "rights_general", "rights_none",
        "rights_economic_social_share", "rights_emphasis",
        "linkage_pro", "linkage_anti", "linkage_neutral", "linkage_none", "linkage_score", "linkage_stance",
        "type_token_ratio", "mean_sentence_length", "flesch_reading_ease",
    ];

    private readonly IReadOnlyList<string> _variables;

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    /// <param name="variables">
    /// The document variables to carry through, as columns right after doc_id (a name that is
    /// already a column of this file gets the prefix <c>var_</c>, repeated while the name is
    /// another variable's).
    /// </param>
    public DocumentCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false, IReadOnlyList<string>? variables = null)
        : base(stream, Header(variables ?? []), leaveOpen, rawCells)
    {
        _variables = variables ?? [];
    }

    /// <summary>The header for a set of document variables.</summary>
    /// <param name="variables">The variables' names.</param>
    /// <returns>doc_id, the variables, then <see cref="Columns"/> after doc_id.</returns>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        // A variable keeps its name unless it is a column's (or empty, as a JSON field's "" may
        // be); then it takes "var_" as often as it takes to name no column and no other
        // variable, whatever the variables' order: an input's own "var_doc_id" stays
        // "var_doc_id", its "doc_id" becomes "var_var_doc_id", and "" becomes "var_".
        var columns = new HashSet<string>(Columns, StringComparer.Ordinal);
        var taken = new HashSet<string>(variables, StringComparer.Ordinal);
        taken.UnionWith(Columns);
        var header = new List<string> { Columns[0] };
        foreach (var v in variables)
        {
            var name = v;
            if (columns.Contains(name) || string.IsNullOrWhiteSpace(name))
            {
                do
                {
                    name = "var_" + name;
                }
                while (!taken.Add(name));
            }

            header.Add(name);
        }

        header.AddRange(Columns.Skip(1));
        return header;
    }

    /// <summary>Writes the row of one document. Shares and scores that are undefined (no sentence to count) are empty cells.</summary>
    /// <param name="docId">The document id.</param>
    /// <param name="analysis">The analysis.</param>
    /// <param name="variables">The document's variables; a variable it lacks is an empty cell.</param>
    public void Write(string docId, DocumentAnalysis analysis, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(analysis);
        var s = analysis.Summary;
        var t = analysis.Statistics;
        WriteNumberOrText(docId);
        foreach (var name in _variables)
        {
            // A null value is an empty cell, as a missing one is (and as JSON null is read).
            WriteNumberOrText(variables is not null && variables.TryGetValue(name, out var value) ? value ?? string.Empty : string.Empty);
        }

        // furniture_lines: the lines read as a page's furniture and skipped (docs/segmentation.md),
        // so that what the text layer left out can be seen and counted.
        foreach (int n in new[] { t.Chars, t.Tokens, t.Words, s.Sentences, analysis.Document.PageFurniture.Count, s.Freedom, s.EconomicSocial, s.Both, s.General, s.NoRights })
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
