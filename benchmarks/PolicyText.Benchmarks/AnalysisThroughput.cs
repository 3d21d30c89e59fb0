using BenchmarkDotNet.Attributes;
using PolicyText.Corpora;
using PolicyText.Evaluation;

namespace PolicyText.Benchmarks;

/// <summary>
/// Full analysis (tokens, sentences, lexicons, cues, both models, document aggregates) over the
/// same generated corpus as <see cref="TokenizerThroughput"/>, each paragraph a document,
/// against the baseline a .NET user would build: ML.NET bag-of-words models predicting both
/// labels of the same sentences through a <c>PredictionEngine</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TokenizerThroughputConfig))]
public class AnalysisThroughput
{
    private string[] _documents = [];
    private string[] _sentences = [];
    private TextAnalyzer _analyzer = null!;
    private BagOfWordsBaseline _baseline = null!;

    /// <summary>Splits the corpus into documents and sentences and trains the baseline on the shipped corpus's train split.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _documents = CorpusGenerator.Default.Split("\n\n");
        _analyzer = TextAnalyzer.CreateDefault();
        _sentences = _documents.SelectMany(d =>
        {
            var doc = Text.TextDocument.Parse(d);
            return doc.Sentences.ToArray().Select(s => d[s.Start..s.End]);
        }).ToArray();
        _baseline = new BagOfWordsBaseline(GoldCorpus.Load(FindCorpus()).InSplit(CorpusSplit.Train));
    }

    /// <summary>ML.NET bag-of-words, both tasks, one <c>PredictionEngine.Predict</c> per sentence and task.</summary>
    /// <returns>A checksum of the predictions.</returns>
    [Benchmark(Baseline = true, Description = "ML.NET bag-of-words PredictionEngine (2 tasks)")]
    public int BagOfWordsPredictionEngine()
    {
        int sum = 0;
        foreach (var s in _sentences)
        {
            var (rights, linkage) = _baseline.Predict(s);
            sum += rights.Length + linkage.Length;
        }

        return sum;
    }

    /// <summary>PolicyText's full analysis of every document.</summary>
    /// <returns>The number of sentences analysed.</returns>
    [Benchmark(Description = "PolicyText full analysis")]
    public int PolicyTextFullAnalysis()
    {
        int sentences = 0;
        foreach (var d in _documents)
        {
            sentences += _analyzer.Analyze(d).Sentences.Count;
        }

        return sentences;
    }

    /// <summary>
    /// The full analysis, then every sentence's evidence read (the sum of the lengths of its
    /// texts): evidence is made into objects when first read, so this is what a user who reads
    /// all of it, as the CLI's evidence.csv does, pays.
    /// </summary>
    /// <returns>The number of sentences analysed plus the evidence text length.</returns>
    [Benchmark(Description = "PolicyText full analysis, evidence read")]
    public long PolicyTextFullAnalysisWithEvidence()
    {
        long sum = 0;
        foreach (var d in _documents)
        {
            foreach (var s in _analyzer.Analyze(d).Sentences)
            {
                sum++;
                foreach (var e in s.Evidence)
                {
                    sum += e.Text.Length;
                }
            }
        }

        return sum;
    }

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "corpus", GoldCorpus.FileName)))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("corpus/documents.jsonl not found above " + AppContext.BaseDirectory) : Path.Combine(dir.FullName, "corpus");
    }
}
