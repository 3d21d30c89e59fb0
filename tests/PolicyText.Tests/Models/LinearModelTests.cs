using PolicyText.Models;
using PolicyText.Tagging;

namespace PolicyText.Tests.Models;

public class LinearModelTests
{
    private static List<KeyValuePair<int, float>> F(params int[] indexes) => indexes.Select(i => new KeyValuePair<int, float>(i, 1)).ToList();

    /// <summary>Two separable classes: feature 100 means "a", feature 200 means "b".</summary>
    private static LinearModel TrainToy() => ModelTrainer.Train("rights", "toy", ["a", "b"],
        [.. Enumerable.Range(0, 20).Select(i => new TrainingExample(F(100, 300 + i), 0)),
         .. Enumerable.Range(0, 20).Select(i => new TrainingExample(F(200, 400 + i), 1))]);

    [Fact]
    public void Training_learns_separable_classes_and_scoring_gives_probabilities()
    {
        var model = TrainToy();
        Span<float> p = stackalloc float[2];
        model.Score(F(100), p);
        Assert.True(p[0] > 0.8, $"p(a) = {p[0]}");
        Assert.Equal(1, p[0] + p[1], 4);
        model.Score(F(200), p);
        Assert.True(p[1] > 0.8, $"p(b) = {p[1]}");
    }

    [Fact]
    public void Training_is_deterministic_and_a_saved_model_scores_the_same()
    {
        var one = TrainToy();
        var two = TrainToy();
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        one.Save(a);
        two.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());

        a.Position = 0;
        var loaded = LinearModel.Load(a);
        Span<float> p1 = stackalloc float[2];
        Span<float> p2 = stackalloc float[2];
        one.Score(F(100, 305), p1);
        loaded.Score(F(100, 305), p2);
        Assert.Equal(p1.ToArray(), p2.ToArray());
        Assert.Equal(["a", "b"], loaded.Classes);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_clear_error()
    {
        using var junk = new MemoryStream("not a model at all"u8.ToArray());
        Assert.Throws<FormatException>(() => PolicyModels.Load(junk));
        using var empty = new MemoryStream();
        Assert.Throws<FormatException>(() => PolicyModels.Load(empty));
    }
}

public class TextAnalyzerOptionsTests
{
    [Fact]
    public void Models_whose_classes_are_not_the_codebook_labels_are_refused()
    {
        var toy = ModelTrainer.Train("rights", "toy", ["a", "b"],
            [new TrainingExample([new(100, 1)], 0), new TrainingExample([new(200, 1)], 1)]);
        var shipped = PolicyModels.Default!;
        var bad = shipped with { Rights = toy };
        var ex = Assert.Throws<ArgumentException>(() => new TextAnalyzer(new TextAnalyzerOptions { Models = bad }));
        Assert.Contains("codebook", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rules_and_with_rules_the_analyzer_labels_every_sentence()
    {
        const string text = "“Sanctions must stay until the camps close,” the envoy said. Aid should flow regardless.";
        foreach (var rules in new[] { false, true })
        {
            var result = new TextAnalyzer(new TextAnalyzerOptions { ApplyRules = rules }).Analyze(text);
            Assert.Equal(2, result.Sentences.Count);
            Assert.All(result.Sentences, s => Assert.InRange(s.LinkageConfidence, 0f, 1f));
            Assert.Equal(2, result.Summary.Sentences);
        }
    }
}

public class DefaultRulesTests
{
    [Fact]
    public void The_rules_change_only_what_they_are_documented_to_change()
    {
        // Over the gold corpus: every rights label the rules change is a
        // one-family prediction turned into `both` where the lexicons found both families;
        // every linkage label they change is a quoted stance turned `neutral`. Both rules fire.
        var corpus = PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var on = new TextAnalyzer(new TextAnalyzerOptions());
        var off = new TextAnalyzer(new TextAnalyzerOptions { ApplyRules = false });
        int rights = 0, linkage = 0;
        foreach (var doc in corpus.Documents)
        {
            var document = PolicyText.Text.TextDocument.WithSentences(doc.Text, doc.Sentences.Select(s => (s.Utf16Start, s.Utf16End)).ToList());
            var cues = on.ExtractCues(document);
            var a = on.Analyze(document);
            var b = off.Analyze(document);
            for (int i = 0; i < a.Sentences.Count; i++)
            {
                if (a.Sentences[i].Rights != b.Sentences[i].Rights)
                {
                    rights++;
                    Assert.Equal(RightsCategory.Both, a.Sentences[i].Rights);
                    Assert.Contains(b.Sentences[i].Rights, new[] { RightsCategory.Freedom, RightsCategory.EconomicSocial });
                    Assert.Equal(RightsCategory.Both, LexiconTagger.Rights(cues[i]));
                    Assert.InRange(a.Sentences[i].RightsConfidence, 0.15f, 1f);
                }

                if (a.Sentences[i].Linkage != b.Sentences[i].Linkage)
                {
                    linkage++;
                    Assert.Equal(LinkageStance.Neutral, a.Sentences[i].Linkage);
                    Assert.True(cues[i].Reported && cues[i].Quotation);
                }
            }
        }

        Assert.True(rights > 0, "the both-families rule never fired");
        Assert.True(linkage > 0, "the quotation rule never fired");
    }
}

public class PolicyModelsFileTests
{
    [Fact]
    public void A_model_file_round_trips_byte_for_byte()
    {
        var shipped = PolicyModels.Default!;
        using var first = new MemoryStream();
        shipped.Save(first);
        first.Position = 0;
        var loaded = PolicyModels.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(shipped.Version, loaded.Version);
    }

    [Fact]
    public void A_missing_model_file_is_a_clear_error()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => PolicyModels.Load(Path.Combine(Path.GetTempPath(), "no-such.models")));
        Assert.Contains("No model file", ex.Message, StringComparison.Ordinal);
    }
}
