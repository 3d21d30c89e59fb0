using BenchmarkDotNet.Attributes;
using PolicyText.Internals;
using PolicyText.Lexicons;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Benchmarks;

/// <summary>
/// Where the full analysis spends its time: the same documents as <see cref="AnalysisThroughput"/>
/// taken through the analysis one stage further in each benchmark (text layer; normalized text
/// and word hashes; lexicon matches; cues and evidence; everything), each stage done as
/// <see cref="TextAnalyzer.Analyze(TextDocument)"/> does it. The difference between two rows is
/// the cost of the stage the second adds. It reads internals of the library (the hashes, the
/// combined matcher, the cue extractor), which it sees through <c>InternalsVisibleTo</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TokenizerThroughputConfig))]
public class AnalysisStages
{
    private string[] _documents = [];
    private TextAnalyzer _analyzer = null!;
    private CueExtractor _cues = null!;
    private LexiconMatcher _matcher = null!;
    private uint[] _hashes = [];
    private int[] _work = [];
    private readonly List<LexiconMatch> _matches = [];

    /// <summary>Splits the corpus into documents and sizes the buffers for the longest one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _documents = CorpusGenerator.Default.Split("\n\n");
        _analyzer = TextAnalyzer.CreateDefault();
        _cues = new CueExtractor(LexiconSet.Default);
        _matcher = LexiconSet.Default.Combined;
        _hashes = new uint[_documents.Max(d => TextDocument.Parse(d).Tokens.Length)];
        _work = new int[3 * _matcher.WorkLength];
        _matches.Capacity = 1024;
    }

    /// <summary>Tokens and sentences of every document.</summary>
    /// <returns>The number of sentences.</returns>
    [Benchmark(Baseline = true, Description = "1 text layer (tokens, sentences)")]
    public int TextLayer()
    {
        int sentences = 0;
        foreach (var d in _documents)
        {
            sentences += TextDocument.Parse(d).Sentences.Length;
        }

        return sentences;
    }

    /// <summary>The text layer, then the normalized text and each token's word hash.</summary>
    /// <returns>The number of sentences plus the last token's hash of each document.</returns>
    [Benchmark(Description = "2 + normalized text, word hashes")]
    public long Hashes()
    {
        long sum = 0;
        foreach (var d in _documents)
        {
            var document = TextDocument.Parse(d);
            var hashes = _hashes.AsSpan(0, document.Tokens.Length);
            WordHashes.Compute(document.NormalizedSpan(), document.Tokens, hashes, document.HoldsRespelled);
            sum += document.Sentences.Length + (hashes.IsEmpty ? 0 : hashes[^1]);
        }

        return sum;
    }

    /// <summary>The above, then every sentence's matches of the three lexicons (one walk, as the cue extractor makes it).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Description = "3 + lexicon matches")]
    public int Matches()
    {
        int matches = 0;
        var work = _work.AsSpan();
        work[_matcher.WorkLength..].Fill(-1);
        foreach (var d in _documents)
        {
            var document = TextDocument.Parse(d);
            var hashes = _hashes.AsSpan(0, document.Tokens.Length);
            var normalized = document.NormalizedSpan();
            bool respelled = document.HoldsRespelled;
            WordHashes.Compute(normalized, document.Tokens, hashes, respelled);
            foreach (var s in document.Sentences)
            {
                _matches.Clear();
                matches += _matcher.Match(normalized, s.GetTokens(document.Tokens), hashes.Slice(s.FirstToken, s.TokenCount), _matches, work, respelled);
            }
        }

        return matches;
    }

    /// <summary>The above with every rule of the cue extractor: cue counts, negation, attribution, questions and evidence.</summary>
    /// <returns>The number of sentences plus their pro and anti cues.</returns>
    [Benchmark(Description = "4 + cues and evidence (rules)")]
    public int Cues()
    {
        int sum = 0;
        foreach (var d in _documents)
        {
            var document = TextDocument.Parse(d);
            var hashes = _hashes.AsSpan(0, document.Tokens.Length);
            var normalized = document.NormalizedSpan();
            WordHashes.Compute(normalized, document.Tokens, hashes, document.HoldsRespelled);
            foreach (var c in _cues.ExtractAll(document, normalized, hashes, transient: true))
            {
                sum += 1 + c.Pro + c.Anti;
            }
        }

        return sum;
    }

    /// <summary>The whole analysis (the above, then features, both models' two stages, the document rules and aggregates).</summary>
    /// <returns>The number of sentences.</returns>
    [Benchmark(Description = "5 full analysis (+ features, models, rules, aggregates)")]
    public int Full()
    {
        int sentences = 0;
        foreach (var d in _documents)
        {
            sentences += _analyzer.Analyze(d).Sentences.Count;
        }

        return sentences;
    }
}
