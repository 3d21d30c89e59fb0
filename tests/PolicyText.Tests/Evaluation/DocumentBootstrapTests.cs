using PolicyText.Corpora;
using PolicyText.Evaluation;

namespace PolicyText.Tests.Evaluation;

public class DocumentBootstrapTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void Macro_f1_of_a_confusion_matrix_is_the_classification_reports()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = random.Next(0, 40);
            var gold = Enumerable.Range(0, n).Select(_ => Labels[random.Next(3)]).ToList();
            var predicted = Enumerable.Range(0, n).Select(_ => Labels[random.Next(3)]).ToList();
            var report = new ClassificationReport("s", Labels, gold, predicted);
            var confusion = new int[9];
            for (int i = 0; i < n; i++)
            {
                confusion[(Array.IndexOf(Labels, gold[i]) * 3) + Array.IndexOf(Labels, predicted[i])]++;
            }

            Assert.Equal(report.MacroF1, DocumentBootstrap.MacroF1(confusion, 3), 12);
        }
    }

    [Fact]
    public void Each_documents_confusion_counts_its_own_sentences_and_they_sum_to_the_whole()
    {
        string[] gold = ["a", "b", "c", "a", "a", "b"];
        string[] predicted = ["a", "c", "c", "b", "a", "b"];
        var byDocument = TaggerEvaluation.ConfusionByDocument(Labels, [.. gold], [.. predicted], [2, 0, 3, 1]);
        Assert.Equal(4, byDocument.Count);
        Assert.Equal(new[] { 1, 0, 0, 0, 0, 1, 0, 0, 0 }, byDocument[0]); // a->a, b->c
        Assert.Equal(new int[9], byDocument[1]);                          // no sentences
        Assert.Equal(new[] { 1, 1, 0, 0, 0, 0, 0, 0, 1 }, byDocument[2]); // c->c, a->b, a->a
        Assert.Equal(new[] { 0, 0, 0, 0, 1, 0, 0, 0, 0 }, byDocument[3]); // b->b
        var whole = new ClassificationReport("s", Labels, gold, predicted);
        for (int g = 0; g < 3; g++)
        {
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(whole.Confusion[g, p], byDocument.Sum(c => c[(g * 3) + p]));
            }
        }
    }

    [Fact]
    public void The_draws_are_fixed_and_within_range()
    {
        var one = DocumentBootstrap.Draw(27);
        var two = DocumentBootstrap.Draw(27);
        Assert.Equal(DocumentBootstrap.Resamples, one.Length);
        Assert.Equal(one.SelectMany(x => x), two.SelectMany(x => x));
        Assert.All(one, draw => Assert.Equal(27, draw.Length));
        Assert.All(one.SelectMany(x => x), d => Assert.InRange(d, 0, 26));

        // Every document is drawn about as often as the others (27,000 draws, 1,000 expected each).
        var counts = one.SelectMany(x => x).GroupBy(d => d).Select(g => g.Count()).ToList();
        Assert.Equal(27, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void The_interval_is_a_point_when_every_document_scores_the_same_and_wide_when_they_differ()
    {
        var draws = DocumentBootstrap.Draw(10);
        Assert.Equal(new ScoreInterval(1, 1), DocumentBootstrap.Accuracy(draws, Enumerable.Repeat(true, 10).ToList()));
        var perfect = Enumerable.Range(0, 10).Select(_ => new[] { 2, 0, 0, 0, 3, 0, 0, 0, 1 }).ToList();
        Assert.Equal(new ScoreInterval(1, 1), DocumentBootstrap.MacroF1(draws, perfect, 3));

        // Half the documents right: the point estimate 0.5 lies inside, and the interval is wide.
        var half = DocumentBootstrap.Accuracy(draws, Enumerable.Range(0, 10).Select(i => i % 2 == 0).ToList());
        Assert.InRange(0.5, half.Low, half.High);
        Assert.True(half.High - half.Low >= 0.4, $"{half}");
    }

    [Fact]
    public void The_evaluation_reports_an_interval_around_each_score()
    {
        var corpus = GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var models = PolicyText.Models.PolicyModels.Default!;
        var report = TaggerEvaluation.Evaluate(corpus, CorpusSplit.Dev, models);
        Assert.NotNull(report.Intervals);
        for (int i = 0; i < report.Rights.Count; i++)
        {
            var system = report.Rights[i].System;
            var x = report.Intervals![system];
            // Percentile intervals need not contain the point estimate, but lie around it.
            foreach (var (point, interval) in new[] { (report.Rights[i].MacroF1, x.Rights), (report.Linkage[i].MacroF1, x.Linkage), (report.DocumentRightsAccuracy[system], x.DocumentRights), (report.DocumentLinkageAccuracy[system], x.DocumentLinkage) })
            {
                Assert.True(interval.Low <= interval.High, system);
                Assert.InRange(point, interval.Low - 0.05, interval.High + 0.05);
            }

            Assert.True(x.Linkage.Low < x.Linkage.High, system);
        }

        Assert.Contains("95% intervals: 27 documents drawn with replacement, 1000 resamples, seed 1", report.ToText(), StringComparison.Ordinal);
        Assert.Equal(report.ToText(), TaggerEvaluation.Evaluate(corpus, CorpusSplit.Dev, models).ToText());
    }
}
