using System.Numerics;
using PolicyText.Features;
using PolicyText.Internals;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText;

/// <summary>Options of a <see cref="TextAnalyzer"/>. Every property left null takes the shipped default.</summary>
public sealed record TextAnalyzerOptions
{
    /// <summary>The tokenizer (and its abbreviation list).</summary>
    public Tokenizer? Tokenizer { get; init; }

    /// <summary>The sentence segmenter.</summary>
    public SentenceSegmenter? Segmenter { get; init; }

    /// <summary>The lexicons (rights, linkage, cues).</summary>
    public LexiconSet? Lexicons { get; init; }

    /// <summary>The sentence models; when null, the shipped models, or the lexicon-only rules if none ship.</summary>
    public PolicyModels? Models { get; init; }

    /// <summary>
    /// Whether to apply the rules on top of the models (docs/tagging.md): off-topic document (in
    /// a document hardly about linkage at all, every linkage label is `none`), quotation (a
    /// stance in a sentence that quotes someone without endorsement or first person is neutral),
    /// release mark (a press release's "FOR IMMEDIATE RELEASE", "###" or "Media contact: …" line
    /// takes no stance) and report document (in a document with little stance overall, stances
    /// are neutral). True
    /// by default; false gives the models alone.
    /// </summary>
    public bool ApplyRules { get; init; } = true;
}

/// <summary>The labels of one sentence, with their confidences and evidence.</summary>
/// <param name="Index">Position of the sentence in the document.</param>
/// <param name="Start">UTF-16 offset of the first character.</param>
/// <param name="End">UTF-16 offset one past the last character.</param>
/// <param name="Rights">The rights category.</param>
/// <param name="RightsConfidence">The model's probability of <paramref name="Rights"/> (1 for the lexicon-only rules).</param>
/// <param name="Linkage">The linkage stance.</param>
/// <param name="LinkageConfidence">The model's probability of <paramref name="Linkage"/> (1 for the lexicon-only rules); where a rule of the default analyzer set the label (evidence with cue <c>rule</c>), the model's probability of the label given, which can be low (docs/tagging.md).</param>
/// <param name="Evidence">The lexicon matches and cues behind the labels, the rule that changed one, where the second stage (or, for a text of one sentence, the model of sentences alone) changed one (<see cref="CueType.Context"/>), and for a label that none of these explains the words the model weighs most (<see cref="CueType.Model"/>).</param>
public sealed record SentenceAnalysis(
    int Index,
    int Start,
    int End,
    RightsCategory Rights,
    float RightsConfidence,
    LinkageStance Linkage,
    float LinkageConfidence,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Equal when every label, confidence, offset and piece of evidence is (the evidence compared item by item, not as a list object), so that two analyses of one text compare equal.</summary>
    /// <param name="other">The other sentence's analysis.</param>
    /// <returns>Whether the two are equal in value.</returns>
    public bool Equals(SentenceAnalysis? other) =>
        other is not null && Index == other.Index && Start == other.Start && End == other.End
        && Rights == other.Rights && RightsConfidence.Equals(other.RightsConfidence)
        && Linkage == other.Linkage && LinkageConfidence.Equals(other.LinkageConfidence)
        && (ReferenceEquals(Evidence, other.Evidence) || (Evidence is not null && other.Evidence is not null && Evidence.SequenceEqual(other.Evidence)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Start, End, Rights, RightsConfidence, Linkage, LinkageConfidence, Evidence?.Count ?? -1);
}

/// <summary>The analysis of a document: its text layer, each sentence's labels, and the document labels.</summary>
/// <param name="Document">The tokens and sentences.</param>
/// <param name="Sentences">One analysis per sentence.</param>
/// <param name="Summary">Label counts and document labels.</param>
public sealed record DocumentAnalysis(TextDocument Document, IReadOnlyList<SentenceAnalysis> Sentences, DocumentSummary Summary)
{
    /// <summary>Standard text statistics (computed when first asked for).</summary>
    public TextStatistics Statistics => _statistics ??= TextStatistics.Of(Document);

    /// <summary>
    /// Problems with the text itself that the analysis read through without repairing it
    /// (computed when first asked for): mojibake, HTML left in it, a sentence of hundreds of
    /// words where the text's sentence ends are missing (<see cref="InputWarning"/>).
    /// Empty for a clean text. <c>policytext analyze</c> lists them in errors.csv.
    /// </summary>
    public IReadOnlyList<InputWarning> InputWarnings => _inputWarnings ??= InputWarning.Of(Document);

    private TextStatistics? _statistics;
    private IReadOnlyList<InputWarning>? _inputWarnings;

    /// <summary>Equal when the texts, their tokens and sentences, every sentence's analysis and the summaries are, so that two analyses of one text compare equal.</summary>
    /// <param name="other">The other document's analysis.</param>
    /// <returns>Whether the two are equal in value.</returns>
    public bool Equals(DocumentAnalysis? other) =>
        other is not null
        && (ReferenceEquals(Document, other.Document) || (Document is not null && other.Document is not null
            && Document.Text == other.Document.Text && Document.Tokens.SequenceEqual(other.Document.Tokens) && Document.Sentences.SequenceEqual(other.Document.Sentences)))
        && (ReferenceEquals(Sentences, other.Sentences) || (Sentences is not null && other.Sentences is not null && Sentences.SequenceEqual(other.Sentences)))
        && Summary == other.Summary;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document?.Text, Sentences?.Count ?? -1, Summary);
}

/// <summary>
/// PolicyText's entry point: tokenizes a text, splits it into sentences, tags each sentence's
/// rights category and linkage stance with the evidence behind them, and aggregates the document
/// labels. The default combination is described in docs/tagging.md. Thread-safe.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSegmenter _segmenter;
    private readonly CueExtractor _cues;
    private readonly PolicyModels? _models;
    private readonly bool _rules;

    // With models: the four fused, and each model class's label (rights models, linkage models).
    private readonly SentenceScorer? _scorer;
    private readonly RightsCategory[] _rightsLabels = [];
    private readonly LinkageStance[] _linkageLabels = [];

    // The entries of the context rows, by the first stage's class: [in context, alone][class].
    private readonly string[][] _rightsContext = [[], []];
    private readonly string[][] _linkageContext = [[], []];
    private readonly int _neutral;
    private readonly int _none;
    private readonly int _pro;
    private readonly int _anti;

    /// <summary>
    /// The mean stance probability (pro plus anti, second stage) over a document's sentences below
    /// which the document is read as a report and its stance labels as neutral (tuned by
    /// five-fold cross-validation on train and dev with the first batch's models: document
    /// linkage accuracy 0.730 without the rule, 0.771 at 0.20, 0.784 at 0.25, 0.777 at 0.30,
    /// 0.751 at 0.35; re-measured with SDCA models trained on 242 documents: 0.759 without it,
    /// 0.800 at 0.20, 0.803 at 0.25, 0.807 at 0.30 and 0.35; with the shipped L-BFGS models,
    /// before the off-topic rule: 0.774 without it, 0.818 at 0.15, 0.829 at 0.20 to 0.30).
    /// </summary>
    internal const float ReportThreshold = 0.25f;

    /// <summary>
    /// The total stance probability at or above which a document is never read as a report (a
    /// long op-ed that argues in a few sentences). 5 until models version 7; re-tuned on them by
    /// five-fold cross-validation on train and dev: document linkage accuracy 0.845 at 5, 0.850
    /// at 8, 10 and 12, and over three dealings of the folds 0.850 / 0.831 / 0.828 at 8 against
    /// 0.845 / 0.828 / 0.814 at 5; <see cref="ReportThreshold"/> at 0.30 or 0.35 gave 0.845 with a total of 5, and at 0.20 or 0.30 gave 0.852 or 0.838 with 8.
    /// </summary>
    internal const float ReportTotal = 8f;

    /// <summary>
    /// The total probability of a linkage label other than `none` (second stage) over a
    /// document's sentences below which, with <see cref="OffTopicMean"/>, the document does not
    /// discuss linkage and its linkage labels are all `none` (the off-topic rule; tuned by
    /// five-fold cross-validation on train and dev: document linkage accuracy 0.829 without the
    /// rule, 0.848 at 2 and 3, 0.855 at 4, 0.825 at 5; 3 rather than 4, the middle of the
    /// plateau and the margin the gold corpus shows: every train and dev document labelled
    /// `neutral`, `pro_linkage` or `anti_linkage` has at least three linkage sentences).
    /// </summary>
    internal const float OffTopicTotal = 3f;

    /// <summary>The mean of the same probability at or above which a document is never off topic (a short text that is about linkage; 0.15 to 0.3 gave the same cross-validated scores).</summary>
    internal const float OffTopicMean = 0.2f;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The options.</param>
    public TextAnalyzer(TextAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokenizer = options.Tokenizer ?? Tokenizer.Default;
        _segmenter = options.Segmenter ?? SentenceSegmenter.Default;
        _cues = new CueExtractor(options.Lexicons ?? LexiconSet.Default);
        _models = options.Models ?? PolicyModels.Default;
        _rules = options.ApplyRules;
        if (_models is not null)
        {
            CheckClasses(_models.Rights, LabelCodes.RightsVocabulary);
            CheckClasses(_models.RightsInContext, LabelCodes.RightsVocabulary);
            CheckClasses(_models.Linkage, LabelCodes.LinkageVocabulary);
            CheckClasses(_models.LinkageInContext, LabelCodes.LinkageVocabulary);
            CheckOrder(_models.RightsInContext, _models.Rights);
            CheckOrder(_models.LinkageInContext, _models.Linkage);
            CheckOrder(_models.RightsAlone, _models.Rights);
            CheckOrder(_models.LinkageAlone, _models.Linkage);
            _scorer = new SentenceScorer(_models);
            _rightsLabels = _models.RightsInContext.Classes.Select(Parse<RightsCategory>).ToArray();
            _linkageLabels = _models.LinkageInContext.Classes.Select(Parse<LinkageStance>).ToArray();
            string[] changedBy = [" context (first stage: ", " sentence-alone model (first stage: "];
            _rightsContext = [.. changedBy.Select(by => _rightsLabels.Select(label => "rights" + by + label.ToCode() + ")").ToArray())];
            _linkageContext = [.. changedBy.Select(by => _linkageLabels.Select(label => "linkage" + by + label.ToCode() + ")").ToArray())];
            _neutral = IndexOf(_models.LinkageInContext, LinkageStance.Neutral.ToCode());
            _none = IndexOf(_models.LinkageInContext, LinkageStance.None.ToCode());
            _pro = IndexOf(_models.LinkageInContext, LinkageStance.ProLinkage.ToCode());
            _anti = IndexOf(_models.LinkageInContext, LinkageStance.AntiLinkage.ToCode());
        }
    }

    private static void CheckClasses(LinearModel model, IReadOnlyList<string> vocabulary)
    {
        if (model.Classes.Count != vocabulary.Count || model.Classes.Except(vocabulary, StringComparer.Ordinal).Any())
        {
            throw new ArgumentException($"The {model.Task} model's classes ({string.Join(", ", model.Classes)}) are not the codebook's labels ({string.Join(", ", vocabulary)}).");
        }
    }

    private static void CheckOrder(LinearModel? other, LinearModel first)
    {
        // A one-sentence document's probabilities are the first stage's (averaged class by class
        // with those of the model of sentences alone), read by the second stage's labels: every
        // model of a task lists its classes in the same order.
        if (other is not null && !other.Classes.SequenceEqual(first.Classes, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The {other.Task} model's classes ({string.Join(", ", other.Classes)}) are not the {first.Task} model's, in its order ({string.Join(", ", first.Classes)}).");
        }
    }

    /// <summary>An analyzer with the shipped tokenizer, lexicons and models.</summary>
    /// <returns>The analyzer.</returns>
    public static TextAnalyzer CreateDefault() => new(new TextAnalyzerOptions());

    /// <summary>The lexicons in use.</summary>
    public LexiconSet Lexicons => _cues.Lexicons;

    /// <summary>The models in use, or <see langword="null"/> when the lexicon-only rules label.</summary>
    public PolicyModels? Models => _models;

    /// <summary>Analyses a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The analysis.</returns>
    public DocumentAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(Parse(text));
    }

    /// <inheritdoc cref="Analyze(string)"/>
    public DocumentAnalysis Analyze(ReadOnlySpan<char> text) => Analyze(text.ToString());

    /// <summary>The text layer of <paramref name="text"/> as this analyzer makes it (its tokenizer and segmenter).</summary>
    internal TextDocument Parse(string text) => TextDocument.Parse(text, _tokenizer, _segmenter);

    /// <summary>Analyses an already tokenized document (for example one with given sentences, <see cref="TextDocument.WithSentences"/>).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The analysis.</returns>
    public DocumentAnalysis Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Each token's word hash, computed once for the lexicon matcher and the featurizer. The
        // cues are transient (reused per thread): only their evidence lists leave the analysis.
        var scratch = t_scratch ??= new Scratch();
        var tokenHashes = Scratch.Grow(ref scratch.Hashes, document.Tokens.Length);
        var normalized = document.NormalizedSpan();
        WordHashes.Compute(normalized, document.Tokens, tokenHashes, document.HoldsRespelled);
        return Analyze(document, _cues.ExtractAll(document, normalized, tokenHashes, transient: true), tokenHashes);
    }

    /// <summary>Analyses a document whose cues are already extracted (<see cref="ExtractCues"/>).</summary>
    /// <param name="document">The document.</param>
    /// <param name="cues">Its cues.</param>
    /// <param name="tokenHashes">The <see cref="WordHashes.Fnv"/> of each of its tokens, or empty to hash them when featurizing.</param>
    internal DocumentAnalysis Analyze(TextDocument document, SentenceCues[] cues, ReadOnlySpan<uint> tokenHashes = default)
    {
        var results = new SentenceAnalysis[cues.Length];
        var counts = default(DocumentAggregator.LabelCounts);
        if (_scorer is null)
        {
            for (int i = 0; i < cues.Length; i++)
            {
                var s = document.Sentences[i];
                var rights = LexiconTagger.Rights(cues[i]);
                var linkage = LexiconTagger.Linkage(cues[i]);
                results[i] = new SentenceAnalysis(i, s.Start, s.End, rights, 1, linkage, 1, cues[i].Evidence);
                counts.Add(rights, linkage);
            }
        }
        else
        {
            AnalyzeWithModels(document, cues, tokenHashes, _scorer, results, ref counts);
        }

        return new DocumentAnalysis(document, results, counts.Summarize());
    }

    /// <summary>
    /// Both stages of both tasks. The first pass featurizes each sentence once and scores it with
    /// all four models at once (<see cref="SentenceScorer"/>): the first stage's probabilities and
    /// the second stage's scores before context. The second pass adds each sentence's context
    /// features (which need the first stage of the whole document) to the second stage. Every
    /// score is the sum <see cref="LinearModel.Score(IReadOnlyList{KeyValuePair{int, float}}, ReadOnlySpan{KeyValuePair{int, float}}, Span{float})"/>
    /// takes of the features followed by the context, with the hashed features added in sentence
    /// order rather than index order (the featurizer's unsorted form): the same
    /// scores up to float rounding, and the same scores on every run. Scratch memory is kept per
    /// thread, so the analyzer stays thread-safe.
    /// </summary>
    private void AnalyzeWithModels(TextDocument document, SentenceCues[] cues, ReadOnlySpan<uint> tokenHashes, SentenceScorer scorer, SentenceAnalysis[] results, ref DocumentAggregator.LabelCounts counts)
    {
        int n = cues.Length;
        int r = scorer.RightsClasses;
        int l = scorer.LinkageClasses;
        int stage = scorer.Stage;
        int capacity = 0;
        for (int i = 0; i < n; i++)
        {
            capacity = Math.Max(capacity, SentenceFeaturizer.MaxFeatures(document.Sentences[i], cues[i]));
        }

        // Scratch memory per thread (the analyzer serves several at once), grown as documents need.
        // The token hashes are in scratch.Hashes: only the buffers below are taken here.
        var scratch = t_scratch ??= new Scratch();
        var keys = Scratch.Grow(ref scratch.Keys, 2 * capacity);
        var values = Scratch.Grow(ref scratch.Values, 2 * capacity);

        // Per sentence, [rights | linkage]: the first stage's probabilities, the second stage's scores.
        var first = Scratch.Grow(ref scratch.First, n * stage);
        var second = Scratch.Grow(ref scratch.Second, n * stage);
        var totals = SentenceFeaturizer.Totals(cues);
        // Sentences are scored two at a time: each score is a chain of additions that must stay
        // in order, and two sentences' chains side by side keep the adder busy.
        Span<float> scores = stackalloc float[2 * SentenceScorer.Stride];
        var keysA = keys[..capacity];
        var keysB = keys[capacity..];
        var valuesA = values[..capacity];
        var valuesB = values[capacity..];
        int a = 0;
        for (int i = 0; i < n; i += 2)
        {
            a = SentenceFeaturizer.Featurize(document, i, cues, totals, keysA, valuesA, tokenHashes, sorted: false);
            int b = i + 1 < n ? SentenceFeaturizer.Featurize(document, i + 1, cues, totals, keysB, valuesB, tokenHashes, sorted: false) : 0;
            scorer.Score(keysA[..a], valuesA[..a], keysB[..b], valuesB[..b], scores);
            for (int k = i; k < Math.Min(i + 2, n); k++)
            {
                var sentenceScores = scores.Slice((k - i) * SentenceScorer.Stride, SentenceScorer.Stride);
                var p = first.Slice(k * stage, stage);
                sentenceScores[..stage].CopyTo(p);
                LinearModel.SoftmaxTwo(p, r);
                sentenceScores.Slice(stage, stage).CopyTo(second.Slice(k * stage, stage));
            }
        }

        // Each class's first-stage probability summed over the sentences, in sentence order.
        Span<float> sums = stackalloc float[stage];
        sums.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < stage; c++)
            {
                sums[c] += first[(i * stage) + c];
            }
        }

        var paragraphs = Scratch.Grow(ref scratch.Paragraphs, n);
        SentenceFeaturizer.Paragraphs(document, paragraphs);
        float stanceMass = 0;
        float topicMass = 0;
        for (int i = 0; i < n; i++)
        {
            var rp = second.Slice(i * stage, r);
            var lp = second.Slice((i * stage) + r, l);
            if (n == 1)
            {
                // A sentence alone has no context to read: its labels are the first stage's,
                // whose training includes sentences alone, averaged (since models version 14)
                // with those of the model of sentences alone (docs/models.md). Its features are
                // still the first a of keysA and valuesA (the loop above ran once).
                first.Slice(0, r).CopyTo(rp);
                first.Slice(r, l).CopyTo(lp);
                AverageAlone(_models!.RightsAlone, keysA[..a], valuesA[..a], rp);
                AverageAlone(_models.LinkageAlone, keysA[..a], valuesA[..a], lp);
            }
            else
            {
                scorer.AddContext(first, n, sums, i, paragraphs, second.Slice(i * stage, stage));
                LinearModel.SoftmaxTwo(second.Slice(i * stage, stage), r);
            }

            stanceMass += lp[_pro] + lp[_anti];
            topicMass += 1 - lp[_none];
        }

        // A document whose sentences carry little stance on the whole is a report: its few
        // stance predictions are read as neutral (the report rule, docs/tagging.md).
        // A press release whose issuer was found is its issuer's own statement, not a report.
        bool report = _rules && stanceMass < ReportThreshold * n && stanceMass < ReportTotal && !(n > 0 && cues[0].InRelease);

        // A document whose sentences are, on the whole, not about linkage at all: its one or two
        // linkage predictions are read as `none` (the off-topic rule, docs/tagging.md).
        bool offTopic = _rules && topicMass < OffTopicTotal && topicMass < OffTopicMean * n;
        for (int i = 0; i < n; i++)
        {
            var s = document.Sentences[i];
            var rp = second.Slice(i * stage, r);
            var lp = second.Slice((i * stage) + r, l);
            int bestRights = Best(rp);
            int bestLinkage = Best(lp);
            var rights = _rightsLabels[bestRights];
            var linkage = _linkageLabels[bestLinkage];
            float rc = rp[bestRights];
            float lc = lp[bestLinkage];
            string? linkageRule = null;
            if (offTopic && linkage is not LinkageStance.None)
            {
                linkage = LinkageStance.None;
                lc = lp[_none];
                linkageRule = "off-topic document";
            }
            else if (_rules && cues[i].ReleaseMark && linkage is not LinkageStance.None)
            {
                // "FOR IMMEDIATE RELEASE", "###", "Media contact: …": a release's marks say nothing.
                linkage = LinkageStance.None;
                lc = lp[_none];
                linkageRule = "release mark";
            }
            else if (_rules && linkage is LinkageStance.ProLinkage or LinkageStance.AntiLinkage && (report || (cues[i].Reported && cues[i].Quotation && cues[i].FirstPerson == 0)))
            {
                linkage = LinkageStance.Neutral;
                lc = lp[_neutral];
                linkageRule = report ? "report document" : "quotation";
            }

            var evidence = cues[i].Evidence;

            // Where the second stage, reading the other sentences' first-stage readings, changed
            // the first stage's label, that is evidence too: the label then rests on the
            // document around the sentence more than on the sentence. In a text of one sentence
            // the model of sentences alone, averaged in, may change it too. Rows at the start of
            // the sentence, so they come first and the evidence stays in text order; the linkage
            // row only when no rule changed the label (the rule's row says why).
            int changedBy = n > 1 ? 0 : 1;
            int ownLinkage = Best(first.Slice((i * stage) + r, l));
            if (linkageRule is null && ownLinkage != bestLinkage)
            {
                evidence = WithFirst(evidence, new Evidence(s.Start, s.Start, string.Empty, _linkageContext[changedBy][ownLinkage], linkage.ToCode(), CueType.Context));
            }

            int ownRights = Best(first.Slice(i * stage, r));
            if (ownRights != bestRights)
            {
                evidence = WithFirst(evidence, new Evidence(s.Start, s.Start, string.Empty, _rightsContext[changedBy][ownRights], rights.ToCode(), CueType.Context));
            }

            if (linkageRule is not null)
            {
                // The rule that changed a label is evidence too. Its row starts at the start of
                // the sentence, so it comes first and the evidence stays in text order. The
                // sentence's other evidence is still made only when read.
                evidence = WithFirst(evidence, new Evidence(s.Start, s.Start, string.Empty, linkageRule, linkage.ToCode(), CueType.Rule));
            }

            // A linkage or rights label other than none that nothing in the evidence explains: the
            // words the first-stage model weighs towards it (its label then is the first stage's:
            // a label the first stage did not give has a context row).
            bool explainRights = rights is not RightsCategory.None;
            bool explainLinkage = linkage is not LinkageStance.None;
            if (explainRights || explainLinkage)
            {
                var kinds = ModelWords.Sides(evidence);
                explainRights &= !ModelWords.ExplainsRights(kinds, rights);
                explainLinkage &= (kinds & (linkage is LinkageStance.Neutral ? ModelWords.Kinds.Stance | ModelWords.Kinds.Topic : ModelWords.Kinds.Stance)) == 0;
                if (explainRights || explainLinkage)
                {
                    var own = first.Slice(i * stage, stage);
                    int rightsRunner = ModelWords.RunnerUp(own[..r], bestRights);
                    int linkageRunner = ModelWords.RunnerUp(own[r..], bestLinkage);
                    evidence = new ModelWords(
                        evidence,
                        document,
                        s,
                        explainRights ? new ModelWords.Task(_models!.Rights, bestRights, rightsRunner) : null,
                        explainLinkage ? new ModelWords.Task(_models!.Linkage, bestLinkage, linkageRunner) : null);
                }
            }

            results[i] = new SentenceAnalysis(i, s.Start, s.End, rights, rc, linkage, lc, evidence);
            counts.Add(rights, linkage);
        }
    }

    // AnalyzeWithModels's buffers, one set per thread (as the featurizer's and extractor's).
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Buffers reused from document to document on one thread; given up past <see cref="MaxScratch"/> elements, so that a very long document does not leave a thread holding a huge one.</summary>
    private sealed class Scratch
    {
        public uint[] Hashes = [];
        public int[] Keys = [];
        public float[] Values = [];
        public float[] First = [];
        public float[] Second = [];
        public int[] Paragraphs = [];

        private const int MaxScratch = 1 << 20;

        /// <summary>The first <paramref name="length"/> elements of <paramref name="buffer"/>, grown (and kept, if not too big) first if it is shorter.</summary>
        public static Span<T> Grow<T>(ref T[] buffer, int length)
        {
            if (buffer.Length >= length)
            {
                return buffer.AsSpan(0, length);
            }

            var grown = new T[length > MaxScratch ? length : Math.Max(256, (int)BitOperations.RoundUpToPowerOf2((uint)length))];
            if (grown.Length <= MaxScratch)
            {
                buffer = grown;
            }

            return grown.AsSpan(0, length);
        }
    }

    /// <summary>The evidence with one more row first (the sentence's other evidence is still made only when read).</summary>
    private static IReadOnlyList<Evidence> WithFirst(IReadOnlyList<Evidence> evidence, Evidence row) =>
        evidence is EvidenceList list ? list.WithFirst(row) : [row, .. evidence];

    /// <summary>The first class of highest probability.</summary>
    private static int Best(ReadOnlySpan<float> probabilities)
    {
        int best = 0;
        for (int c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The cues of every sentence of a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>One entry per sentence.</returns>
    public SentenceCues[] ExtractCues(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _cues.ExtractAll(document);
    }

    /// <summary>Averages <paramref name="probabilities"/> (the first stage's, of a sentence alone) with <paramref name="alone"/>'s for the same features, class by class; nothing without a model of sentences alone.</summary>
    private static void AverageAlone(LinearModel? alone, ReadOnlySpan<int> keys, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        if (alone is null)
        {
            return;
        }

        Span<float> own = stackalloc float[probabilities.Length];
        alone.Score(keys, values, own);
        for (int c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = (probabilities[c] + own[c]) / 2;
        }
    }

    private static int IndexOf(LinearModel model, string code)
    {
        for (int c = 0; c < model.Classes.Count; c++)
        {
            if (model.Classes[c] == code)
            {
                return c;
            }
        }

        return 0;
    }

    private static T Parse<T>(string code)
        where T : struct, Enum
    {
        if (typeof(T) == typeof(RightsCategory) && LabelCodes.TryParse(code, out RightsCategory r))
        {
            return (T)(object)r;
        }

        if (typeof(T) == typeof(LinkageStance) && LabelCodes.TryParse(code, out LinkageStance l))
        {
            return (T)(object)l;
        }

        throw new FormatException($"The model's class '{code}' is not a {typeof(T).Name} label.");
    }
}
