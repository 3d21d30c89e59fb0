using PolicyText.Internals;
using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Models;

public class SentenceFeaturizerTests
{
    // Matches entries of all three lexicons (rights, linkage, cues), and no negation.
    private const string Sentence = "Critics said that linking aid to the release of political prisoners is the only way, until the camps close.";

    private static (List<KeyValuePair<int, float>> Features, SentenceCues Cues) Featurize(LexiconSet lexicons)
    {
        var document = TextDocument.Parse(Sentence);
        var cues = new CueExtractor(lexicons).ExtractAll(document);
        var features = new List<KeyValuePair<int, float>>();
        SentenceFeaturizer.Featurize(document, 0, cues, features);
        return (features, cues[0]);
    }

    private static string Shipped(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", name + ".lexicon"));

    /// <summary>The shipped lexicon with entries that match nothing at the top of every section, and a new empty category first.</summary>
    private static Lexicon Extended(string name)
    {
        var text = Shipped(name);
        var lexicon = Lexicon.Parse(text);
        foreach (var category in lexicon.Categories)
        {
            var header = "[" + category + "]\n";
            Assert.Contains(header, text, StringComparison.Ordinal);
            text = text.Replace(header, header + "zorblax treaty\nquuxing\nfrobnicat*\n", StringComparison.Ordinal);
        }

        // A category of one's own goes into the rights and linkage lexicons (the cues lexicon
        // refuses one: its rules read only their own categories).
        int first = text.IndexOf("\n[", StringComparison.Ordinal) + 1;
        return name == "cues" ? Lexicon.Parse(text) : Lexicon.Parse(text.Insert(first, "[zzextra]\nwibblewobble\n"));
    }

    [Fact]
    public void A_turn_in_the_argument_is_marked_on_the_sentence_and_the_one_before()
    {
        // Features 138 and 139 (SentenceFeaturizer; docs/models.md describes them): the sentence,
        // and the next one, opens with a turn ("but", "however", …), after at most one opening punctuation mark.
        var document = TextDocument.Parse("Sanctions work. \"But aid matters more.\" However, talks stalled. Nevertheless is a word. Yet.");
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        bool[] expected138 = [false, true, true, true, true];
        bool[] expected139 = [true, true, true, true, false];
        Assert.Equal(5, document.Sentences.Length);
        for (int i = 0; i < 5; i++)
        {
            var features = new List<KeyValuePair<int, float>>();
            SentenceFeaturizer.Featurize(document, i, cues, features);
            Assert.Equal(expected138[i], features.Any(f => f.Key == 138 && f.Value == 1));
            Assert.Equal(expected139[i], features.Any(f => f.Key == 139 && f.Value == 1));
        }

        // Two opening punctuation marks: the first word is not looked for further in.
        var quoted = TextDocument.Parse("(\"But aid matters more.\")");
        var one = new List<KeyValuePair<int, float>>();
        SentenceFeaturizer.Featurize(quoted, 0, new CueExtractor(LexiconSet.Default).ExtractAll(quoted), one);
        Assert.DoesNotContain(one, f => f.Key == 138);
    }

    [Fact]
    public void A_line_that_does_not_end_like_a_sentence_is_marked_unless_it_is_the_title()
    {
        // Feature 95: a byline, a dateline or a heading inside the text; the title (the first
        // sentence) is left to feature 28. Closing quotation marks and brackets after the end
        // mark are looked through.
        var document = TextDocument.Parse("Aid first\n\nBy Ana Ruiz\n\nRecommendations\n\nTo donor governments:\n\nFund the appeal. Will they act? \"Now!\" (It is late.) Wait\u2026 Sanctions stay");
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        bool[] expected = [false, true, true, true, false, false, false, false, false, true];
        Assert.Equal(expected.Length, document.Sentences.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var features = new List<KeyValuePair<int, float>>();
            SentenceFeaturizer.Featurize(document, i, cues, features);
            Assert.Equal(expected[i], features.Any(f => f.Key == 95 && f.Value == 1));
        }
    }

    [Fact]
    public void The_sentence_matches_entries_of_every_lexicon()
    {
        var (_, cues) = Featurize(LexiconSet.Default);
        Assert.Equal([0, 1, 2], cues.Entries.ToArray().Select(e => e.Lexicon).Distinct().Order());
    }

    [Fact]
    public void Entries_and_categories_added_to_the_lexicons_leave_the_features_in_place()
    {
        var extended = new LexiconSet(Extended("rights"), Extended("linkage"), Extended("cues"));
        Assert.NotEqual(LexiconSet.Default.Linkage.Lexicon.Entries.Count, extended.Linkage.Lexicon.Entries.Count);
        Assert.Equal(Featurize(LexiconSet.Default).Features, Featurize(extended).Features);
    }

    [Fact]
    public void Each_matched_entry_is_keyed_by_its_category_and_pattern()
    {
        // Every entry the features hash is the one the evidence names (in a sentence without
        // negation, the evidence and the entries are recorded together, one for one).
        var (_, cues) = Featurize(LexiconSet.Default);
        var expected = cues.Evidence.Select(e => CueExtractor.EntryKey(e.Category, e.Entry)).Order();
        Assert.Equal(expected, cues.Entries.ToArray().Select(e => e.EntryKey).Order());
    }

    [Fact]
    public void Another_pattern_for_a_matched_entry_changes_its_feature_but_not_the_counts()
    {
        // "linking" (the first, in [instrument]) becomes "linkin*": it still matches, in the same
        // category, so only the hashed entry feature can change.
        var text = Shipped("linkage");
        int at = text.IndexOf("\nlinking\n", StringComparison.Ordinal);
        Assert.True(at > 0);
        var changed = LexiconSet.Default.With(Lexicon.Parse(text.Remove(at, "\nlinking\n".Length).Insert(at, "\nlinkin*\n")));

        var (before, beforeCues) = Featurize(LexiconSet.Default);
        var (after, afterCues) = Featurize(changed);
        Assert.Equal(beforeCues.Instrument, afterCues.Instrument);
        Assert.Equal(before.Where(f => f.Key < 128), after.Where(f => f.Key < 128));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Paragraphs_begin_at_blank_lines_only()
    {
        var document = TextDocument.Parse("A one. A two.\n\nB one.\r\n\r\nC one.\nC two.\n  \n D one.\r\rE one.\u2029F one.");
        Assert.Equal(8, document.Sentences.Length);
        Assert.Equal([0, 0, 1, 2, 2, 3, 4, 5], SentenceFeaturizer.Paragraphs(document));
    }

    [Theory]
    [InlineData("A one. A two.\nB one.\nC one. C two.")]
    [InlineData("A one. A two.\r\nB one.\r\nC one. C two.")]
    [InlineData("A one. A two.\rB one.\rC one. C two.")]
    [InlineData("A one. A two.\u0085B one.\u2028C one. C two.")]
    public void A_text_without_blank_lines_takes_a_paragraph_per_line(string text)
    {
        Assert.Equal([0, 0, 1, 2, 2], SentenceFeaturizer.Paragraphs(TextDocument.Parse(text)));
    }

    [Theory]
    [InlineData("A one. A two.\n\nB one.\r\n\r\nC one.\nC two.\n  \n D one.\r\rE one.\u2029F one.\u0085\u0085G one.", new[] { 0, 0, 1, 2, 2, 3, 4, 5, 6 })]
    [InlineData("A one.\nB one.\u0085C one.\u2028D one.\r\nE one.\rF one.", new[] { 0, 1, 2, 3, 4, 5 })]
    public void Paragraphs_count_line_breaks_as_the_tokenizer_does(string text, int[] expected)
    {
        // A paragraph begins where the first token of a sentence follows a blank line (or, in a
        // text without one, a line break): the tokenizer's flags and the numbering agree.
        var document = TextDocument.Parse(text);
        var tokens = document.Tokens;
        bool anyBlank = false;
        for (int i = 1; i < document.Sentences.Length; i++)
        {
            anyBlank |= tokens[document.Sentences[i].FirstToken].FollowsBlankLine;
        }

        var paragraphs = SentenceFeaturizer.Paragraphs(document);
        Assert.Equal(expected, paragraphs);
        for (int i = 1; i < document.Sentences.Length; i++)
        {
            var first = tokens[document.Sentences[i].FirstToken];
            bool begins = anyBlank ? first.FollowsBlankLine : first.FollowsLineBreak;
            Assert.Equal(begins, paragraphs[i] != paragraphs[i - 1]);
        }
    }

    [Fact]
    public void A_text_without_line_breaks_is_one_paragraph()
    {
        Assert.Equal([0, 0, 0], SentenceFeaturizer.Paragraphs(TextDocument.Parse("A one. A two. A three.")));
    }

    [Fact]
    public void Spans_given_by_the_caller_that_touch_are_analysed_and_repeats_refused()
    {
        // A span without tokens keeps its start, so the previous sentence can end after it
        // begins: it must be analysed, not throw.
        const string Text = "Hello world. Foo bar.";
        var touching = TextDocument.WithSentences(Text, [(0, 8), (8, 8), (13, 21)]);
        Assert.Equal([0, 0, 0], SentenceFeaturizer.Paragraphs(touching));
        Assert.Equal(3, TextAnalyzer.CreateDefault().Analyze(touching).Sentences.Count);

        // A repeated span overlaps the one before: the second copy would get no tokens, so it
        // is refused, as are spans out of order (docs: in order, not overlapping).
        Assert.Throws<ArgumentException>(() => TextDocument.WithSentences(Text, [(0, 12), (0, 12)]));
    }

    // Five sentences in two paragraphs, [0 1 2] and [3 4]; sentence k's probability of class c is k + c / 10.
    private static readonly float[][] Probabilities = [.. Enumerable.Range(0, 5).Select(k => new[] { k, k + 0.1f, k + 0.2f, k + 0.3f })];

    private static Dictionary<int, float> ContextOf(int index, IReadOnlyList<int>? paragraphs)
    {
        var destination = new KeyValuePair<int, float>[SentenceFeaturizer.MaxContext];
        int n = SentenceFeaturizer.Context(Probabilities, SentenceFeaturizer.ContextSums(Probabilities), index, destination, paragraphs);
        Assert.True(destination.Take(n).Select(kv => kv.Key).SequenceEqual(destination.Take(n).Select(kv => kv.Key).Order().Distinct()), "indexes ascending, each once");
        return destination.Take(n).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    [Fact]
    public void The_context_reads_the_sentences_paragraph_and_whether_it_opens_or_closes_it()
    {
        int[] paragraphs = [0, 0, 0, 1, 1];
        var without = ContextOf(1, null);
        Assert.DoesNotContain(without.Keys, k => k >= 128);

        // The middle of the first paragraph: the mean of sentences 0 and 2, no edge.
        var middle = ContextOf(1, paragraphs);
        Assert.Equal(without.Count + 4, middle.Count);
        Assert.All(without, kv => Assert.Equal(kv.Value, middle[kv.Key]));
        Assert.All(Enumerable.Range(0, 4), c => Assert.Equal(1 + (c / 10f), middle[128 + c], 5));

        // Its last sentence closes it (137); the next sentence opens the second (136).
        Edges(ContextOf(2, paragraphs), mean: 0.5f, opens: false, closes: true);
        Edges(ContextOf(3, paragraphs), mean: 4f, opens: true, closes: false);

        Assert.Throws<ArgumentException>(() => ContextOf(1, [0, 0, 1]));

        // A sentence alone in its paragraph has no paragraph mean; the first sentence of a
        // document opens nothing (its position is a feature of its own).
        Edges(ContextOf(4, [0, 0, 0, 1, 2]), mean: null, opens: true, closes: false);
        Edges(ContextOf(0, paragraphs), mean: 1.5f, opens: false, closes: false);

        static void Edges(Dictionary<int, float> context, float? mean, bool opens, bool closes)
        {
            Assert.Equal(mean, context.TryGetValue(128, out var m) ? m : null);
            Assert.Equal(opens, context.ContainsKey(136));
            Assert.Equal(closes, context.ContainsKey(137));
        }
    }

    [Fact]
    public void The_paragraph_mean_reaches_eight_sentences_either_side()
    {
        float[][] probabilities = [.. Enumerable.Range(0, 30).Select(k => new float[] { k })];
        var destination = new KeyValuePair<int, float>[SentenceFeaturizer.MaxContext];
        int n = SentenceFeaturizer.Context(probabilities, SentenceFeaturizer.ContextSums(probabilities), 15, destination, new int[30]);
        var mean = destination.Take(n).Single(kv => kv.Key == 128).Value;
        // Sentences 7 to 23 but 15: sixteen sentences whose mean is 15.
        Assert.Equal(15f, mean);
        n = SentenceFeaturizer.Context(probabilities, SentenceFeaturizer.ContextSums(probabilities), 2, destination, new int[30]);
        Assert.Equal(Enumerable.Range(0, 11).Where(k => k != 2).Average(k => (float)k), destination.Take(n).Single(kv => kv.Key == 128).Value, 5);
    }

    [Fact]
    public void The_analyzer_scores_the_second_stage_with_the_paragraph_context_that_training_uses()
    {
        // Three paragraphs; with the rules off, each label is the most probable class of the
        // second stage, scored by the analyzer's fused table: it must equal scoring the
        // models one by one on the features training builds (WithContext with the paragraphs).
        const string Text = "Sanctions relief was announced on Monday. Officials said rights would be raised later.\n\n" +
            "Tying food aid to prison visits is the wrong approach. It makes hungry families wait for talks that may never end. Aid should flow regardless.\n\n" +
            "Critics argue that pressure works. They are mistaken.";
        var models = PolicyModels.Default!;
        var analysis = new TextAnalyzer(new TextAnalyzerOptions { ApplyRules = false }).Analyze(Text);
        var document = analysis.Document;
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        var features = Enumerable.Range(0, document.Sentences.Length).Select(i =>
        {
            var f = new List<KeyValuePair<int, float>>();
            SentenceFeaturizer.Featurize(document, i, cues, f);
            return f;
        }).ToList();
        var paragraphs = SentenceFeaturizer.Paragraphs(document);
        Assert.Equal([0, 0, 1, 1, 1, 2, 2], paragraphs);
        foreach (var (first, second, confidence) in new[]
        {
            (models.Rights, models.RightsInContext, (Func<SentenceAnalysis, float>)(s => s.RightsConfidence)),
            (models.Linkage, models.LinkageInContext, s => s.LinkageConfidence),
        })
        {
            var probabilities = features.Select(f =>
            {
                var p = new float[first.Classes.Count];
                first.Score(f, p);
                return p;
            }).ToList();
            for (int i = 0; i < features.Count; i++)
            {
                var p = new float[second.Classes.Count];
                second.Score(SentenceFeaturizer.WithContext(features[i], probabilities, i, paragraphs), p);
                // The analyzer adds the hashed features in sentence order: equal up to float rounding.
                Assert.Equal(p.Max(), confidence(analysis.Sentences[i]), 1e-5f);
            }
        }
    }

    [Fact]
    public void The_unsorted_features_the_analyzer_scores_add_up_to_the_sorted_list_features_by_feature()
    {
        // The analyzer asks for the hashed features unsorted, a repeat as another feature of
        // value 1, and gives the document's word hashes computed once; summed per index they
        // must be exactly the sorted list training uses (which hashes each word itself).
        var corpus = PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var extractor = new CueExtractor(LexiconSet.Default);
        int repeats = 0;
        int turns = 0;
        foreach (var doc in corpus.Documents.Take(40))
        {
            var document = TextDocument.WithSentences(doc.Text, doc.Sentences.Select(s => (s.Utf16Start, s.Utf16End)).ToList());
            var cues = extractor.ExtractAll(document);
            var hashes = new uint[document.Tokens.Length];
            WordHashes.Compute(document.NormalizedSpan(), document.Tokens, hashes);
            var totals = SentenceFeaturizer.Totals(cues);
            for (int i = 0; i < cues.Length; i++)
            {
                int capacity = SentenceFeaturizer.MaxFeatures(document.Sentences[i], cues[i]);
                var keys = new int[capacity];
                var values = new float[capacity];
                int n = SentenceFeaturizer.Featurize(document, i, cues, totals, keys, values, hashes, sorted: false);
                var summed = keys.Take(n).Zip(values.Take(n))
                    .GroupBy(f => f.First)
                    .Select(g => new KeyValuePair<int, float>(g.Key, g.Sum(f => f.Second)))
                    .OrderBy(f => f.Key)
                    .ToList();
                repeats += n - summed.Count;
                turns += summed.Count(f => f.Key == 138);
                var sorted = new List<KeyValuePair<int, float>>();
                SentenceFeaturizer.Featurize(document, i, cues, sorted);
                Assert.Equal(sorted, summed);
            }
        }

        Assert.True(repeats > 100, $"only {repeats} repeated features: the check needs sentences that repeat words");
        Assert.True(turns > 10, $"only {turns} sentences open with a turn: the check needs them");
    }

    [Fact]
    public void The_document_level_values_are_the_documented_quotients_bit_for_bit()
    {
        // Shares are count / sentences and leans difference / sum, each a float division (a
        // reciprocal multiplied instead gives other floats for some counts: the models were
        // trained on these). Every count pair up to 40, and the empty document.
        int differs = 0;
        for (int x = 0; x <= 40; x++)
        {
            for (int y = 0; y <= 40; y++)
            {
                var t = new SentenceFeaturizer.DocumentTotals(pro: x, anti: y, freedom: y, economicSocial: x, topicSentences: x, sentences: y, firstPersonSentences: x, normativeSentences: x, reportedSentences: x, evaluationStance: x - y);
                float share = y == 0 ? x : x / (float)y;
                Assert.Equal(share, t.TopicShare);
                Assert.Equal(share, t.FirstPersonShare);
                Assert.Equal(share, t.NormativeShare);
                Assert.Equal(share, t.ReportedShare);
                float lean = x + y == 0 ? 0 : (x - y) / (float)(x + y);
                Assert.Equal(lean, t.StanceLean);
                Assert.Equal(lean, t.RightsLean);
                Assert.Equal((x - y) / (float)Math.Max(3, Math.Abs(x - y)), t.EvaluationShare);
                differs += y > 0 && x * (1f / y) != x / (float)y ? 1 : 0;
            }
        }

        // The check can fail: for some pairs the reciprocal gives another float.
        Assert.True(differs > 0);
        var empty = new SentenceFeaturizer.DocumentTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 0f, 0f], [empty.TopicShare, empty.StanceLean, empty.RightsLean, empty.FirstPersonShare, empty.NormativeShare, empty.ReportedShare, empty.EvaluationShare]);
    }
}
