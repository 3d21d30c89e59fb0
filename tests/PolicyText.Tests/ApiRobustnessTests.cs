using Microsoft.ML;
using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Features;
using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests;

/// <summary>
/// Uses of the public API found by an adversarial review: each used to crash deep inside the
/// library, give silently wrong results, or leave work running after the call returned.
/// </summary>
public class ApiRobustnessTests
{
    private const string RightsHeader = "@lexicon rights\n@version test\n[freedom]\nprison*\n[economic_social]\nfood\n[general]\nhuman rights\n";

    [Theory]
    [InlineData("anti-*")]
    [InlineData("ab.*")]
    [InlineData("(ab*")]
    public void A_glob_with_too_few_characters_once_tokenized_is_refused_naming_its_line(string entry)
    {
        var lexicon = Lexicon.Parse(RightsHeader + entry + "\n", "my.lexicon");
        var ex = Assert.Throws<FormatException>(() => LexiconSet.Default.With(lexicon));
        Assert.Contains("rights lexicon, line 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_categories_than_the_matcher_keeps_are_refused_not_left_unmatched()
    {
        var extra = string.Concat(Enumerable.Range(0, 70).Select(i => $"[extra{i}]\nword{i}\n"));
        var lexicon = Lexicon.Parse(RightsHeader + extra, "big.lexicon");
        Assert.Throws<ArgumentException>(() => new LexiconMatcher(lexicon));
        Assert.Throws<ArgumentException>(() => LexiconSet.Default.With(lexicon));

        // 64 categories in one matcher still match, the last one included.
        var fits = Lexicon.Parse(RightsHeader + string.Concat(Enumerable.Range(0, 61).Select(i => $"[extra{i}]\nword{i}\n")), "fits.lexicon");
        var document = TextDocument.Parse("word60 and word0.");
        Assert.Equal(2, new LexiconMatcher(fits).Match(document, []));
    }

    [Fact]
    public void A_set_made_with_With_keeps_its_tokenizer()
    {
        // "xyz." is an abbreviation only for the custom tokenizer: the entry "xyz. act" is one
        // token and a word for it, three tokens for the default one.
        var tokenizer = new Tokenizer(Abbreviations.Parse("xyz prefix\n", "The\n"));
        var custom = new LexiconSet(LexiconSet.Default.RightsLexicon, LexiconSet.Default.LinkageLexicon, LexiconSet.Default.CuesLexicon, tokenizer);
        var rights = Lexicon.Parse(RightsHeader + "xyz. act\n", "rights.lexicon");
        var analyzer = new TextAnalyzer(new TextAnalyzerOptions { Tokenizer = tokenizer, Lexicons = custom.With(rights), Models = null });

        var evidence = analyzer.Analyze("The xyz. act passed.").Sentences.SelectMany(s => s.Evidence).ToList();

        Assert.Contains(evidence, e => e.Text == "xyz. act");
    }

    [Fact]
    public void A_lexicon_file_with_a_byte_order_mark_or_cr_line_ends_parses()
    {
        var lexicon = Lexicon.Parse("\uFEFF" + RightsHeader.Replace("\n", "\r", StringComparison.Ordinal) + "korea's\rkorea\u2019s\r", "cr.lexicon");
        Assert.Equal("rights", lexicon.Name);
        Assert.Single(lexicon.Entries, e => e.Pattern.StartsWith("korea", StringComparison.Ordinal));
    }

    [Fact]
    public void Feature_export_reads_the_text_as_the_analyzer_does()
    {
        var abbreviations = Abbreviations.Parse("flow prefix\n", "The\n");
        var analyzer = new TextAnalyzer(new TextAnalyzerOptions { Tokenizer = new Tokenizer(abbreviations), Segmenter = new SentenceSegmenter(abbreviations) });
        const string Text = "Aid must flow. Children need clean water.";
        int sentences = analyzer.Analyze(Text).Sentences.Count;

        var view = analyzer.ToDataView(new Microsoft.ML.MLContext(seed: 1), [Text]);

        Assert.Equal(sentences, view.Preview().RowView.Length);
        Assert.Equal(1, sentences);
    }

    [Fact]
    public void Feature_export_names_a_null_text_by_its_position()
    {
        // It failed with "Value cannot be null. (Parameter 'text')", naming no text.
        var view = TextAnalyzer.CreateDefault().ToDataView(new Microsoft.ML.MLContext(seed: 1), ["Aid must flow.", "", null!, "Water."]);
        var ex = Assert.ThrowsAny<Exception>(() => view.Preview());
        var inner = ex as ArgumentException ?? ex.InnerException as ArgumentException;
        Assert.NotNull(inner);
        Assert.StartsWith("The text at position 2 is null", inner.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 40, 0, 19)]
    [InlineData(0, 30, 20, 40)]
    [InlineData(0, 19, 50, 600)]
    [InlineData(5, 2, 20, 40)]
    public void Given_sentence_spans_must_be_in_order_inside_the_text(int s1, int e1, int s2, int e2)
    {
        const string Text = "Food aid must flow. Sanctions should stay. The talks end.";
        Assert.Throws<ArgumentException>(() => TextDocument.WithSentences(Text, [(s1, e1), (s2, e2)]));
    }

    [Fact]
    public void Null_ids_texts_and_models_fail_where_they_are_made()
    {
        Assert.Throws<ArgumentNullException>(() => new CorpusDocument(null!, "Text."));
        Assert.Throws<ArgumentNullException>(() => new CorpusDocument("a", null!));
        var document = new CorpusDocument("a", "Text.");
        Assert.Throws<ArgumentNullException>(() => document with { Id = null! });
        Assert.Throws<ArgumentNullException>(() => document with { Text = null! });
        Assert.Equal("CorpusDocument { Id = a, Text = Text., Variables =  }", document.ToString());
        var shipped = PolicyModels.Default!;
        Assert.Throws<ArgumentNullException>(() => new PolicyModels(null!, shipped.Linkage, shipped.RightsInContext, shipped.LinkageInContext));
        Assert.Throws<ArgumentNullException>(() => shipped with { LinkageInContext = null! });
    }

    [Fact]
    public void Models_that_load_would_refuse_are_not_saved()
    {
        var shipped = PolicyModels.Default!;
        var swapped = new PolicyModels(shipped.Rights, shipped.Linkage, shipped.Rights, shipped.Linkage);
        using var stream = new MemoryStream();
        Assert.Throws<InvalidOperationException>(() => swapped.Save(stream));
    }

    [Fact]
    public void A_model_file_with_trailing_bytes_is_refused_but_a_stream_may_go_on()
    {
        using var saved = new MemoryStream();
        PolicyModels.Default!.Save(saved);
        var bytes = saved.ToArray();

        // Load(Stream) reads the models and leaves what follows them (the caller's data) alone.
        Assert.NotNull(PolicyModels.Load(new ForwardOnly([.. bytes, 1, 2, 3])));
        var stream = new MemoryStream([.. bytes, 7]);
        Assert.NotNull(PolicyModels.Load(stream));
        Assert.Equal(7, stream.ReadByte());

        // A model file is the models and nothing else.
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var file = Path.Combine(tmp.Path, "m.models");
        File.WriteAllBytes(file, bytes);
        Assert.NotNull(PolicyModels.Load(file));
        File.WriteAllBytes(file, [.. bytes, 0]);
        Assert.Contains("bytes after its last model", Assert.Throws<FormatException>(() => PolicyModels.Load(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_of_another_text_are_an_argument_error_for_the_segmenter()
    {
        var tokens = Tokenizer.Default.Tokenize("Sanctions work. Aid helps.");
        var ex = Assert.Throws<ArgumentException>(() => SentenceSegmenter.Default.Segment("ab", tokens));
        Assert.Contains("not of this text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_document_in_an_async_stream_is_an_argument_error()
    {
        static async IAsyncEnumerable<CorpusDocument> Documents()
        {
            yield return new CorpusDocument("a", "Aid must flow.");
            await Task.Yield();
            yield return null!;
        }

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in TextAnalyzer.CreateDefault().AnalyzeAsync(Documents(), 2))
            {
            }
        });
    }

    [Fact]
    public void A_null_variable_value_is_an_empty_cell_and_the_row_stays_whole()
    {
        using var stream = new MemoryStream();
        var analyzer = TextAnalyzer.CreateDefault();
        using (var writer = new PolicyText.Export.DocumentCsvWriter(stream, leaveOpen: true, variables: ["country"]))
        {
            writer.Write("d1", analyzer.Analyze("Aid."), new Dictionary<string, string> { ["country"] = null! });
            writer.Write("d2", analyzer.Analyze("Aid."), new Dictionary<string, string> { ["country"] = "x" });
        }

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("d1,,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("d2,x,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Small_inputs_fail_with_argument_errors_not_from_deep_inside()
    {
        Assert.Throws<ArgumentException>(() => new BagOfWordsBaseline([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RightsCategory)42).ToCode());
        Assert.Throws<ArgumentException>(() => new ClassificationReport("s", ["a", "b"], ["a"], ["c"]));
        Assert.Equal(0, TextStatistics.CountSyllables(string.Empty));

        // One train document (and two test documents): too few to train the second stage.
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl")).Take(3)
            .Select((l, i) => System.Text.RegularExpressions.Regex.Replace(l, "\"split\": \"[a-z]+\"", i == 0 ? "\"split\": \"train\"" : "\"split\": \"test\""));
        File.WriteAllLines(Path.Combine(tmp.Path, "documents.jsonl"), lines);
        var ex = Assert.Throws<ArgumentException>(() => TaggerEvaluation.Train(GoldCorpus.Load(tmp.Path)));
        Assert.Contains("at least two documents", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_train_split_with_one_label_for_a_task_is_a_clear_error_for_the_baseline()
    {
        // Every train sentence relabelled linkage "none": eval's bag-of-words baseline cannot be
        // trained, and says why instead of passing on ML.NET's "numClasses" message.
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl")).Take(3)
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"linkage\": \"[a-z_]+\"", "\"linkage\": \"none\""));
        File.WriteAllLines(Path.Combine(tmp.Path, "documents.jsonl"), lines);
        var corpus = GoldCorpus.Load(tmp.Path);
        var ex = Assert.Throws<ArgumentException>(() => new BagOfWordsBaseline(corpus.Documents));
        Assert.Contains("only one linkage label ('none')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_corpus_item_is_reported_not_counted_as_a_document()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        CorpusItem[] items = [new(new CorpusDocument("a", "Food aid must flow."), null), default];
        var result = CorpusRunner.Run(items, [], tmp.Path, TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = 1 });
        Assert.Equal("empty_item", Assert.Single(result.Errors).Code);
        Assert.Equal(1, result.Documents);
    }

    internal static async IAsyncEnumerable<CorpusDocument> Documents(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new CorpusDocument("d" + i, string.Concat(Enumerable.Repeat("Food aid must flow to the children. ", 50)));
        }
    }

    /// <summary>A stream that can only be read forward, as from a network.</summary>
    private sealed class ForwardOnly(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// Runs stopped early must not leave analyses running. These tests count unobserved task
/// exceptions process-wide, so they run apart from the others.
/// </summary>
[Collection(nameof(InFlightAnalysisTests))]
[CollectionDefinition(nameof(InFlightAnalysisTests), DisableParallelization = true)]
public class InFlightAnalysisTests
{
    [Fact]
    public void Cancelling_after_the_last_document_was_read_moves_no_file_into_place()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var items = Enumerable.Range(0, 40).Select(i => new CorpusItem(new CorpusDocument("d" + i, "Food aid must flow."), null)).ToList();
        using var cancel = new CancellationTokenSource();
        var progress = new PolicyText.Tests.Corpora.CancelAfter(cancel, 35);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            CorpusRunner.Run(items, [], tmp.Path, TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = 2 }, progress, cancel.Token));
        Assert.False(File.Exists(Path.Combine(tmp.Path, "sentences.csv")));
    }

    [Fact]
    public async Task Breaking_out_of_analyze_async_leaves_no_analysis_running()
    {
        var unobserved = 0;
        void Count(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += Count;
        try
        {
            var analyzer = TextAnalyzer.CreateDefault();
            await foreach (var (document, _) in analyzer.AnalyzeAsync(ApiRobustnessTests.Documents(200), threads: 2))
            {
                if (document.Id == "d3")
                {
                    break;
                }
            }

            WaitAndCollect();

            Assert.Equal(0, unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Count;
        }
    }

    [Fact]
    public void A_run_stopped_by_its_input_waits_for_the_analyses_in_flight()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var unobserved = 0;
        void Count(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += Count;
        try
        {
            var thrown = Assert.Throws<IOException>(() => CorpusRunner.Run(Failing(10), [], tmp.Path, TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = 2 }));
            Assert.Equal("the input broke", thrown.Message);
            WaitAndCollect();
            Assert.Equal(0, unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Count;
        }
    }

    private static IEnumerable<CorpusItem> Failing(int after)
    {
        for (int i = 0; i < after; i++)
        {
            yield return new CorpusItem(new CorpusDocument("d" + i, LongText), null);
        }

        throw new IOException("the input broke");
    }

    private static readonly string LongText = string.Concat(Enumerable.Repeat("Food aid must flow to the children. ", 400));

    /// <summary>Analyses still running after a call returned would fail on its disposed gate; once they are done and collected, their failures are reported as unobserved.</summary>
    private static void WaitAndCollect()
    {
        Thread.Sleep(1500);
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    // A second review, of the API as a NuGet user (forty-first session).

    [Fact]
    public void A_token_of_nothing_but_hyphens_has_one_part_itself()
    {
        const string text = "pre- and post-war -- \u2010";
        foreach (var token in Tokenizer.Default.Tokenize(text))
        {
            var parts = new List<Token>();
            foreach (var part in token.GetParts(text))
            {
                parts.Add(part);
            }

            Assert.NotEmpty(parts);
            if (token.GetText(text).ToString().Trim('-', '\u2010').Length == 0)
            {
                Assert.Equal([token], parts);
            }
        }
    }

    [Fact]
    public void Two_analyses_of_one_text_compare_equal_and_of_another_do_not()
    {
        var a = TextAnalyzer.CreateDefault();
        var b = TextAnalyzer.CreateDefault();
        const string text = "Sanctions must stay until the camps close. Food aid should never wait for talks.";

        var x = a.Analyze(text);
        var y = b.Analyze(text);

        Assert.Equal(x, y);
        Assert.True(x == y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
        Assert.Equal(x.Sentences[1], y.Sentences[1]);
        Assert.Equal(x.Sentences[1].GetHashCode(), y.Sentences[1].GetHashCode());
        Assert.NotEqual(x, a.Analyze(text + " Talks go on."));
        Assert.NotEqual(x.Sentences[0], x.Sentences[1]);
        Assert.NotEqual(x.Sentences[0], x.Sentences[0] with { RightsConfidence = 0.5f });
    }

    [Fact]
    public void Training_refuses_examples_it_cannot_learn_from_with_argument_errors()
    {
        string[] classes = ["a", "b"];
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, []));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", ["a"], [new TrainingExample([new(1, 1f)], 0)]));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, [new TrainingExample([new(1, 1f)], 2)]));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, [new TrainingExample([new(SentenceFeaturizer.Dimension, 1f)], 0), new TrainingExample([new(1, 1f)], 1)]));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, [new TrainingExample([new(5, 1f), new(2, 1f)], 0), new TrainingExample([new(1, 1f)], 1)]));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, [new TrainingExample(null!, 0)]));
        var ex = Assert.Throws<ArgumentException>(() => ModelTrainer.Train("rights", "1", classes, [new TrainingExample([new(1, float.NaN)], 0), new TrainingExample([new(1, 1f)], 1)]));
        Assert.Contains("Training example 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_segmenter_refuses_tokens_that_are_not_of_the_text_with_argument_errors()
    {
        Assert.Throws<ArgumentException>(() => SentenceSegmenter.Default.Segment(string.Empty, new Token[1]));
        Assert.Throws<ArgumentException>(() => SentenceSegmenter.Default.Segment("ab", [new Token(0, 50, TokenKind.Word), new Token(0, 1, TokenKind.Word)]));
        Assert.Throws<ArgumentException>(() => SentenceSegmenter.Default.Segment("ab cd", [new Token(3, 2, TokenKind.Word), new Token(0, 2, TokenKind.Word)]));
        Assert.Single(SentenceSegmenter.Default.Segment("ab cd", [new Token(0, 2, TokenKind.Word), new Token(3, 2, TokenKind.Word)]));
    }

    [Fact]
    public void An_abbreviation_list_with_a_byte_order_mark_keeps_its_first_entry()
    {
        var list = Abbreviations.Parse("\uFEFFdr prefix\nsen prefix\n", "\uFEFFThe\n");
        Assert.Equal(AbbreviationKind.Prefix, list.Lookup("dr"));
        Assert.True(list.IsSentenceStarter("The"));
        Assert.Equal(AbbreviationKind.Prefix, Abbreviations.Parse("\uFEFF# list\ndr prefix\n", string.Empty).Lookup("dr"));
    }

    [Fact]
    public void Reports_and_models_without_classes_or_folds_are_refused_when_made()
    {
        Assert.Throws<ArgumentException>(() => new ClassificationReport("s", [], [], []));
        Assert.Throws<ArgumentException>(() => new ClassificationReport("s", ["a", "a"], [], []));
        Assert.Throws<ArgumentException>(() => new CrossValidationReport([]));
        Assert.Throws<ArgumentException>(() => SegmenterEvaluation.Run([null!]));
        Assert.Throws<ArgumentException>(() => new LinearModel("rights", "1", ["a", "b"], [new float[SentenceFeaturizer.Dimension], null!], [0f, 0f]));
        Assert.Throws<ArgumentException>(() => new LinearModel("x", "1", [], [], []));
    }

    [Fact]
    public void The_featurizer_refuses_indexes_and_shapes_out_of_range()
    {
        var document = TextDocument.Parse("Food aid must flow.");
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        Assert.Throws<ArgumentOutOfRangeException>(() => SentenceFeaturizer.Featurize(document, 1, cues, []));
        Assert.Throws<ArgumentException>(() => SentenceFeaturizer.Featurize(document, 0, [], []));
        float[][] probabilities = [[0.5f, 0.5f], [0.2f, 0.8f]];
        var sums = SentenceFeaturizer.ContextSums(probabilities);
        Assert.Throws<ArgumentException>(() => SentenceFeaturizer.Context(probabilities, sums, 0, new KeyValuePair<int, float>[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SentenceFeaturizer.WithContext([], probabilities, 2));
        Assert.Throws<ArgumentException>(() => SentenceFeaturizer.ContextSums([[0.5f, 0.5f], [1f]]));
        Assert.Throws<ArgumentException>(() => SentenceFeaturizer.WithContext([], probabilities, [1f], 0));
    }

    [Fact]
    public void A_run_counts_as_analysed_every_document_it_writes_whatever_its_flag()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        CorpusItem[] items =
        [
            new(new CorpusDocument("a", "Food aid must flow."), new CorpusError("mine", "a", "reviewed_by_hand", "A flag of the user's own.")),
            new(null, new CorpusError("mine", "b", "unreadable", "Lost.")),
            new(new CorpusDocument("c", "Talks resume."), null),
        ];

        var result = CorpusRunner.Run(items, [], tmp.Path, TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = 1 });

        Assert.Equal(2, result.Documents);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(tmp.Path, "documents.csv")).Length);
        Assert.Equal(2, result.Errors.Count);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a", "")]
    public void A_model_file_with_fewer_than_two_classes_or_an_empty_one_is_damaged(params string[] classes)
    {
        // A model stream written by hand in Save's format.
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var valid = new MemoryStream();
            new LinearModel("rights", "x", ["a", "b"], [new float[SentenceFeaturizer.Dimension], new float[SentenceFeaturizer.Dimension]], [0f, 0f]).Save(valid);
            valid.Position = 0;
            using var r = new BinaryReader(valid);
            w.Write(r.ReadString());
            w.Write(r.ReadInt32());
            w.Write(r.ReadString());
            w.Write(r.ReadString());
            w.Write(r.ReadString());
            w.Write(r.ReadInt32());
            w.Write(classes.Length);
            foreach (var c in classes)
            {
                w.Write(c);
                w.Write(0f);
                w.Write(0);
            }
        }

        stream.Position = 0;
        Assert.Throws<FormatException>(() => LinearModel.Load(stream));
    }

    [Fact]
    public void A_segmentation_case_without_expected_sentences_and_a_null_label_are_refused_when_given()
    {
        Assert.Throws<ArgumentException>(() => SegmenterEvaluation.Run([new SegmentationCase("1", "A b.", null!)]));
        Assert.Throws<ArgumentException>(() => new ClassificationReport("s", ["a", null!], [], []));
    }
}
