using PolicyText.Features;
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
    /// Whether to apply the rule on top of the linkage model (a stance in a sentence that quotes
    /// someone without endorsement or first person is neutral). True by default; false gives the
    /// models alone.
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
/// <param name="LinkageConfidence">The probability of <paramref name="Linkage"/>.</param>
/// <param name="Evidence">The lexicon matches and rule cues behind the labels.</param>
public sealed record SentenceAnalysis(
    int Index,
    int Start,
    int End,
    RightsCategory Rights,
    float RightsConfidence,
    LinkageStance Linkage,
    float LinkageConfidence,
    IReadOnlyList<Evidence> Evidence);

/// <summary>The analysis of a document: its text layer, each sentence's labels, and the document labels.</summary>
/// <param name="Document">The tokens and sentences.</param>
/// <param name="Sentences">One analysis per sentence.</param>
/// <param name="Summary">Label counts and document labels.</param>
public sealed record DocumentAnalysis(TextDocument Document, IReadOnlyList<SentenceAnalysis> Sentences, DocumentSummary Summary)
{
    /// <summary>Standard text statistics (computed when first asked for).</summary>
    public TextStatistics Statistics => _statistics ??= TextStatistics.Of(Document);

    private TextStatistics? _statistics;
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

    /// <summary>The model probability of `both` above which the both-families rule overrides one family (tuned by cross-validation on train and dev).</summary>
    private const float BothThreshold = 0.15f;

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
        }
    }

    private static void CheckClasses(LinearModel model, IReadOnlyList<string> vocabulary)
    {
        if (model.Classes.Count != vocabulary.Count || model.Classes.Except(vocabulary, StringComparer.Ordinal).Any())
        {
            throw new ArgumentException($"The {model.Task} model's classes ({string.Join(", ", model.Classes)}) are not the codebook's labels ({string.Join(", ", vocabulary)}).");
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
        return Analyze(TextDocument.Parse(text, _tokenizer, _segmenter));
    }

    /// <inheritdoc cref="Analyze(string)"/>
    public DocumentAnalysis Analyze(ReadOnlySpan<char> text) => Analyze(text.ToString());

    /// <summary>Analyses an already tokenized document (for example one with given sentences, <see cref="TextDocument.WithSentences"/>).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The analysis.</returns>
    public DocumentAnalysis Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Analyze(document, ExtractCues(document));
    }

    /// <summary>Analyses a document whose cues are already extracted (<see cref="ExtractCues"/>).</summary>
    internal DocumentAnalysis Analyze(TextDocument document, SentenceCues[] cues)
    {
        var results = new SentenceAnalysis[cues.Length];
        var totals = SentenceFeaturizer.Totals(cues);
        var features = new List<KeyValuePair<int, float>>[cues.Length];
        var firstRights = new float[cues.Length][];
        var firstStage = new float[cues.Length][];
        if (_models is not null)
        {
            for (int i = 0; i < cues.Length; i++)
            {
                features[i] = new List<KeyValuePair<int, float>>(128);
                SentenceFeaturizer.Featurize(document, i, cues, totals, features[i]);
                firstRights[i] = new float[_models.Rights.Classes.Count];
                _models.Rights.Score(features[i], firstRights[i]);
                firstStage[i] = new float[_models.Linkage.Classes.Count];
                _models.Linkage.Score(features[i], firstStage[i]);
            }
        }

        var rightsSums = _models is null ? [] : SentenceFeaturizer.ContextSums(firstRights);
        var sums = _models is null ? [] : SentenceFeaturizer.ContextSums(firstStage);
        Span<float> rp = stackalloc float[8];
        Span<float> lp = stackalloc float[8];
        Span<KeyValuePair<int, float>> context = stackalloc KeyValuePair<int, float>[SentenceFeaturizer.MaxContext];
        for (int i = 0; i < cues.Length; i++)
        {
            var s = document.Sentences[i];
            RightsCategory rights;
            LinkageStance linkage;
            float rc = 1;
            float lc = 1;
            if (_models is null)
            {
                rights = LexiconTagger.Rights(cues[i]);
                linkage = LexiconTagger.Linkage(cues[i]);
            }
            else
            {
                int n = SentenceFeaturizer.Context(firstRights, rightsSums, i, context);
                (rights, rc) = Best<RightsCategory>(_models.RightsInContext, features[i], context[..n], rp);
                if (_rules && rights is RightsCategory.Freedom or RightsCategory.EconomicSocial && LexiconTagger.Rights(cues[i]) == RightsCategory.Both)
                {
                    // Terms of both families, and the model gives `both` a fair chance: `both`.
                    int both = IndexOf(_models.RightsInContext, RightsCategory.Both.ToCode());
                    if (rp[both] >= BothThreshold)
                    {
                        rights = RightsCategory.Both;
                        rc = rp[both];
                    }
                }

                n = SentenceFeaturizer.Context(firstStage, sums, i, context);
                (linkage, lc) = Best<LinkageStance>(_models.LinkageInContext, features[i], context[..n], lp);
                if (_rules && linkage is LinkageStance.ProLinkage or LinkageStance.AntiLinkage && cues[i].Reported && cues[i].Quotation && cues[i].FirstPerson == 0)
                {
                    linkage = LinkageStance.Neutral;
                    lc = lp[IndexOf(_models.LinkageInContext, LinkageStance.Neutral.ToCode())];
                }
            }

            results[i] = new SentenceAnalysis(i, s.Start, s.End, rights, rc, linkage, lc, cues[i].Evidence);
        }

        return new DocumentAnalysis(document, results, DocumentAggregator.Summarize(results.Select(r => (r.Rights, r.Linkage))));
    }

    /// <summary>The cues of every sentence of a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>One entry per sentence.</returns>
    public SentenceCues[] ExtractCues(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _cues.ExtractAll(document);
    }

    private static (T Label, float Confidence) Best<T>(LinearModel model, IReadOnlyList<KeyValuePair<int, float>> features, ReadOnlySpan<KeyValuePair<int, float>> extra, Span<float> probabilities)
        where T : struct, Enum
    {
        model.Score(features, extra, probabilities);
        int best = 0;
        for (int c = 1; c < model.Classes.Count; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return (Parse<T>(model.Classes[best]), probabilities[best]);
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
