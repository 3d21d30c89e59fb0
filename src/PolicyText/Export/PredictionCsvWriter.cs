using PolicyText.Evaluation;

namespace PolicyText.Export;

/// <summary>
/// Writes the file of <c>policytext eval --predictions</c>: one row per evaluated sentence, its
/// gold labels beside the default system's, in its document and analysed alone, for reading
/// the errors (docs/evaluation.md).
/// </summary>
public sealed class PredictionCsvWriter : CsvFileWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "part", "doc_id", "sentence_index",
        "gold_rights", "rights", "rights_confidence", "rights_alone",
        "gold_linkage", "linkage", "linkage_confidence", "linkage_alone",
        "text",
    ];

    /// <summary>Starts a file on <paramref name="stream"/> and writes the header.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open.</param>
    /// <param name="rawCells">Whether to write text cells exactly as they are (see <see cref="CsvFileWriter"/>).</param>
    public PredictionCsvWriter(Stream stream, bool leaveOpen = false, bool rawCells = false)
        : base(stream, Columns, leaveOpen, rawCells)
    {
    }

    /// <summary>Writes every sentence of an evaluation.</summary>
    /// <param name="part">What was evaluated: the split (<c>test</c>) or the fold (<c>cv3</c>, or <c>cv2.3</c> for the third fold of the second dealing).</param>
    /// <param name="predictions">The evaluation's <see cref="EvaluationReport.Predictions"/>.</param>
    public void Write(string part, IEnumerable<SentencePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (var p in predictions)
        {
            Csv.WriteField(part);
            WriteNumberOrText(p.DocId);
            Csv.WriteField(p.SentenceIndex, default);
            Csv.WriteField(p.GoldRights);
            Csv.WriteField(p.Rights);
            Csv.WriteField(CsvFormat.Round(p.RightsConfidence), "0.####");
            Csv.WriteField(p.RightsAlone);
            Csv.WriteField(p.GoldLinkage);
            Csv.WriteField(p.Linkage);
            Csv.WriteField(CsvFormat.Round(p.LinkageConfidence), "0.####");
            Csv.WriteField(p.LinkageAlone);
            Csv.WriteField(p.Text);
            EndRow();
        }
    }
}
