using System.Globalization;
using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Features;
using PolicyText.Tagging;

namespace PolicyText.Tests.Corpora;

/// <summary>
/// The second coder's labels of the test split (corpus/test-second-coder.tsv, docs/evaluation.md,
/// <em>A second coder on test</em>): they cover the split exactly, use the codebook's labels, and
/// score against the gold what the documentation says they do (the row <c>eval --labels</c> and
/// tests/second_coder.py print), so the file and the text cannot drift apart.
/// </summary>
public class SecondCoderTests
{
    private static readonly string CoderFile = Path.Combine(RepoPaths.Root, "corpus", "test-second-coder.tsv");

    private static readonly Lazy<(List<GoldDocument> Test, GivenLabels Coder)> Data = new(() =>
        (GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus", GoldCorpus.FileName)).InSplit(CorpusSplit.Test).ToList(), GivenLabels.Load(CoderFile, "second coder")));

    [Fact]
    public void The_labels_cover_the_test_split_exactly()
    {
        var (test, coder) = Data.Value;
        Assert.Equal(2086, test.Sum(d => d.Sentences.Count));
        Assert.Equal(2086, coder.Count);
        coder.CheckCovers(test);
    }

    [Fact]
    public void The_scores_against_the_gold_are_those_the_documentation_gives()
    {
        var (test, coder) = Data.Value;
        var pairs = test.SelectMany(d => d.Sentences.Select((s, i) => (Gold: s, Coder: coder.Of(d.Id, i)))).ToList();
        var rights = new ClassificationReport("second coder", LabelCodes.RightsVocabulary, [.. pairs.Select(p => p.Gold.Rights.ToCode())], [.. pairs.Select(p => p.Coder.Item1.ToCode())]);
        var linkage = new ClassificationReport("second coder", LabelCodes.LinkageVocabulary, [.. pairs.Select(p => p.Gold.Linkage.ToCode())], [.. pairs.Select(p => p.Coder.Item2.ToCode())]);
        int documentRights = 0;
        int documentLinkage = 0;
        foreach (var d in test)
        {
            var summary = DocumentAggregator.Summarize(Enumerable.Range(0, d.Sentences.Count).Select(i => coder.Of(d.Id, i)));
            documentRights += summary.RightsEmphasis == d.RightsEmphasis ? 1 : 0;
            documentLinkage += summary.Linkage == d.Linkage ? 1 : 0;
        }

        string row = string.Create(CultureInfo.InvariantCulture, $"{"second coder",-28}{rights.MacroF1,17:F3}{linkage.MacroF1,18:F3}{documentRights / (double)test.Count,16:F3}{documentLinkage / (double)test.Count,17:F3}");
        Assert.Equal(Documented, row);
        Assert.Contains(Documented, File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "evaluation.md")), StringComparison.Ordinal);
    }

    // The second coder's row of the table in docs/evaluation.md, A second coder on test.
    private const string Documented = "second coder                            0.922             0.955           0.844            0.974";
}
