using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyText.Models;
using PolicyText.Text;

namespace PolicyText.Features;

/// <summary>
/// The one place where ML.NET types appear in PolicyText's API: PolicyText's sentence features
/// and labels as an <see cref="IDataView"/>, so that they flow into a user's ML.NET pipeline.
/// </summary>
public static class FeatureExport
{
    /// <summary>
    /// One row per sentence of each text: <c>DocIndex</c> (uint, the text's position in
    /// <paramref name="texts"/>; a text with no sentences has no rows), <c>SentenceIndex</c> (uint),
    /// <c>Text</c>, <c>Rights</c> and <c>Linkage</c> (the labels PolicyText predicts, codebook
    /// names; not gold labels), <c>RightsConfidence</c>, <c>LinkageConfidence</c>, and
    /// <c>Features</c>, a sparse vector of <see cref="SentenceFeaturizer.Dimension"/> floats
    /// (docs/models.md).
    /// </summary>
    /// <remarks>
    /// The rows are computed on every pass over the view: each cursor ML.NET opens enumerates
    /// <paramref name="texts"/> again and analyses every text again, as ML.NET's
    /// <c>LoadFromEnumerable</c> does. So <paramref name="texts"/> must give the same texts each
    /// time it is enumerated (an array or a list, not a reader's lines read once), and a trainer
    /// that passes over the data many times (SDCA) should follow <c>AppendCacheCheckpoint</c>
    /// (the README's example then reads the texts twice, once for the key mapping's fit and once
    /// to fill the cache, against thousands of times without it) or read
    /// <c>mlContext.Data.Cache(view)</c> before the pipeline (once).
    /// </remarks>
    /// <param name="analyzer">The analyzer that computes labels and features.</param>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="texts">The texts, none null (a null is reported, with its position, when the view reaches it).</param>
    /// <returns>The data view (rows are computed when it is read).</returns>
    public static IDataView ToDataView(this TextAnalyzer analyzer, MLContext mlContext, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(texts);
        var schema = SchemaDefinition.Create(typeof(SentenceRow));
        schema[nameof(SentenceRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SentenceFeaturizer.Dimension);
        return mlContext.Data.LoadFromEnumerable(Rows(analyzer, texts), schema);
    }

    private static IEnumerable<SentenceRow> Rows(TextAnalyzer analyzer, IEnumerable<string> texts)
    {
        uint docIndex = 0;
        var features = new List<KeyValuePair<int, float>>();
        foreach (var text in texts)
        {
            if (text is null)
            {
                throw new ArgumentException($"The text at position {docIndex} is null; give an empty string for a document with no text.", nameof(texts));
            }

            var document = analyzer.Parse(text);
            var cues = analyzer.ExtractCues(document);
            var analysis = analyzer.Analyze(document, cues);
            var totals = SentenceFeaturizer.Totals(cues);
            for (int i = 0; i < cues.Length; i++)
            {
                SentenceFeaturizer.Featurize(document, i, cues, totals, features);
                var s = analysis.Sentences[i];
                yield return new SentenceRow
                {
                    DocIndex = docIndex,
                    SentenceIndex = (uint)i,
                    Text = text[s.Start..s.End],
                    Rights = Tagging.LabelCodes.ToCode(s.Rights),
                    Linkage = Tagging.LabelCodes.ToCode(s.Linkage),
                    RightsConfidence = s.RightsConfidence,
                    LinkageConfidence = s.LinkageConfidence,
                    Features = new VBuffer<float>(SentenceFeaturizer.Dimension, features.Count, features.Select(f => f.Value).ToArray(), features.Select(f => f.Key).ToArray()),
                };
            }

            docIndex++;
        }
    }

    private sealed class SentenceRow
    {
        public uint DocIndex { get; set; }

        public uint SentenceIndex { get; set; }

        public string Text { get; set; } = string.Empty;

        public string Rights { get; set; } = string.Empty;

        public string Linkage { get; set; } = string.Empty;

        public float RightsConfidence { get; set; }

        public float LinkageConfidence { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
