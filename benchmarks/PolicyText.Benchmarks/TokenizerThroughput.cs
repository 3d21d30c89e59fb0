using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using PolicyText.Text;

namespace PolicyText.Benchmarks;

/// <summary>
/// Tokenizer throughput over a ~10.5 MB generated op-ed corpus (<see cref="CorpusGenerator"/>).
/// Each benchmark processes the whole corpus once and returns a count, so nothing is optimized
/// away and the counts can be compared by hand. Lucene's StandardTokenizer is the baseline; the
/// SearchValues scan is a reference that applies no tokenization rules at all.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TokenizerThroughputConfig))]
public partial class TokenizerThroughput
{
    private const string WhiteSpaceChars = " \t\r\n\f\v\u00A0\u2028\u2029";
    private const string PunctuationChars = ".,;:!?\"'()[]{}<>-\u2013\u2014\u2018\u2019\u201C\u201D$%&/*#@+=";

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(WhiteSpaceChars);
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(PunctuationChars);
    private static readonly SearchValues<char> Separators = SearchValues.Create(WhiteSpaceChars + PunctuationChars);

    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];
    private string _corpus = "";

    /// <summary>Generates the corpus and sizes the reusable lists, so no benchmark pays for growth.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusGenerator.Default;
        PolicyTextTokenizerAndSegmenter();
    }

    /// <summary>Lucene.NET's UAX#29 tokenizer; it drops punctuation, so it yields fewer tokens.</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Baseline = true, Description = "Lucene StandardTokenizer")]
    public int LuceneStandardTokenizer()
    {
        // A fresh tokenizer per invocation: the Reset/IncrementToken/End/Dispose life cycle with no
        // reuse subtleties. Construction is negligible next to 10 MB of scanning.
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(_corpus));
        tokenizer.Reset();
        int count = 0;
        while (tokenizer.IncrementToken())
        {
            count++;
        }

        tokenizer.End();
        return count;
    }

    /// <summary>A source-generated regex with a typical word/number/punctuation pattern.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Description = "GeneratedRegex tokenizer")]
    public int GeneratedRegexTokenizer()
    {
        int count = 0;
        foreach (var _ in TokenPattern().EnumerateMatches(_corpus))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Vectorized boundary search only: skip white space, take one punctuation character or a run
    /// up to the next separator. No abbreviation, number or clitic rules, so not a rival: it shows
    /// what two vectorized searches per token cost when tokens are a few characters long.
    /// </summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Description = "IndexOfAny(SearchValues) boundary scan")]
    public int SearchValuesBoundaryScan()
    {
        ReadOnlySpan<char> rest = _corpus;
        int count = 0;
        while (true)
        {
            int start = rest.IndexOfAnyExcept(WhiteSpace);
            if (start < 0)
            {
                break;
            }

            count++;
            rest = rest[start..];
            if (Punctuation.Contains(rest[0]))
            {
                rest = rest[1..];
                continue;
            }

            int end = rest.IndexOfAny(Separators);
            if (end < 0)
            {
                break;
            }

            rest = rest[end..];
        }

        return count;
    }

    /// <summary>The library tokenizer's allocation-free enumerator.</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Description = "PolicyText Tokenizer")]
    public int PolicyTextTokenizer()
    {
        int count = 0;
        foreach (var _ in Tokenizer.Default.Enumerate(_corpus))
        {
            count++;
        }

        return count;
    }

    /// <summary>Tokens into a reused list, then sentences into a reused list: the pipeline's first two stages.</summary>
    /// <returns>The number of sentences.</returns>
    [Benchmark(Description = "PolicyText Tokenizer + SentenceSegmenter")]
    public int PolicyTextTokenizerAndSegmenter()
    {
        _tokens.Clear();
        Tokenizer.Default.Tokenize(_corpus, _tokens);
        _sentences.Clear();
        return SentenceSegmenter.Default.Segment(_corpus, CollectionsMarshal.AsSpan(_tokens), _sentences);
    }

    // Words with inner hyphens, apostrophes or periods ("long-term", "Korea's", "U.S"), digit
    // groups ("1,300"), or any single other non-space character.
    [GeneratedRegex(@"\w+(?:[-'.]\w+|,\d+)*|[^\w\s]")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// One launch, 3 warmup and 10 measured iterations: each invocation scans ~10 MB, so this is
/// enough for stable means and keeps the class to a few minutes on a 2-core machine. Adds the
/// MB/s column.
/// </summary>
public sealed class TokenizerThroughputConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public TokenizerThroughputConfig()
    {
        // AsDefault: a job given on the command line (--job dry, --job short) replaces this one
        // instead of running beside it, and options such as --iterationCount still apply to it.
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Throughput").AsDefault());
        AddColumn(new ThroughputColumn(() => CorpusGenerator.DefaultUtf8Bytes));
    }
}
