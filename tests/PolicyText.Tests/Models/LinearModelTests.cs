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
        // Over the gold corpus: the rules never change a rights label; every linkage label they
        // change is either any label turned `none` in a document read as off topic (where then
        // no linkage label is left), or a stance turned `neutral`, in a quoting sentence or in a
        // document read as a report (where then no stance is left). Each change, and only a
        // change, carries the rule as evidence. All three rules fire.
        var corpus = PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var on = new TextAnalyzer(new TextAnalyzerOptions());
        var off = new TextAnalyzer(new TextAnalyzerOptions { ApplyRules = false });
        var fired = new Dictionary<string, int>();
        foreach (var doc in corpus.Documents)
        {
            var document = PolicyText.Text.TextDocument.WithSentences(doc.Text, doc.Sentences.Select(s => (s.Utf16Start, s.Utf16End)).ToList());
            var cues = on.ExtractCues(document);
            var a = on.Analyze(document);
            var b = off.Analyze(document);
            for (int i = 0; i < a.Sentences.Count; i++)
            {
                var rules = a.Sentences[i].Evidence.Where(e => e.Cue == CueType.Rule).ToList();
                var starts = a.Sentences[i].Evidence.Select(e => e.Start).ToList();
                Assert.Equal(starts.Order(), starts); // rule rows included, the evidence is in text order
                Assert.DoesNotContain(b.Sentences[i].Evidence, e => e.Cue == CueType.Rule);

                // Besides the rule, the same evidence as without the rules, in the same order; where
                // a rule changed the linkage label, its row says why, in place of the context's
                // and of the model's words for the stance (the rights label's stay).
                static bool LinkageContext(Evidence e) => e.Cue == CueType.Context && e.Entry.StartsWith("linkage", StringComparison.Ordinal);
                static bool StanceWord(Evidence e) => e.Cue == CueType.Model && LabelCodes.LinkageVocabulary.Contains(e.Category);
                Assert.Equal(
                    b.Sentences[i].Evidence.Where(e => rules.Count == 0 || !(LinkageContext(e) || StanceWord(e))).Select(e => (e.Start, e.End, e.Entry, e.Category, e.Cue)),
                    a.Sentences[i].Evidence.Where(e => e.Cue != CueType.Rule).Select(e => (e.Start, e.End, e.Entry, e.Category, e.Cue)));
                Assert.False(rules.Count > 0 && a.Sentences[i].Evidence.Any(LinkageContext));
                foreach (var rule in rules)
                {
                    Assert.Equal(a.Sentences[i].Start, rule.Start);
                    Assert.Equal(rule.Start, rule.End);
                    Assert.Equal(string.Empty, rule.Text);
                    Assert.Contains(rule.Entry, new[] { "off-topic document", "quotation", "report document" });
                    fired[rule.Entry] = fired.GetValueOrDefault(rule.Entry) + 1;
                }

                Assert.Equal(b.Sentences[i].Rights, a.Sentences[i].Rights);
                Assert.Equal(b.Sentences[i].RightsConfidence, a.Sentences[i].RightsConfidence);

                if (a.Sentences[i].Linkage != b.Sentences[i].Linkage && a.Sentences[i].Linkage == LinkageStance.None)
                {
                    var rule = Assert.Single(rules);
                    Assert.Equal(("off-topic document", "none"), (rule.Entry, rule.Category));
                    Assert.Equal(DocumentLinkage.None, a.Summary.Linkage);
                }
                else if (a.Sentences[i].Linkage != b.Sentences[i].Linkage)
                {
                    Assert.Equal(LinkageStance.Neutral, a.Sentences[i].Linkage);
                    Assert.Contains(b.Sentences[i].Linkage, new[] { LinkageStance.ProLinkage, LinkageStance.AntiLinkage });
                    var rule = Assert.Single(rules, e => e.Category == "neutral");
                    if (rule.Entry == "quotation")
                    {
                        Assert.True(cues[i].Reported && cues[i].Quotation);
                    }
                    else
                    {
                        Assert.Equal("report document", rule.Entry);
                        Assert.Equal(0, a.Summary.Pro + a.Summary.Anti);
                    }
                }
                else
                {
                    Assert.Empty(rules);
                }
            }
        }

        Assert.True(fired.GetValueOrDefault("off-topic document") > 0, "the off-topic rule never fired");
        Assert.True(fired.GetValueOrDefault("quotation") > 0, "the quotation rule never fired");
        Assert.True(fired.GetValueOrDefault("report document") > 0, "the report rule never fired");
    }
}

public class ReportRuleTests
{
    /// <summary>
    /// Models under which a sentence with an instrument term (named feature 6 of
    /// <see cref="SentenceFeaturizer"/>) is pro_linkage with p ≈ 1 and any other is none with
    /// p(pro) + p(anti) = 2 / (e⁴ + 3) ≈ 0.035: a document's stance mass is then about
    /// (1 + 0.035 (n − 1)) / n for one instrument sentence among n.
    /// </summary>
    private static TextAnalyzer Analyzer(bool rules = true)
    {
        static LinearModel Model(string task, IReadOnlyList<string> classes, float[] biases, int weighted)
        {
            var weights = classes.Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray();
            weights[weighted][6] = 60;
            return new(task, "test", classes, weights, biases);
        }

        var rights = Model("rights", LabelCodes.RightsVocabulary, [0, 0, 0, 0, 4], 0);
        var linkage = Model("linkage", LabelCodes.LinkageVocabulary, [0, 0, 0, 4], 0);
        return new TextAnalyzer(new TextAnalyzerOptions { Models = new PolicyModels(rights, linkage, rights, linkage), ApplyRules = rules });
    }

    private static readonly string[] Others = ["The weather was mild.", "Crowds gathered in the square.", "Shops stayed open late.", "The river was high.", "A train was late."];

    [Theory]
    [InlineData(1)] // mass 0.52
    [InlineData(3)] // mass 0.28
    public void A_document_with_enough_stance_keeps_its_stance_labels(int others)
    {
        var text = string.Join(" ", ["Sanctions were extended on Monday.", .. Others.Take(others)]);
        var result = Analyzer().Analyze(text);
        Assert.Equal(LinkageStance.ProLinkage, result.Sentences[0].Linkage);
        Assert.All(result.Sentences.Skip(1), s => Assert.Equal(LinkageStance.None, s.Linkage));
        Assert.All(result.Sentences, s => Assert.DoesNotContain(s.Evidence, e => e.Cue == CueType.Rule));
        Assert.Equal(DocumentLinkage.ProLinkage, result.Summary.Linkage);
    }

    [Fact]
    public void A_long_document_that_argues_in_a_few_sentences_is_not_a_report()
    {
        // Ten instrument sentences among 60: mean stance 0.20, but a total of about 12, above
        // the report rule's 8 (six among 36, a total of about 7, are a report since models version 7).
        var text = string.Join(" ", Enumerable.Range(0, 10).SelectMany(_ => new[] { "Sanctions were extended on Monday." }.Concat(Others)));
        var result = Analyzer().Analyze(text);
        Assert.Equal(60, result.Sentences.Count);
        Assert.Equal(10, result.Summary.Pro);
        Assert.All(result.Sentences, s => Assert.DoesNotContain(s.Evidence, e => e.Cue == CueType.Rule));
    }

    [Fact]
    public void A_document_whose_few_stance_sentences_total_less_than_eight_is_a_report()
    {
        // Six instrument sentences among 36: mean stance 0.20 and a total of about 7, below 8.
        var text = string.Join(" ", Enumerable.Range(0, 6).SelectMany(_ => new[] { "Sanctions were extended on Monday." }.Concat(Others)));
        Assert.Equal(6, Analyzer(rules: false).Analyze(text).Summary.Pro);
        var result = Analyzer().Analyze(text);
        Assert.Equal(0, result.Summary.Pro);
        Assert.Equal(6, result.Sentences.Count(s => s.Evidence.Any(e => e.Cue == CueType.Rule && e.Entry == "report document")));
        Assert.Equal(DocumentLinkage.Neutral, result.Summary.Linkage);
    }

    [Theory]
    [InlineData(4)] // mass 0.23
    [InlineData(5)] // mass 0.20
    public void A_document_with_little_stance_is_a_report_and_its_stances_are_neutral(int others)
    {
        var text = string.Join(" ", ["Sanctions were extended on Monday.", .. Others.Take(others)]);
        Assert.Equal(LinkageStance.ProLinkage, Analyzer(rules: false).Analyze(text).Sentences[0].Linkage);
        var result = Analyzer().Analyze(text);
        Assert.Equal(LinkageStance.Neutral, result.Sentences[0].Linkage);
        var rule = Assert.Single(result.Sentences[0].Evidence, e => e.Cue == CueType.Rule);
        Assert.Equal(("report document", "neutral", 0, 0, ""), (rule.Entry, rule.Category, rule.Start, rule.End, rule.Text));
        Assert.All(result.Sentences.Skip(1), s => Assert.Equal(LinkageStance.None, s.Linkage));
        Assert.Equal(DocumentLinkage.Neutral, result.Summary.Linkage);
    }

    [Theory]
    [InlineData(9)] // linkage mass 1.47 over 10 sentences: below 3 and below 0.2 × 10
    [InlineData(14)] // 1.73 over 15
    public void A_long_document_hardly_about_linkage_is_off_topic_and_its_linkage_labels_are_none(int others)
    {
        var text = string.Join(" ", ["Sanctions were extended on Monday.", .. Enumerable.Range(0, others).Select(k => Others[k % Others.Length])]);
        Assert.Equal(LinkageStance.ProLinkage, Analyzer(rules: false).Analyze(text).Sentences[0].Linkage);
        var result = Analyzer().Analyze(text);
        Assert.All(result.Sentences, s => Assert.Equal(LinkageStance.None, s.Linkage));
        var rule = Assert.Single(result.Sentences[0].Evidence, e => e.Cue == CueType.Rule);
        Assert.Equal(("off-topic document", "none", 0, 0, ""), (rule.Entry, rule.Category, rule.Start, rule.End, rule.Text));
        Assert.All(result.Sentences.Skip(1), s => Assert.DoesNotContain(s.Evidence, e => e.Cue == CueType.Rule));
        Assert.Equal(DocumentLinkage.None, result.Summary.Linkage);
    }

    [Fact]
    public void A_long_document_with_three_linkage_sentences_is_not_off_topic()
    {
        // Linkage mass about 4.4 over 30 sentences: below 0.2 × 30, but not below 3.
        var text = string.Join(" ", Enumerable.Range(0, 3).SelectMany(_ => new[] { "Sanctions were extended on Monday." }.Concat(Others).Concat(Others.Take(4))));
        var result = Analyzer().Analyze(text);
        Assert.Equal(30, result.Sentences.Count);
        Assert.DoesNotContain(result.Sentences, s => s.Evidence.Any(e => e.Entry == "off-topic document"));
        Assert.Equal(3, result.Summary.Pro + result.Summary.Neutral);
    }
}

public class ModelTrainerTests
{
    [Theory]
    [InlineData("ONEDAL")]
    [InlineData("onedal")]
    public void Training_with_the_oneDAL_backend_is_refused_with_a_clear_message(string backend)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ModelTrainer.RefuseNativeBackend(backend));
        Assert.Contains("MLNET_BACKEND", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MANAGED")]
    public void Training_with_ml_net_s_own_code_is_allowed(string? backend) => ModelTrainer.RefuseNativeBackend(backend);

    [Fact]
    public async Task The_cli_refuses_the_oneDAL_backend_in_one_line_without_a_stack_trace()
    {
        // A separate process: the variable is read when training starts, and setting it here
        // would reach the other tests that train.
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var run = await PolicyText.Tests.Cli.CliRunner.RunProcess(
            new Dictionary<string, string> { ["MLNET_BACKEND"] = "ONEDAL" },
            TimeSpan.FromMinutes(3),
            "train", "--corpus", Path.Combine(RepoPaths.Root, "corpus"), "--out", Path.Combine(tmp.Path, "m.models"));
        Assert.True(run.ExitCode == 1, run.Stderr + run.Stdout);
        Assert.Contains("MLNET_BACKEND", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "m.models")));
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

    [Fact]
    public void Softmax_of_two_tasks_side_by_side_gives_each_task_s_softmax_bit_for_bit()
    {
        // The analysis turns a sentence's two tasks' scores into probabilities in one call, its
        // divisions in vector lanes; the probabilities must be the floats of one softmax per task.
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            int length = random.Next(1, 20);
            int split = random.Next(0, length + 1);
            float spread = trial % 3 == 0 ? 80f : 6f;
            var scores = Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() - 0.5) * spread)).ToArray();
            if (trial % 5 == 0)
            {
                scores[random.Next(length)] = 0f;
            }

            var expected = scores.ToArray();
            LinearModel.Softmax(expected.AsSpan(0, split));
            LinearModel.Softmax(expected.AsSpan(split));
            var actual = scores.ToArray();
            LinearModel.SoftmaxTwo(actual, split);
            for (int c = 0; c < length; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(actual[c]));
            }
        }
    }
}
