using PolicyText.Models;
using PolicyText.Lexicons;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Tagging;

/// <summary>
/// Evidence is recorded compactly per document and made into <see cref="Evidence"/> objects when
/// first read: what is read must be what an eager extractor would have made.
/// </summary>
public class EvidenceTests
{
    private static readonly LexiconSet Small = new(
        Lexicon.Parse("@lexicon rights\n@version 1\n[freedom]\ntortur*\n[economic_social]\nfood\n[general]\nhuman rights\n"),
        Lexicon.Parse("@lexicon linkage\n@version 1\n[instrument]\nsanction*\n[pro]\nlink*\n[anti]\nseparate*\n[pressure]\npressure\n"),
        Lexicon.Parse("@lexicon cues\n@version 1\n[negation]\nnot\n[attribution]\nsaid\n[endorsement]\nrightly\n[condition]\nuntil\n[hedge]\nperhaps\n[first_person]\nwe\n[positive]\nworks\n[negative]\nfailed\n"));

    private const string Text = "Human rights should not be linked to sanctions, critics said. Pressure works until it has not worked? Food first.";

    /// <summary>The evidence of the first two sentences, written out as the eager extractor made it.</summary>
    private static readonly Evidence[][] Expected =
    [
        [
            new(0, 12, "Human rights", "human rights", "general", CueType.Rights),
            new(20, 23, "not", "negation scope", "negation", CueType.Negation),
            new(27, 33, "linked", "link*", "pro", CueType.Linkage),
            new(37, 46, "sanctions", "sanction*", "instrument", CueType.Linkage),
            new(56, 60, "said", "said", "attribution", CueType.Attribution),
        ],
        [
            new(62, 70, "Pressure", "pressure", "pressure", CueType.Linkage),
            // "not" in scope reverses the evaluation: it reads as negative, and the negation is evidence.
            new(71, 76, "works", "works", "negative", CueType.Evaluation),
            new(77, 82, "until", "until", "condition", CueType.Condition),
            new(90, 93, "not", "negation scope", "negation", CueType.Negation),
            new(100, 101, "?", "question", "question", CueType.Question),
        ],
    ];

    [Theory]
    [InlineData("The minister asked, \u201CWhy should food aid be tied to the nuclear talks?\u201D")]
    [InlineData("Should sanctions stay (or go?)")]
    [InlineData("Should sanctions stay?")]
    public void Question_evidence_points_at_the_question_mark_also_before_a_closing_quote_or_bracket(string text)
    {
        var analysis = TextAnalyzer.CreateDefault().Analyze(text);
        var question = Assert.Single(analysis.Sentences[0].Evidence, e => e.Cue == CueType.Question && e.Category == "question");
        Assert.Equal("?", question.Text);
        Assert.Equal(text.LastIndexOf('?'), question.Start);
    }

    [Fact]
    public void Evidence_read_lazily_equals_the_evidence_made_eagerly()
    {
        var doc = TextDocument.Parse(Text);
        var cues = new CueExtractor(Small).ExtractAll(doc);
        Assert.Equal(3, cues.Length);
        Assert.Equal(Expected[0], cues[0].Evidence);
        Assert.Equal(Expected[1], cues[1].Evidence);
        Assert.Equal("Food", Assert.Single(cues[2].Evidence).Text);
    }

    [Fact]
    public void A_sentence_extracted_alone_has_the_same_evidence_as_in_its_document()
    {
        var doc = TextDocument.Parse(Text);
        var extractor = new CueExtractor(Small);
        var all = extractor.ExtractAll(doc);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.Equal(all[i].Evidence, extractor.Extract(doc, doc.Sentences[i]).Evidence);
        }
    }

    [Fact]
    public void The_analysis_gives_the_extractors_evidence()
    {
        var analyzer = new TextAnalyzer(new TextAnalyzerOptions { Lexicons = Small, Models = null });
        var analysis = analyzer.Analyze(Text);
        var cues = analyzer.ExtractCues(analysis.Document);
        // Besides the rows that say where the context decided a label.
        static List<Evidence> Extracted(IReadOnlyList<Evidence> evidence) => [.. evidence.Where(e => e.Cue != CueType.Context)];
        Assert.Equal(Expected[0], Extracted(analysis.Sentences[0].Evidence));
        for (int i = 0; i < cues.Length; i++)
        {
            Assert.Equal(cues[i].Evidence, Extracted(analysis.Sentences[i].Evidence));
        }
    }

    [Fact]
    public void Reading_evidence_again_or_from_several_threads_gives_the_same_objects()
    {
        var doc = TextDocument.Parse(Text);
        var evidence = new CueExtractor(Small).ExtractAll(doc)[0].Evidence;
        var read = new Evidence[8][];
        Parallel.For(0, read.Length, k => read[k] = [.. evidence]);
        foreach (var r in read)
        {
            Assert.Equal(evidence.Count, r.Length);
            for (int i = 0; i < r.Length; i++)
            {
                Assert.Same(evidence[i], r[i]);
            }
        }
    }

    [Fact]
    public void A_context_row_names_the_first_stages_label_and_gives_the_label_given()
    {
        // The README's text: the third sentence reports a condition (neutral to the first stage)
        // and takes anti_linkage from the two sentences before it. Alone, no context, no row.
        const string Text = "Tying food aid to denuclearization talks is not the right approach. Children need clean water regardless of politics. The envoy said sanctions would stay until the prison camps close.";
        var analyzer = TextAnalyzer.CreateDefault();
        var third = analyzer.Analyze(Text).Sentences[2];
        var row = Assert.Single(third.Evidence, e => e.Cue == CueType.Context);
        Assert.Equal(("linkage context (first stage: neutral)", "anti_linkage", third.Start, third.Start), (row.Entry, row.Category, row.Start, row.End));
        Assert.Equal(LinkageStance.AntiLinkage, third.Linkage);
        Assert.Same(row, third.Evidence[0]);

        var alone = Assert.Single(analyzer.Analyze("The envoy said sanctions would stay until the prison camps close.").Sentences);
        Assert.DoesNotContain(alone.Evidence, e => e.Cue == CueType.Context);

        // Rows only where the second stage changed the first stage's label: with the context
        // mostly agreeing, most sentences have none.
        var corpus = analyzer.Analyze(string.Join(" ", Enumerable.Repeat("Sanctions relief must wait until the camps close.", 6)));
        Assert.All(corpus.Sentences, s => Assert.DoesNotContain(s.Evidence, e => e.Cue == CueType.Context));
    }

    /// <summary>Whether rows explain the rights label, as the docs (docs/tagging.md) say: a rights context row, or terms of the label's family (of both families for `both`).</summary>
    private static bool ExplainsRights(IEnumerable<Evidence> rows, RightsCategory label)
    {
        var list = rows.ToList();
        bool Has(string family) => list.Exists(e => e.Cue == CueType.Rights && e.Category == family);
        return list.Exists(e => e.Cue == CueType.Context && e.Entry.StartsWith("rights ", StringComparison.Ordinal)) || label switch
        {
            RightsCategory.Freedom => Has("freedom"),
            RightsCategory.EconomicSocial => Has("economic_social"),
            RightsCategory.Both => Has("freedom") && Has("economic_social"),
            _ => Has("general"),
        };
    }

    /// <summary>Whether a row explains the stance (a pro or anti wording, a negation, a condition, an evaluation, a rhetorical question, a rule, a linkage context row; not an instrument).</summary>
    private static bool ExplainsStance(Evidence e) =>
        (e.Cue == CueType.Linkage && e.Category is "pro" or "anti")
        || e.Cue is CueType.Negation or CueType.Condition or CueType.Evaluation or CueType.Rule
        || (e.Cue == CueType.Question && e.Category == "rhetorical")
        || (e.Cue == CueType.Context && e.Entry.StartsWith("linkage ", StringComparison.Ordinal));

    [Fact]
    public void A_label_that_nothing_else_explains_lists_the_words_the_model_weighs_towards_it()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        int found = 0, beside = 0, neutral = 0;
        foreach (var doc in PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus")).Documents.Take(40))
        {
            var analysis = analyzer.Analyze(doc.Text);
            foreach (var s in analysis.Sentences)
            {
                var words = s.Evidence.Where(e => e.Cue == CueType.Model).ToList();
                Assert.Equal(s.Evidence.Select(e => e.Start).Order(), s.Evidence.Select(e => e.Start));
                if (words.Count == 0)
                {
                    continue;
                }

                // Only for a stance or a rights label other than none that no other row explains.
                found++;
                beside += s.Evidence.Count > words.Count ? 1 : 0;
                foreach (var e in words)
                {
                    var match = System.Text.RegularExpressions.Regex.Match(e.Entry, @"^model word \(\+(\d+\.\d\d) over ([a-z_]+)\)$");
                    Assert.True(match.Success, e.Entry);
                    Assert.True(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 0.25);
                    Assert.NotEqual(e.Category, match.Groups[2].Value);
                    Assert.Equal(analysis.Document.Text[e.Start..e.End], e.Text);
                    Assert.True(e.Start >= s.Start && e.End <= s.End);
                    if (e.Category == s.Rights.ToCode())
                    {
                        Assert.Contains(match.Groups[2].Value, LabelCodes.RightsVocabulary);
                        Assert.False(ExplainsRights(s.Evidence, s.Rights));
                    }
                    else
                    {
                        Assert.Equal(s.Linkage.ToCode(), e.Category);
                        Assert.Contains(match.Groups[2].Value, LabelCodes.LinkageVocabulary);
                        Assert.DoesNotContain(s.Evidence, ExplainsStance);
                        if (s.Linkage == LinkageStance.Neutral)
                        {
                            // A neutral label is also explained by a row of the task that names no side.
                            Assert.DoesNotContain(s.Evidence, e => e.Cue is CueType.Linkage or CueType.Attribution or CueType.Question);
                            neutral++;
                        }
                    }
                }

                Assert.True(words.Count(e => e.Category == s.Linkage.ToCode()) <= 2);
                Assert.True(words.Count(e => e.Category == s.Rights.ToCode()) <= 2);
                Assert.DoesNotContain(words, e => e.Category == "none");
            }
        }

        Assert.True(found > 20, $"{found} sentences with model words");
        Assert.True(neutral > 5, $"{neutral} model words for neutral labels");
        Assert.True(beside > 5, $"{beside} sentences with model words beside other evidence");
    }

    [Fact]
    public void A_stance_that_only_rights_rows_surround_gets_the_models_words()
    {
        // "They voted anyway." after a call for linkage: freedom from the context (a rights context
        // row), pro_linkage from the first stage; that row explains no stance, so the stance gets
        // words of its own.
        var analysis = TextAnalyzer.CreateDefault().Analyze("Sanctions must stay until the prisoners are free. They voted anyway.");
        var s = analysis.Sentences[1];
        Assert.Equal(LinkageStance.ProLinkage, s.Linkage);
        Assert.DoesNotContain(s.Evidence, ExplainsStance);
        Assert.Contains(s.Evidence, e => e.Cue == CueType.Model && e.Category == "pro_linkage");
    }

    [Theory]
    // An instrument names no side: the stance gets the model's words.
    [InlineData("Consider what a listing actually does.", "anti_linkage")]
    public void An_instrument_alone_does_not_explain_a_stance(string text, string stance)
    {
        var analysis = TextAnalyzer.CreateDefault().Analyze("Sanctions relief must never be tied to prisoner releases. " + text);
        var s = analysis.Sentences[1];
        Assert.Equal(stance, s.Linkage.ToCode());
        Assert.Contains(s.Evidence, e => e.Cue == CueType.Linkage && e.Category == "instrument");
        Assert.DoesNotContain(s.Evidence, ExplainsStance);
        Assert.Contains(s.Evidence, e => e.Cue == CueType.Model && e.Category == stance);
    }

    [Fact]
    public void A_term_of_the_other_family_does_not_explain_a_rights_label()
    {
        // "alive" is an economic_social term; the sentence is about the missing (freedom).
        var analysis = TextAnalyzer.CreateDefault().Analyze("Hundreds were taken from their homes by the security police and have not been seen since. We do not know whether any of them is alive.");
        var s = analysis.Sentences[1];
        Assert.Equal(RightsCategory.Freedom, s.Rights);
        Assert.Contains(s.Evidence, e => e.Cue == CueType.Rights && e.Category == "economic_social");
        Assert.False(ExplainsRights(s.Evidence, s.Rights));
        Assert.Contains(s.Evidence, e => e.Cue == CueType.Model && e.Category == "freedom");
    }

    [Fact]
    public void A_label_of_one_sentence_that_the_first_stage_did_not_give_says_so()
    {
        // A text of one sentence is labelled by the first stage averaged with the model of
        // sentences alone; where that changes the first stage's label, a row says so, and the
        // model's words (which are the first stage's) are not listed for it.
        var analyzer = TextAnalyzer.CreateDefault();
        var models = PolicyModels.Default!;
        int changed = 0;
        var p = new float[8];
        foreach (var doc in PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus")).Documents.Take(60))
        {
            foreach (var gold in doc.Sentences)
            {
                var analysis = analyzer.Analyze(doc.Text[gold.Utf16Start..gold.Utf16End]);
                if (analysis.Sentences.Count != 1)
                {
                    continue;
                }

                var s = analysis.Sentences[0];
                var features = new List<KeyValuePair<int, float>>();
                SentenceFeaturizer.Featurize(analysis.Document, 0, analyzer.ExtractCues(analysis.Document), features);
                models.Rights.Score(features, p);
                string firstRights = models.Rights.Classes[Best(p[..models.Rights.Classes.Count])];
                models.Linkage.Score(features, p);
                string firstLinkage = models.Linkage.Classes[Best(p[..models.Linkage.Classes.Count])];
                bool ruled = s.Evidence.Any(e => e.Cue == CueType.Rule);
                Check("rights", firstRights, s.Rights.ToCode(), s, ruled: false);
                Check("linkage", firstLinkage, s.Linkage.ToCode(), s, ruled);
                changed += firstRights != s.Rights.ToCode() || firstLinkage != s.Linkage.ToCode() ? 1 : 0;
            }
        }

        Assert.True(changed > 5, $"{changed} sentences whose label is not the first stage's");

        static void Check(string task, string first, string label, SentenceAnalysis s, bool ruled)
        {
            var rows = s.Evidence.Where(e => e.Cue == CueType.Context && e.Entry.StartsWith(task + " ", StringComparison.Ordinal)).ToList();
            if (first == label || ruled)
            {
                Assert.Empty(rows);
                return;
            }

            var row = Assert.Single(rows);
            Assert.Equal($"{task} sentence-alone model (first stage: {first})", row.Entry);
            Assert.Equal(label, row.Category);
            Assert.Equal((s.Start, s.Start), (row.Start, row.End));
            Assert.DoesNotContain(s.Evidence, e => e.Cue == CueType.Model && e.Category == label);
        }

        static int Best(ReadOnlySpan<float> p)
        {
            int best = 0;
            for (int c = 1; c < p.Length; c++)
            {
                if (p[c] > p[best])
                {
                    best = c;
                }
            }

            return best;
        }
    }

    [Fact]
    public void A_word_counts_once_among_the_model_words_however_it_is_spelled()
    {
        // "gal-" and "lows" across a line end are the word "gallows": one feature, one slot.
        var analysis = TextAnalyzer.CreateDefault().Analyze("No deal on centrifuges should be silent about the gal-\nlows or the gallows.");
        var s = Assert.Single(analysis.Sentences);
        var freedom = s.Evidence.Where(e => e.Cue == CueType.Model && e.Category == "freedom").Select(e => e.Text).ToList();
        Assert.NotEmpty(freedom);
        Assert.True(freedom.Count(w => w.Replace("-\n", string.Empty, StringComparison.Ordinal) == "gallows") <= 1, string.Join(" | ", freedom));
    }
}
