using System.Text.Json;
using PolicyText.Tagging;

namespace PolicyText.Corpora;

/// <summary>Counts of one split.</summary>
/// <param name="Documents">Number of documents.</param>
/// <param name="Sentences">Number of gold sentences.</param>
public sealed record SplitCounts(int Documents, int Sentences);

/// <summary>
/// Counts of a gold corpus: documents, sentences, per split, and sentence counts per label.
/// <see cref="ToJson"/> writes the object that <c>policytext corpus stats --json</c> prints.
/// </summary>
public sealed record CorpusStatistics(
    int Documents,
    int Sentences,
    IReadOnlyDictionary<CorpusSplit, SplitCounts> Splits,
    IReadOnlyDictionary<RightsCategory, int> Rights,
    IReadOnlyDictionary<LinkageStance, int> Linkage)
{
    /// <summary>Counts a corpus.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <returns>Its statistics; every split and label is present, with 0 where none occurs.</returns>
    public static CorpusStatistics Of(GoldCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Of(corpus.Documents);
    }

    /// <summary>Counts some documents, such as one split of a corpus.</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>Their statistics; every split and label is present, with 0 where none occurs.</returns>
    public static CorpusStatistics Of(IReadOnlyCollection<GoldDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rights = Enum.GetValues<RightsCategory>().ToDictionary(r => r, _ => 0);
        var linkage = Enum.GetValues<LinkageStance>().ToDictionary(l => l, _ => 0);
        foreach (var s in documents.SelectMany(d => d.Sentences))
        {
            rights[s.Rights]++;
            linkage[s.Linkage]++;
        }

        var splits = Enum.GetValues<CorpusSplit>().ToDictionary(
            split => split,
            split => new SplitCounts(documents.Count(d => d.Split == split), documents.Where(d => d.Split == split).Sum(d => d.Sentences.Count)));
        return new CorpusStatistics(documents.Count, documents.Sum(d => d.Sentences.Count), splits, rights, linkage);
    }

    /// <summary>A readable table: the splits, then sentence counts per label and split.</summary>
    /// <param name="corpus">The corpus the statistics were computed from (for the per-split columns).</param>
    /// <returns>The table, with LF line endings.</returns>
    public string ToTable(GoldCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var perSplit = Enum.GetValues<CorpusSplit>().Select(split => Of(corpus.InSplit(split).ToList())).ToArray();
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Documents} documents, {Sentences} sentences\n");
        // A corpus folder's training sentences are one-sentence documents of the train split:
        // said, since the count is then not the number of documents.jsonl's lines.
        int trainingSentences = corpus.Documents.Count(GoldCorpus.IsTrainingSentence);
        if (trainingSentences > 0)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"({corpus.Documents.Count - trainingSentences} documents of {GoldCorpus.FileName} and {trainingSentences} training sentences of {GoldCorpus.SentencesFileName}, each a document of one sentence in the train split)\n");
        }

        sb.Append('\n');
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{"split",-16}{"documents",10}{"sentences",11}\n");
        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{split.ToString().ToLowerInvariant(),-16}{Splits[split].Documents,10}{Splits[split].Sentences,11}\n");
        }

        void Header(string title) =>
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{title,-16}{"train",8}{"dev",8}{"test",8}{"total",8}\n");
        void Row(string label, Func<CorpusStatistics, int> count) =>
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{label,-16}{count(perSplit[0]),8}{count(perSplit[1]),8}{count(perSplit[2]),8}{count(this),8}\n");

        Header("rights");
        foreach (var code in LabelCodes.RightsVocabulary)
        {
            LabelCodes.TryParse(code, out RightsCategory r);
            Row(code, st => st.Rights[r]);
        }

        Header("linkage");
        foreach (var code in LabelCodes.LinkageVocabulary)
        {
            LabelCodes.TryParse(code, out LinkageStance l);
            Row(code, st => st.Linkage[l]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The statistics as one JSON object with the keys <c>documents</c>, <c>sentences</c>,
    /// <c>splits</c> (<c>train</c>, <c>dev</c>, <c>test</c>, each with <c>documents</c> and
    /// <c>sentences</c>), <c>rights</c> and <c>linkage</c> (label to sentence count), keys in the
    /// codebook's order.
    /// </summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteNumber("documents", Documents);
            w.WriteNumber("sentences", Sentences);
            w.WriteStartObject("splits");
            foreach (var (split, name) in new[] { (CorpusSplit.Train, "train"), (CorpusSplit.Dev, "dev"), (CorpusSplit.Test, "test") })
            {
                w.WriteStartObject(name);
                w.WriteNumber("documents", Splits[split].Documents);
                w.WriteNumber("sentences", Splits[split].Sentences);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("rights");
            foreach (var code in LabelCodes.RightsVocabulary)
            {
                LabelCodes.TryParse(code, out RightsCategory r);
                w.WriteNumber(code, Rights[r]);
            }

            w.WriteEndObject();
            w.WriteStartObject("linkage");
            foreach (var code in LabelCodes.LinkageVocabulary)
            {
                LabelCodes.TryParse(code, out LinkageStance l);
                w.WriteNumber(code, Linkage[l]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
