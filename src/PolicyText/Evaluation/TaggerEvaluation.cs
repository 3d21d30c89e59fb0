using System.Globalization;
using System.Text;
using Microsoft.ML;
using PolicyText.Corpora;
using PolicyText.Features;
using PolicyText.Internals;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Evaluation;

/// <summary>The systems compared by <see cref="TaggerEvaluation"/>, and their scores.</summary>
/// <param name="Split">The split evaluated.</param>
/// <param name="Rights">One report per system for the rights task.</param>
/// <param name="Linkage">One report per system for the linkage task.</param>
/// <param name="DocumentRightsAccuracy">Per system, accuracy of the aggregated rights emphasis against the holistic gold label.</param>
/// <param name="DocumentLinkageAccuracy">Per system, accuracy of the aggregated linkage stance against the holistic gold label.</param>
/// <param name="Documents">Number of documents evaluated.</param>
public sealed record EvaluationReport(
    CorpusSplit Split,
    IReadOnlyList<ClassificationReport> Rights,
    IReadOnlyList<ClassificationReport> Linkage,
    IReadOnlyDictionary<string, double> DocumentRightsAccuracy,
    IReadOnlyDictionary<string, double> DocumentLinkageAccuracy,
    int Documents)
{
    /// <summary>
    /// Per system, 95 % intervals of the four scores from a bootstrap over the evaluated
    /// documents (docs/evaluation.md), or <see langword="null"/> when not computed.
    /// </summary>
    public IReadOnlyDictionary<string, SystemIntervals>? Intervals { get; init; }

    /// <summary>
    /// How well the default system's reported confidences match its accuracy, rights then
    /// linkage (reliability tables, docs/evaluation.md), or <see langword="null"/> when not computed.
    /// </summary>
    public IReadOnlyList<CalibrationReport>? Calibration { get; init; }

    /// <summary>
    /// One report per system for the rights task with every sentence analysed alone, as a
    /// one-sentence document (how a set of hand-labelled sentences is scored), or
    /// <see langword="null"/> when not computed. Only PolicyText's two systems read context;
    /// the others' labels are the same as in <see cref="Rights"/>.
    /// </summary>
    public IReadOnlyList<ClassificationReport>? RightsAlone { get; init; }

    /// <summary>As <see cref="RightsAlone"/>, for the linkage task.</summary>
    public IReadOnlyList<ClassificationReport>? LinkageAlone { get; init; }

    /// <summary>
    /// Every evaluated sentence with its gold labels and the default system's, in its document and
    /// alone, in corpus order (<c>policytext eval --predictions</c>), or <see langword="null"/>
    /// when not kept.
    /// </summary>
    public IReadOnlyList<SentencePrediction>? Predictions { get; init; }

    /// <summary>
    /// Whether the documents evaluated are another corpus's, all of it (<see cref="TaggerEvaluation.Evaluate(GoldCorpus, GoldCorpus, PolicyModels, LexiconSet?, GivenLabels?)"/>),
    /// rather than a split of the training corpus; <see cref="Split"/> is then <see cref="CorpusSplit.Test"/>.
    /// </summary>
    public bool HeldOut { get; init; }

    /// <summary>The summary table, the intervals and calibration tables when computed, and every system's per-class report, as text.</summary>
    /// <returns>The report.</returns>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{(HeldOut ? "held-out corpus" : "split " + Split.ToString().ToLowerInvariant())}: {Documents} documents, {Rights[0].Count} sentences\n\n");
        AppendHeader(sb, string.Empty);
        for (int i = 0; i < Rights.Count; i++)
        {
            var name = Rights[i].System;
            AppendRow(sb, string.Empty, name, Rights[i].MacroF1, Linkage[i].MacroF1, DocumentRightsAccuracy[name], DocumentLinkageAccuracy[name]);
        }

        if (Intervals is not null)
        {
            sb.Append(inv, $"\n95% intervals: {Documents} documents drawn with replacement, {DocumentBootstrap.Resamples} resamples, seed {DocumentBootstrap.Seed}\n");
            AppendHeader(sb, string.Empty);
            static string Range(ScoreInterval x) => string.Create(CultureInfo.InvariantCulture, $"{x.Low:F3}-{x.High:F3}");
            foreach (var r in Rights)
            {
                var x = Intervals[r.System];
                sb.Append(inv, $"{ColumnWidth.PadRight(r.System, 28)}{Range(x.Rights),17}{Range(x.Linkage),18}{Range(x.DocumentRights),16}{Range(x.DocumentLinkage),17}\n");
            }
        }

        if (RightsAlone is not null && LinkageAlone is not null)
        {
            AppendAloneHeader(sb, "(sentence macro-F1; only PolicyText's systems read context)");
            for (int i = 0; i < RightsAlone.Count; i++)
            {
                AppendAloneRow(sb, RightsAlone[i].System, RightsAlone[i].MacroF1, LinkageAlone[i].MacroF1);
            }
        }

        foreach (var c in Calibration ?? [])
        {
            sb.Append('\n').Append(c.ToText());
        }

        foreach (var (task, reports) in new[] { ("rights", Rights), ("linkage", Linkage) })
        {
            foreach (var r in reports)
            {
                sb.Append(inv, $"\n{task} — {r.System}\n");
                sb.Append(r.ToText());
            }
        }

        return sb.ToString();
    }

    /// <summary>The header of the table of sentences analysed alone, with a note after its title.</summary>
    internal static void AppendAloneHeader(StringBuilder sb, string note) =>
        sb.Append(CultureInfo.InvariantCulture, $"\nEach sentence analysed alone, as a one-sentence document {note}\n{"system",-28}{"rights macro-F1",17}{"linkage macro-F1",18}\n");

    /// <summary>One line of the table of sentences analysed alone.</summary>
    internal static void AppendAloneRow(StringBuilder sb, string system, double rights, double linkage) =>
        sb.Append(CultureInfo.InvariantCulture, $"{ColumnWidth.PadRight(system, 28)}{rights,17:F3}{linkage,18:F3}\n");

    /// <summary>The summary table's header line, after a prefix (the fold column's heading, or nothing).</summary>
    internal static void AppendHeader(StringBuilder sb, string prefix) =>
        sb.Append(CultureInfo.InvariantCulture, $"{prefix}{"system",-28}{"rights macro-F1",17}{"linkage macro-F1",18}{"doc rights acc",16}{"doc linkage acc",17}\n");

    /// <summary>One line of the summary table: a prefix, the system, its four scores.</summary>
    internal static void AppendRow(StringBuilder sb, string prefix, string system, double rights, double linkage, double documentRights, double documentLinkage) =>
        sb.Append(CultureInfo.InvariantCulture, $"{prefix}{ColumnWidth.PadRight(system, 28)}{rights,17:F3}{linkage,18:F3}{documentRights,16:F3}{documentLinkage,17:F3}\n");
}

/// <summary>One evaluated sentence: its gold labels beside the default system's, in its document and analysed alone.</summary>
/// <param name="DocId">The document's id.</param>
/// <param name="SentenceIndex">The sentence's index in the document (0-based).</param>
/// <param name="Text">The sentence.</param>
/// <param name="GoldRights">The gold rights label.</param>
/// <param name="Rights">The default system's rights label in the document.</param>
/// <param name="RightsConfidence">Its confidence.</param>
/// <param name="RightsAlone">The default system's rights label with the sentence analysed alone.</param>
/// <param name="GoldLinkage">The gold linkage label.</param>
/// <param name="Linkage">The default system's linkage label in the document.</param>
/// <param name="LinkageConfidence">Its confidence.</param>
/// <param name="LinkageAlone">The default system's linkage label with the sentence analysed alone.</param>
public sealed record SentencePrediction(
    string DocId,
    int SentenceIndex,
    string Text,
    string GoldRights,
    string Rights,
    float RightsConfidence,
    string RightsAlone,
    string GoldLinkage,
    string Linkage,
    float LinkageConfidence,
    string LinkageAlone);

/// <summary>A cross-validation: one evaluation per fold (of every repeat), and the mean of their scores.</summary>
/// <param name="Folds">The evaluation of each fold's held-out documents (reported as the dev split); with several repeats, the first repeat's folds, then the second's, and so on.</param>
public sealed record CrossValidationReport(IReadOnlyList<EvaluationReport> Folds)
{
    /// <summary>The report of each fold, in order (at least one).</summary>
    public IReadOnlyList<EvaluationReport> Folds { get; init; } = Folds is { Count: > 0 } ? Folds : throw new ArgumentException("A cross-validation report needs at least one fold's report.", nameof(Folds));

    /// <summary>How many times the documents were dealt into folds (<see cref="Folds"/> holds <c>Folds.Count / Repeats</c> folds per repeat).</summary>
    public int Repeats
    {
        get => _repeats;
        init => _repeats = value >= 1 && Folds.Count % value == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Repeats), value, $"Repeats must be at least 1 and divide the {Folds.Count} folds.");
    }

    private readonly int _repeats = 1;

    /// <summary>The mean over each repeat's folds of each system's four scores, one tuple per repeat.</summary>
    /// <param name="system">One of <see cref="TaggerEvaluation.Systems"/>.</param>
    /// <returns>The means, in repeat order.</returns>
    public IReadOnlyList<(double Rights, double Linkage, double DocumentRights, double DocumentLinkage)> RepeatMeans(string system)
    {
        int perRepeat = Folds.Count / Repeats;
        return Enumerable.Range(0, Repeats)
            .Select(r => (this with { Folds = Folds.Skip(r * perRepeat).Take(perRepeat).ToList(), Repeats = 1 }).Mean(system))
            .ToList();
    }

    /// <summary>The standard deviation, across repeats, of each repeat's mean (0 for one repeat): how much the scores depend on which documents share a fold.</summary>
    /// <param name="system">One of <see cref="TaggerEvaluation.Systems"/>.</param>
    /// <returns>The four standard deviations (sample, n − 1).</returns>
    public (double Rights, double Linkage, double DocumentRights, double DocumentLinkage) RepeatStandardDeviation(string system) =>
        StandardDeviation(RepeatMeans(system));

    /// <summary>The sample standard deviation (n − 1) of each of the four scores over <paramref name="means"/>, 0 for fewer than two.</summary>
    private static (double Rights, double Linkage, double DocumentRights, double DocumentLinkage) StandardDeviation(IReadOnlyList<(double Rights, double Linkage, double DocumentRights, double DocumentLinkage)> means)
    {
        static double Sd(IReadOnlyList<double> x)
        {
            if (x.Count < 2)
            {
                return 0;
            }

            double m = x.Average();
            return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
        }

        return (
            Sd([.. means.Select(m => m.Rights)]),
            Sd([.. means.Select(m => m.Linkage)]),
            Sd([.. means.Select(m => m.DocumentRights)]),
            Sd([.. means.Select(m => m.DocumentLinkage)]));
    }

    /// <summary>The mean over the folds of each system's rights macro-F1, linkage macro-F1, and document accuracies.</summary>
    /// <param name="system">One of <see cref="TaggerEvaluation.Systems"/>.</param>
    /// <returns>The four means.</returns>
    public (double Rights, double Linkage, double DocumentRights, double DocumentLinkage) Mean(string system)
    {
        int i = SystemIndex(system);

        return (
            Folds.Average(f => f.Rights[i].MacroF1),
            Folds.Average(f => f.Linkage[i].MacroF1),
            Folds.Average(f => f.DocumentRightsAccuracy[system]),
            Folds.Average(f => f.DocumentLinkageAccuracy[system]));
    }

    /// <summary>The name of fold <paramref name="fold"/> (an index into <see cref="Folds"/>): its number from 1, or with several repeats the repeat's and the fold's (<c>2.3</c>).</summary>
    /// <param name="fold">The index into <see cref="Folds"/>.</param>
    /// <returns>The name.</returns>
    public string FoldName(int fold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fold, Folds.Count);
        int perRepeat = Folds.Count / Repeats;
        return Repeats > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(fold / perRepeat) + 1}.{(fold % perRepeat) + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{fold + 1}");
    }

    /// <summary>The place of <paramref name="system"/> in <see cref="TaggerEvaluation.Systems"/>.</summary>
    /// <exception cref="ArgumentException">It is not one of them.</exception>
    private static int SystemIndex(string system)
    {
        int i = TaggerEvaluation.Systems.ToList().IndexOf(system);
        return i >= 0 ? i : throw new ArgumentException($"'{system}' is not one of the evaluated systems.", nameof(system));
    }

    /// <summary>The mean over the folds of each system's rights and linkage macro-F1 with every sentence analysed alone (<see cref="EvaluationReport.RightsAlone"/>).</summary>
    /// <param name="system">One of <see cref="TaggerEvaluation.Systems"/>.</param>
    /// <returns>The two means.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is not one of the evaluated systems.</exception>
    /// <exception cref="InvalidOperationException">A fold was evaluated without its sentences alone.</exception>
    public (double Rights, double Linkage) MeanAlone(string system)
    {
        int i = SystemIndex(system);

        if (Folds.Any(f => f.RightsAlone is null || f.LinkageAlone is null))
        {
            throw new InvalidOperationException("A fold has no evaluation of its sentences alone.");
        }

        return (Folds.Average(f => f.RightsAlone![i].MacroF1), Folds.Average(f => f.LinkageAlone![i].MacroF1));
    }

    /// <summary>Each fold's summary line per system, then the means (and, with several repeats, each repeat's mean and their standard deviation), as text.</summary>
    /// <returns>The report.</returns>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        int perRepeat = Folds.Count / Repeats;
        var first = Folds.Take(perRepeat).ToList();
        var repeated = Repeats > 1 ? $", dealt {Repeats} times" : string.Empty;
        sb.Append(inv, $"{perRepeat}-fold cross-validation over the train and dev documents ({first.Sum(f => f.Documents)} documents, {first.Sum(f => f.Rights[0].Count)} sentences{repeated}); test documents are not used\n\n");
        EvaluationReport.AppendHeader(sb, $"{"fold",-6}");
        for (int k = 0; k < Folds.Count; k++)
        {
            var f = Folds[k];
            var label = FoldName(k);
            for (int i = 0; i < f.Rights.Count; i++)
            {
                var name = f.Rights[i].System;
                EvaluationReport.AppendRow(sb, $"{label,-6}", name, f.Rights[i].MacroF1, f.Linkage[i].MacroF1, f.DocumentRightsAccuracy[name], f.DocumentLinkageAccuracy[name]);
            }
        }

        foreach (var name in TaggerEvaluation.Systems)
        {
            var (r, l, dr, dl) = Mean(name);
            EvaluationReport.AppendRow(sb, $"{"mean",-6}", name, r, l, dr, dl);
        }

        if (Repeats > 1)
        {
            foreach (var name in TaggerEvaluation.Systems)
            {
                var means = RepeatMeans(name);
                for (int r = 0; r < means.Count; r++)
                {
                    EvaluationReport.AppendRow(sb, $"{$"mean{r + 1}",-6}", name, means[r].Rights, means[r].Linkage, means[r].DocumentRights, means[r].DocumentLinkage);
                }

                var (sr, sl, sdr, sdl) = StandardDeviation(means);
                EvaluationReport.AppendRow(sb, $"{"sd",-6}", name, sr, sl, sdr, sdl);
            }
        }

        if (Folds.All(f => f.RightsAlone is not null && f.LinkageAlone is not null))
        {
            EvaluationReport.AppendAloneHeader(sb, "(sentence macro-F1, mean over the folds)");
            foreach (var name in TaggerEvaluation.Systems)
            {
                var (r, l) = MeanAlone(name);
                EvaluationReport.AppendAloneRow(sb, name, r, l);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Trains PolicyText's models on a corpus's train split, and compares systems side by side on
/// another split: the majority class, the lexicons and rules alone, an ML.NET bag-of-words
/// baseline (<c>FeaturizeText</c> + <c>SdcaMaximumEntropy</c> on the raw sentence text),
/// PolicyText's models, and the default combination (models + rules).
/// </summary>
public static class TaggerEvaluation
{
    /// <summary>The systems, in report order.</summary>
    public static IReadOnlyList<string> Systems { get; } = ["majority class", "lexicon only", "ML.NET bag-of-words", "PolicyText models", "PolicyText default"];

    /// <summary>
    /// About one in how many sentences of a training document is also trained alone, as a
    /// one-sentence document (<see cref="IsTrainedAlone"/>). Chosen by five-fold cross-validation
    /// over the train and dev documents from every sentence, every 3rd, 4th and 6th, while the
    /// sentences alone were still chosen by position and trained both stages; re-checked when
    /// they came to train the first stage only (one in two and every sentence scored the same
    /// within the noise; docs/evaluation.md).
    /// </summary>
    internal const int TrainedAloneOneIn = 4;

    /// <summary>
    /// Whether sentence <paramref name="index"/> of document <paramref name="id"/> is also trained
    /// alone: when the hash of the id and the index falls in the lowest 1/<see cref="TrainedAloneOneIn"/>
    /// of its range. The hash is FNV-1a followed by MurmurHash3's 32-bit finalizer: FNV-1a alone
    /// mixes its last characters poorly (its low bits depend only on the characters' low bits, and
    /// its high bits hardly change from index 0 to 9), which gave a few fixed patterns of positions
    /// for the whole corpus. Which of a document's sentences are chosen does not depend on the
    /// other documents.
    /// </summary>
    /// <param name="id">The document's id.</param>
    /// <param name="index">The sentence's index in the document.</param>
    /// <returns>Whether the sentence is also a training document of its own.</returns>
    internal static bool IsTrainedAlone(string id, int index)
    {
        uint h = WordHashes.Fnv(string.Create(CultureInfo.InvariantCulture, $"{id}\u001F{index}"));
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return ((ulong)h * TrainedAloneOneIn) >> 32 == 0;
    }

    /// <summary>Trains the rights and linkage models on the train split.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="lexicons">The lexicons, or <see langword="null"/> for the shipped ones.</param>
    /// <param name="version">The version recorded in the models.</param>
    /// <returns>The models.</returns>
    /// <exception cref="ArgumentException">The corpus has no train documents.</exception>
    public static PolicyModels Train(GoldCorpus corpus, LexiconSet? lexicons = null, string version = "14")
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var train = corpus.InSplit(CorpusSplit.Train).ToList();
        if (train.Count == 0)
        {
            throw new ArgumentException($"The corpus has no documents in the train split to train on ({corpus.Documents.Count} documents in all).");
        }

        // The second stage learns from predictions of models trained without each document.
        int trainDocuments = train.Count(d => !GoldCorpus.IsTrainingSentence(d));
        if (trainDocuments < 2)
        {
            throw new ArgumentException($"Training needs at least two documents in the train split (training sentences aside); there are {trainDocuments}: the second stage learns from predictions made by models trained without each document.");
        }

        var set = BuildTrainingSet(corpus, lexicons);
        var (rights, rightsContext) = TrainTwoStages("rights", version, LabelCodes.RightsVocabulary, set.Rights, set.Groups, set.Alone, set.Paragraphs);
        var (linkage, linkageContext) = TrainTwoStages("linkage", version, LabelCodes.LinkageVocabulary, set.Linkage, set.Groups, set.Alone, set.Paragraphs);
        var (rightsAlone, linkageAlone) = BuildAloneSet(corpus, lexicons);
        return new PolicyModels(rights, linkage, rightsContext, linkageContext)
        {
            RightsAlone = ModelTrainer.Train("rights-alone", version, LabelCodes.RightsVocabulary, rightsAlone),
            LinkageAlone = ModelTrainer.Train("linkage-alone", version, LabelCodes.LinkageVocabulary, linkageAlone),
        };
    }

    /// <summary>
    /// The training examples of the models of sentences alone: every sentence of the train split
    /// (the training sentences among them) featurized as a one-sentence document, as the analyzer
    /// featurizes a text of one sentence, with its gold labels.
    /// </summary>
    internal static (List<TrainingExample> Rights, List<TrainingExample> Linkage) BuildAloneSet(GoldCorpus corpus, LexiconSet? lexicons)
    {
        var analyzer = new TextAnalyzer(new TextAnalyzerOptions { Lexicons = lexicons, Models = Empty });
        var rights = new List<TrainingExample>();
        var linkage = new List<TrainingExample>();
        foreach (var doc in corpus.InSplit(CorpusSplit.Train))
        {
            foreach (var sentence in doc.Sentences)
            {
                var text = doc.GetText(sentence);
                var single = TextDocument.WithSentences(text, [(0, text.Length)]);
                var cues = analyzer.ExtractCues(single);
                var features = new List<KeyValuePair<int, float>>();
                SentenceFeaturizer.Featurize(single, 0, cues, SentenceFeaturizer.Totals(cues), features);
                rights.Add(new TrainingExample(features, IndexOf(LabelCodes.RightsVocabulary, sentence.Rights.ToCode())));
                linkage.Add(new TrainingExample(features, IndexOf(LabelCodes.LinkageVocabulary, sentence.Linkage.ToCode())));
            }
        }

        return (rights, linkage);
    }

    /// <summary>
    /// The training examples of the train split, one list per training document: each gold
    /// document as it is, followed by about one in <see cref="TrainedAloneOneIn"/> of its sentences (<see cref="IsTrainedAlone"/>)
    /// each as a one-sentence document of its own, featurized as if analysed alone, for the first
    /// stage (which labels a one-sentence document). Without them the models only ever saw
    /// sentences inside documents, and read a sentence given alone (a hand-labelled sentence, a
    /// one-line text) far worse than the bag-of-words baseline does. <see cref="TrainingSet.Groups"/>
    /// gives each training document's source document, so that the folds of the second stage's
    /// out-of-fold predictions keep a sentence trained alone with its document.
    /// </summary>
    internal static TrainingSet BuildTrainingSet(GoldCorpus corpus, LexiconSet? lexicons)
    {
        var analyzer = new TextAnalyzer(new TextAnalyzerOptions { Lexicons = lexicons, Models = Empty });
        var set = new TrainingSet([], [], [], [], []);
        int source = 0;
        foreach (var doc in corpus.InSplit(CorpusSplit.Train))
        {
            var (document, cues) = Prepare(analyzer, doc);
            // A training sentence is a sentence alone already; a document's sentences are also
            // trained alone, one in four or so.
            bool sentence = GoldCorpus.IsTrainingSentence(doc);
            AddDocument(document, cues, doc.Sentences, source, sentence);
            for (int i = 0; i < doc.Sentences.Count; i++)
            {
                if (!sentence && IsTrainedAlone(doc.Id, i))
                {
                    var text = doc.GetText(doc.Sentences[i]);
                    var single = TextDocument.WithSentences(text, [(0, text.Length)]);
                    AddDocument(single, analyzer.ExtractCues(single), [doc.Sentences[i]], source, true);
                }
            }

            source++;
        }

        return set;

        void AddDocument(TextDocument document, SentenceCues[] cues, IReadOnlyList<GoldSentence> gold, int group, bool isAlone)
        {
            var totals = SentenceFeaturizer.Totals(cues);
            var rightsExamples = new List<TrainingExample>();
            var linkageExamples = new List<TrainingExample>();
            for (int i = 0; i < gold.Count; i++)
            {
                var features = new List<KeyValuePair<int, float>>();
                SentenceFeaturizer.Featurize(document, i, cues, totals, features);
                rightsExamples.Add(new TrainingExample(features, IndexOf(LabelCodes.RightsVocabulary, gold[i].Rights.ToCode())));
                linkageExamples.Add(new TrainingExample(features, IndexOf(LabelCodes.LinkageVocabulary, gold[i].Linkage.ToCode())));
            }

            set.Rights.Add(rightsExamples);
            set.Linkage.Add(linkageExamples);
            set.Groups.Add(group);
            set.Alone.Add(isAlone);
            set.Paragraphs.Add(SentenceFeaturizer.Paragraphs(document));
        }
    }

    /// <summary>Training examples, one list per training document, for each task; the number of each training document's source gold document; and whether it is a sentence trained alone.</summary>
    internal sealed record TrainingSet(List<List<TrainingExample>> Rights, List<List<TrainingExample>> Linkage, List<int> Groups, List<bool> Alone, List<int[]> Paragraphs);

    /// <summary>
    /// A first-stage model on all training documents (sentences trained alone included), and a
    /// second stage on the gold documents only (a sentence alone has no context; the analyzer
    /// labels it with the first stage), learning from first-stage predictions it could not have
    /// trained on: five folds by source document (a document and its sentences trained alone are
    /// in the same fold), each predicted by a model trained on the other four.
    /// </summary>
    private static (LinearModel First, LinearModel Second) TrainTwoStages(string task, string version, IReadOnlyList<string> classes, List<List<TrainingExample>> byDocument, List<int> groups, List<bool> alone, List<int[]> paragraphs)
    {
        var first = ModelTrainer.Train(task, version, classes, byDocument.SelectMany(d => d).ToList());
        const int Folds = 5;
        var outOfFold = new float[byDocument.Count][][];
        for (int fold = 0; fold < Folds; fold++)
        {
            var model = ModelTrainer.Train(task, version, classes, byDocument.Where((_, d) => groups[d] % Folds != fold).SelectMany(d => d).ToList());
            for (int d = 0; d < byDocument.Count; d++)
            {
                if (groups[d] % Folds != fold || alone[d])
                {
                    continue;
                }

                outOfFold[d] = byDocument[d].Select(e =>
                {
                    var p = new float[classes.Count];
                    model.Score(e.Features, p);
                    return p;
                }).ToArray();
            }
        }

        var examples = byDocument.SelectMany((docExamples, d) =>
        {
            if (alone[d])
            {
                return [];
            }

            var sums = SentenceFeaturizer.ContextSums(outOfFold[d]);
            return docExamples.Select((e, i) => new TrainingExample(SentenceFeaturizer.WithContext(e.Features, outOfFold[d], sums, i, paragraphs[d]), e.Label));
        }).ToList();
        return (first, ModelTrainer.Train(task + "-context", version, classes, examples));
    }

    /// <summary>Evaluates every system on <paramref name="split"/>.</summary>
    /// <param name="corpus">The corpus (its train split trains the baselines).</param>
    /// <param name="split">The split to score.</param>
    /// <param name="models">PolicyText's models.</param>
    /// <param name="lexicons">The lexicons, or <see langword="null"/> for the shipped ones.</param>
    /// <param name="labels">Labels made elsewhere (a second coder's), scored as one more system after the others, or <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The split is empty, or <paramref name="labels"/> are not of exactly its sentences.</exception>
    public static EvaluationReport Evaluate(GoldCorpus corpus, CorpusSplit split, PolicyModels models, LexiconSet? lexicons = null, GivenLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(models);
        var docs = corpus.InSplit(split).ToList();
        if (docs.Count == 0)
        {
            throw new ArgumentException($"The corpus has no documents in the {split.ToString().ToLowerInvariant()} split to score.");
        }

        labels?.CheckCovers(docs);
        return Evaluate(corpus.InSplit(CorpusSplit.Train).ToList(), docs, split, models, lexicons, labels);
    }

    /// <summary>
    /// Evaluates every system on every document of another gold corpus, whatever its splits: a
    /// held-out set written and labelled apart from <paramref name="corpus"/>, such as sentences
    /// a researcher labelled by the codebook (<c>policytext eval --heldout</c>). The baselines
    /// train on <paramref name="corpus"/>'s train split, as in <see cref="Evaluate(GoldCorpus, CorpusSplit, PolicyModels, LexiconSet?, GivenLabels?)"/>.
    /// </summary>
    /// <param name="corpus">The corpus whose train split trains the baselines.</param>
    /// <param name="heldOut">The corpus to score, all of it.</param>
    /// <param name="models">PolicyText's models.</param>
    /// <param name="lexicons">The lexicons, or <see langword="null"/> for the shipped ones.</param>
    /// <param name="labels">Labels made elsewhere, scored as one more system after the others, or <see langword="null"/>.</param>
    /// <returns>The report, with <see cref="EvaluationReport.HeldOut"/> set.</returns>
    /// <exception cref="ArgumentException">The held-out corpus is empty, or <paramref name="labels"/> are not of exactly its sentences.</exception>
    public static EvaluationReport Evaluate(GoldCorpus corpus, GoldCorpus heldOut, PolicyModels models, LexiconSet? lexicons = null, GivenLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(models);
        if (heldOut.Documents.Count == 0)
        {
            throw new ArgumentException("The held-out corpus has no documents to score.");
        }

        labels?.CheckCovers(heldOut.Documents);
        return Evaluate(corpus.InSplit(CorpusSplit.Train).ToList(), [.. heldOut.Documents], CorpusSplit.Test, models, lexicons, labels) with { HeldOut = true };
    }

    private static EvaluationReport Evaluate(List<GoldDocument> train, List<GoldDocument> docs, CorpusSplit split, PolicyModels models, LexiconSet? lexicons, GivenLabels? labels = null)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("The corpus has no train split to train the baselines on.");
        }

        var rightsVocabulary = LabelCodes.RightsVocabulary;
        var linkageVocabulary = LabelCodes.LinkageVocabulary;

        string MajorityOf(Func<GoldSentence, string> label) =>
            train.SelectMany(d => d.Sentences).GroupBy(label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var majority = (Rights: MajorityOf(s => s.Rights.ToCode()), Linkage: MajorityOf(s => s.Linkage.ToCode()));
        var bow = new BagOfWordsBaseline(train);

        var plain = new TextAnalyzer(new TextAnalyzerOptions { Lexicons = lexicons, Models = models, ApplyRules = false });
        var full = new TextAnalyzer(new TextAnalyzerOptions { Lexicons = lexicons, Models = models });
        // Labels made elsewhere are one more system, after the others, in every table but that of
        // sentences analysed alone (they were made once, in whatever context their maker had).
        IReadOnlyList<string> systems = labels is null ? Systems : [.. Systems, labels.Name];
        var predictions = systems.ToDictionary(s => s, _ => (Rights: new List<string>(), Linkage: new List<string>()));
        var alone = Systems.ToDictionary(s => s, _ => (Rights: new List<string>(), Linkage: new List<string>()));
        var goldRights = new List<string>();
        var goldLinkage = new List<string>();
        var docRights = systems.ToDictionary(s => s, _ => new List<bool>());
        var docLinkage = systems.ToDictionary(s => s, _ => new List<bool>());
        var sentencesByDocument = new List<int>();
        var rightsConfidence = new List<(float, bool)>();
        var linkageConfidence = new List<(float, bool)>();
        var sentencePredictions = new List<SentencePrediction>();
        foreach (var doc in docs)
        {
            sentencesByDocument.Add(doc.Sentences.Count);
            var (document, cues) = Prepare(full, doc);
            var perSystem = new Dictionary<string, List<(RightsCategory, LinkageStance)>>();
            var modelOnly = plain.Analyze(document);
            var combined = full.Analyze(document);
            for (int i = 0; i < doc.Sentences.Count; i++)
            {
                goldRights.Add(doc.Sentences[i].Rights.ToCode());
                goldLinkage.Add(doc.Sentences[i].Linkage.ToCode());
                var text = doc.GetText(doc.Sentences[i]);
                var (bowRights, bowLinkage) = bow.Predict(text);

                // Each system's labels in the document, then with the sentence alone, as a
                // one-sentence document: only PolicyText's systems read context.
                var single = TextDocument.WithSentences(text, [(0, text.Length)]);
                var modelAlone = plain.Analyze(single).Sentences[0];
                var combinedAlone = full.Analyze(single).Sentences[0];
                var lexiconRights = LexiconTagger.Rights(cues[i]).ToCode();
                var lexiconLinkage = LexiconTagger.Linkage(cues[i]).ToCode();
                Record("majority class", (majority.Rights, majority.Linkage), (majority.Rights, majority.Linkage));
                Record("lexicon only", (lexiconRights, lexiconLinkage), (lexiconRights, lexiconLinkage));
                Record("ML.NET bag-of-words", (bowRights, bowLinkage), (bowRights, bowLinkage));
                Record("PolicyText models", Codes(modelOnly.Sentences[i]), Codes(modelAlone));
                Record("PolicyText default", Codes(combined.Sentences[i]), Codes(combinedAlone));
                if (labels is not null)
                {
                    var (givenRights, givenLinkage) = labels.Of(doc.Id, i);
                    var given = (givenRights.ToCode(), givenLinkage.ToCode());
                    Record(labels.Name, given, null);
                }

                sentencePredictions.Add(new SentencePrediction(
                    doc.Id,
                    i,
                    text,
                    doc.Sentences[i].Rights.ToCode(),
                    combined.Sentences[i].Rights.ToCode(),
                    combined.Sentences[i].RightsConfidence,
                    combinedAlone.Rights.ToCode(),
                    doc.Sentences[i].Linkage.ToCode(),
                    combined.Sentences[i].Linkage.ToCode(),
                    combined.Sentences[i].LinkageConfidence,
                    combinedAlone.Linkage.ToCode()));
                rightsConfidence.Add((combined.Sentences[i].RightsConfidence, combined.Sentences[i].Rights == doc.Sentences[i].Rights));
                linkageConfidence.Add((combined.Sentences[i].LinkageConfidence, combined.Sentences[i].Linkage == doc.Sentences[i].Linkage));
            }

            foreach (var (system, sentenceLabels) in perSystem)
            {
                var summary = DocumentAggregator.Summarize(sentenceLabels);
                docRights[system].Add(summary.RightsEmphasis == doc.RightsEmphasis);
                docLinkage[system].Add(summary.Linkage == doc.Linkage);
            }

            static (string Rights, string Linkage) Codes(SentenceAnalysis s) => (s.Rights.ToCode(), s.Linkage.ToCode());

            // Labels made elsewhere have no reading of the sentence alone (byItself null).
            void Record(string system, (string Rights, string Linkage) inDocument, (string Rights, string Linkage)? byItself)
            {
                var (rights, linkage) = inDocument;
                predictions[system].Rights.Add(rights);
                predictions[system].Linkage.Add(linkage);
                if (byItself is { } b)
                {
                    alone[system].Rights.Add(b.Rights);
                    alone[system].Linkage.Add(b.Linkage);
                }

                LabelCodes.TryParse(rights, out RightsCategory r);
                LabelCodes.TryParse(linkage, out LinkageStance l);
                if (!perSystem.TryGetValue(system, out var list))
                {
                    perSystem[system] = list = [];
                }

                list.Add((r, l));
            }
        }

        var draws = DocumentBootstrap.Draw(docs.Count);
        return new EvaluationReport(
            split,
            systems.Select(s => new ClassificationReport(s, rightsVocabulary, goldRights, predictions[s].Rights)).ToList(),
            systems.Select(s => new ClassificationReport(s, linkageVocabulary, goldLinkage, predictions[s].Linkage)).ToList(),
            systems.ToDictionary(s => s, s => docs.Count == 0 ? 0 : docRights[s].Count(x => x) / (double)docs.Count),
            systems.ToDictionary(s => s, s => docs.Count == 0 ? 0 : docLinkage[s].Count(x => x) / (double)docs.Count),
            docs.Count)
        {
            Intervals = systems.ToDictionary(s => s, s => new SystemIntervals(
                DocumentBootstrap.MacroF1(draws, ConfusionByDocument(rightsVocabulary, goldRights, predictions[s].Rights, sentencesByDocument), rightsVocabulary.Count),
                DocumentBootstrap.MacroF1(draws, ConfusionByDocument(linkageVocabulary, goldLinkage, predictions[s].Linkage, sentencesByDocument), linkageVocabulary.Count),
                DocumentBootstrap.Accuracy(draws, docRights[s]),
                DocumentBootstrap.Accuracy(draws, docLinkage[s]))),
            RightsAlone = Systems.Select(s => new ClassificationReport(s, rightsVocabulary, goldRights, alone[s].Rights)).ToList(),
            LinkageAlone = Systems.Select(s => new ClassificationReport(s, linkageVocabulary, goldLinkage, alone[s].Linkage)).ToList(),
            Predictions = sentencePredictions,
            Calibration =
            [
                CalibrationReport.Compute("PolicyText default", "rights", rightsConfidence),
                CalibrationReport.Compute("PolicyText default", "linkage", linkageConfidence),
            ],
        };
    }

    /// <summary>Each document's confusion counts (<c>[gold * classes + predicted]</c>), its sentences being the next <c>sentencesByDocument[d]</c> labels.</summary>
    internal static List<int[]> ConfusionByDocument(IReadOnlyList<string> vocabulary, List<string> gold, List<string> predicted, List<int> sentencesByDocument)
    {
        int classes = vocabulary.Count;
        var result = new List<int[]>(sentencesByDocument.Count);
        int at = 0;
        foreach (int n in sentencesByDocument)
        {
            var confusion = new int[classes * classes];
            for (int i = at; i < at + n; i++)
            {
                confusion[(IndexOf(vocabulary, gold[i]) * classes) + IndexOf(vocabulary, predicted[i])]++;
            }

            result.Add(confusion);
            at += n;
        }

        return result;
    }

    /// <summary>
    /// Cross-validates every system over the corpus's train and dev documents, leaving the test
    /// documents out: the documents are ordered by holistic linkage label and id and dealt
    /// round-robin into <paramref name="folds"/> folds (so each fold has every kind of
    /// document); each fold is held out once while the models train on the others. With
    /// <paramref name="repeats"/> above 1, the documents are dealt again, each time in another
    /// order within each label (<see cref="AssignFolds"/>), and every fold of every repeat is
    /// evaluated: the spread of the repeats' means shows how much a score depends on which
    /// documents share a fold.
    /// </summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="folds">Number of folds, at least 2, at most the number of train and dev documents, and leaving at least two of them to train on when the largest fold is held out.</param>
    /// <param name="lexicons">The lexicons, or <see langword="null"/> for the shipped ones.</param>
    /// <param name="repeats">How many times to deal the documents into folds, at least 1; the first dealing is the one described above.</param>
    /// <returns>One evaluation per fold of each repeat.</returns>
    /// <exception cref="ArgumentException">The folds or repeats are out of range.</exception>
    public static CrossValidationReport CrossValidate(GoldCorpus corpus, int folds = 5, LexiconSet? lexicons = null, int repeats = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (repeats < 1)
        {
            throw new ArgumentException($"The number of repeats must be at least 1; got {repeats}.", nameof(repeats));
        }

        var reports = new List<EvaluationReport>();
        for (int r = 0; r < repeats; r++)
        {
            var fold = AssignFolds(corpus, folds, r);
            for (int k = 0; k < folds; k++)
            {
                var split = corpus.WithSplits((i, _) => fold[i] == AlwaysTrained ? CorpusSplit.Train : fold[i] < 0 ? CorpusSplit.Test : fold[i] == k ? CorpusSplit.Dev : CorpusSplit.Train);
                reports.Add(Evaluate(split, CorpusSplit.Dev, Train(split, lexicons), lexicons));
            }
        }

        return new CrossValidationReport(reports) { Repeats = repeats };
    }

    /// <summary>
    /// The fold of each document of the corpus (−1 for test documents): the train and dev
    /// documents ordered by holistic linkage label, then (repeat 0) by id or (later repeats) by
    /// a hash of the repeat and the id, and dealt round-robin. Deterministic.
    /// </summary>
    internal static int[] AssignFolds(GoldCorpus corpus, int folds, int repeat)
    {
        var pool = corpus.Documents
            .Select((d, i) => (Document: d, Index: i))
            .Where(x => x.Document.Split != CorpusSplit.Test && !GoldCorpus.IsTrainingSentence(x.Document))
            .OrderBy(x => x.Document.Linkage.ToCode(), StringComparer.Ordinal)
            .ThenBy(x => repeat == 0 ? 0 : WordHashes.Fnv($"{repeat}\u001F{x.Document.Id}"))
            .ThenBy(x => x.Document.Id, StringComparer.Ordinal)
            .ToList();
        if (folds < 2 || folds > pool.Count)
        {
            throw new ArgumentException($"The number of folds must be between 2 and the number of train and dev documents ({pool.Count}); got {folds}.", nameof(folds));
        }

        // The largest fold is held out; the rest must hold the two documents training needs.
        if (pool.Count - ((pool.Count + folds - 1) / folds) < 2)
        {
            throw new ArgumentException($"With {pool.Count} train and dev documents, {folds} folds leave fewer than two documents to train on when the largest fold is held out; training needs at least two.", nameof(folds));
        }

        var fold = new int[corpus.Documents.Count];
        for (int i = 0; i < fold.Length; i++)
        {
            fold[i] = GoldCorpus.IsTrainingSentence(corpus.Documents[i]) ? AlwaysTrained : -1;
        }

        for (int k = 0; k < pool.Count; k++)
        {
            fold[pool[k].Index] = k % folds;
        }

        return fold;
    }

    /// <summary>The fold <see cref="AssignFolds"/> gives a training sentence: trained on in every fold, never held out.</summary>
    internal const int AlwaysTrained = -2;

    /// <summary>A placeholder so that training extracts cues without scoring with any model.</summary>
    private static PolicyModels Empty { get; } = new(
        new LinearModel("rights", "0", LabelCodes.RightsVocabulary, LabelCodes.RightsVocabulary.Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray(), new float[5]),
        new LinearModel("linkage", "0", LabelCodes.LinkageVocabulary, LabelCodes.LinkageVocabulary.Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray(), new float[4]),
        new LinearModel("rights-context", "0", LabelCodes.RightsVocabulary, LabelCodes.RightsVocabulary.Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray(), new float[5]),
        new LinearModel("linkage-context", "0", LabelCodes.LinkageVocabulary, LabelCodes.LinkageVocabulary.Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray(), new float[4]));

    private static (TextDocument Document, SentenceCues[] Cues) Prepare(TextAnalyzer analyzer, GoldDocument doc)
    {
        var document = TextDocument.WithSentences(doc.Text, doc.Sentences.Select(s => (s.Utf16Start, s.Utf16End)).ToList());
        return (document, analyzer.ExtractCues(document));
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{value}' is not a label.");
    }
}

/// <summary>
/// The evaluation's baseline, what a .NET user would build in an afternoon: ML.NET
/// <c>FeaturizeText</c> + <c>SdcaMaximumEntropy</c> on the raw sentence text, one model per
/// task, predicting through a <c>PredictionEngine</c>. Not thread-safe (a prediction engine is not).
/// </summary>
public sealed class BagOfWordsBaseline
{
    private readonly PredictionEngine<Input, Output> _rights;
    private readonly PredictionEngine<Input, Output> _linkage;

    /// <summary>Trains both models on the gold sentences of <paramref name="train"/>.</summary>
    /// <param name="train">The training documents.</param>
    public BagOfWordsBaseline(IEnumerable<GoldDocument> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var ml = new MLContext(seed: 1);
        var rows = train.SelectMany(d => d.Sentences.Select(s => (Text: d.GetText(s), s.Rights, s.Linkage))).ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("The baseline needs at least one training sentence.", nameof(train));
        }

        // A classifier needs two classes: say which task has one, rather than ML.NET's message.
        foreach (var (task, labels) in new[] { ("rights", rows.Select(r => r.Rights.ToCode())), ("linkage", rows.Select(r => r.Linkage.ToCode())) })
        {
            var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count < 2)
            {
                throw new ArgumentException($"The bag-of-words baseline that eval compares with is trained on the train split, whose sentences have only one {task} label ('{distinct[0]}'); it needs at least two.");
            }
        }

        _rights = Fit(ml, rows.Select(r => new Input { Text = r.Text, Label = r.Rights.ToCode() }));
        _linkage = Fit(ml, rows.Select(r => new Input { Text = r.Text, Label = r.Linkage.ToCode() }));
    }

    /// <summary>Predicts both labels of one sentence.</summary>
    /// <param name="text">The sentence.</param>
    /// <returns>The codebook names of the predicted labels.</returns>
    public (string Rights, string Linkage) Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = new Input { Text = text, Label = string.Empty };
        return (_rights.Predict(input).PredictedLabel, _linkage.Predict(input).PredictedLabel);
    }

    private static PredictionEngine<Input, Output> Fit(MLContext ml, IEnumerable<Input> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.ToList());
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Input.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Input.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                Shuffle = false,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(Output.PredictedLabel), "PredictedLabel"));
        return ml.Model.CreatePredictionEngine<Input, Output>(pipeline.Fit(data));
    }

    private sealed class Input
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class Output
    {
        public string PredictedLabel { get; set; } = string.Empty;
    }
}
