using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Export;
using PolicyText.Features;
using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Tests.Cli;
using PolicyText.Text;

namespace PolicyText.Tests;

/// <summary>
/// The library used from C# as a researcher would (a review of the forty-fourth session): the
/// documented thread default, data a caller cannot change under the library, clear argument
/// errors, model files of one model, and records that compare by value.
/// </summary>
public class ApiReviewFortyFourTests
{
    [Fact]
    public void Zero_threads_means_one_per_processor_as_for_AnalyzeAsync()
    {
        // The window of documents read ahead is four per thread: count how far the reader runs
        // ahead of the first document's being written (seen through a progress report).
        static int ReadAhead(int threads)
        {
            using var tmp = new TempDir();
            int read = 0;
            int atFirstWrite = -1;
            IEnumerable<CorpusItem> Items()
            {
                for (int i = 0; i < 64; i++)
                {
                    Interlocked.Increment(ref read);
                    yield return new CorpusItem(new CorpusDocument($"d{i:D2}", "Aid must reach every clinic."), null);
                }
            }

            var progress = new SynchronousProgress(p => { if (atFirstWrite < 0) { atFirstWrite = Volatile.Read(ref read); } });
            CorpusRunner.Run(Items(), [], tmp.Path, TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = threads }, progress);
            return atFirstWrite;
        }

        Assert.Equal(4 * Environment.ProcessorCount, ReadAhead(0));
        Assert.Equal(4, ReadAhead(1));
        Assert.Equal(ReadAhead(Environment.ProcessorCount), ReadAhead(0));
        Assert.Equal(ReadAhead(Environment.ProcessorCount), ReadAhead(-3));
    }

    private sealed class SynchronousProgress(Action<CorpusRunProgress> report) : IProgress<CorpusRunProgress>
    {
        public void Report(CorpusRunProgress value) => report(value);
    }

    [Fact]
    public void The_required_and_optional_categories_cannot_be_changed_by_a_caller()
    {
        Assert.Throws<NotSupportedException>(() => ((IList<string>)LexiconSet.RequiredCategories["rights"])[2] = "genral");
        Assert.IsNotType<Dictionary<string, IReadOnlyList<string>>>(LexiconSet.RequiredCategories);
        Assert.Equal(["freedom", "economic_social", "general"], LexiconSet.RequiredCategories["rights"]);
    }

    [Fact]
    public void A_lexicons_entries_cannot_be_cleared_through_a_cast()
    {
        var entries = LexiconSet.Default.RightsLexicon.Entries;
        Assert.IsNotType<List<LexiconEntry>>(entries);
        Assert.Throws<NotSupportedException>(() => ((IList<LexiconEntry>)entries).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)LexiconSet.Default.RightsLexicon.Categories).Clear());
    }

    [Fact]
    public void A_reports_confusion_matrix_is_a_copy()
    {
        var report = new ClassificationReport("system", ["a", "b"], ["a", "b", "a"], ["a", "a", "a"]);
        var text = report.ToText();
        report.Confusion[0, 0] = 999;
        Assert.Equal(2, report.Confusion[0, 0]);
        Assert.Equal(text, report.ToText());
    }

    [Fact]
    public void Arguments_of_the_wrong_shape_are_named_and_explained()
    {
        var tooFew = Assert.Throws<ArgumentException>(() => PolicyModels.Default!.Linkage.Score(new List<KeyValuePair<int, float>>(), new float[3]));
        Assert.Equal("probabilities", tooFew.ParamName);
        Assert.Contains("The model has 4 classes; the span for their probabilities holds 3.", tooFew.Message, StringComparison.Ordinal);

        var otherText = Assert.Throws<ArgumentException>(() => LexiconSet.Default.Rights.Match("ab", Tokenizer.Default.Tokenize("A longer text about freedom."), []));
        Assert.Equal("tokens", otherText.ParamName);
        Assert.Contains("The tokens are not of this text", otherText.Message, StringComparison.Ordinal);

        var doc = TextDocument.Parse("Aid came.");
        var outside = Assert.Throws<ArgumentException>(() => new CueExtractor(LexiconSet.Default).Extract(doc, new Sentence(0, 1000, 0, 500)));
        Assert.Equal("sentence", outside.ParamName);

        Assert.Throws<ArgumentOutOfRangeException>(() => new Sentence(-1, -2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentAggregator.Summarize([((RightsCategory)42, LinkageStance.None)]));
    }

    [Fact]
    public void A_file_of_one_model_with_bytes_after_it_is_refused()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "l.model");
        using (var stream = File.Create(file))
        {
            PolicyModels.Default!.Linkage.Save(stream);
        }

        Assert.Equal(PolicyModels.Default!.Linkage.Classes, LinearModel.Load(file).Classes);
        File.AppendAllText(file, "x");
        var ex = Assert.Throws<FormatException>(() => LinearModel.Load(file));
        Assert.Contains("has 1 bytes after its model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_read_from_the_same_input_compare_equal()
    {
        Assert.Equal(
            new CorpusDocument("a", "t", new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" }),
            new CorpusDocument("a", "t", new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" }));
        Assert.NotEqual(
            new CorpusDocument("a", "t", new Dictionary<string, string> { ["x"] = "1" }),
            new CorpusDocument("a", "t", new Dictionary<string, string> { ["x"] = "2" }));
        Assert.Equal(new CorpusDocument("a", "t"), new CorpusDocument("a", "t"));

        var corpus = Path.Combine(RepoPaths.Root, "corpus");
        var first = GoldCorpus.Load(corpus).Documents;
        var second = GoldCorpus.Load(corpus).Documents;
        Assert.Equal(first[0], second[0]);
        Assert.Equal(first[0].GetHashCode(), second[0].GetHashCode());
        Assert.NotEqual(first[0], second[1]);
        // A training sentence and the same line read as a document are not the same document.
        var sentence = first.First(GoldCorpus.IsTrainingSentence);
        Assert.NotEqual(sentence, GoldCorpus.Load(Path.Combine(corpus, GoldCorpus.SentencesFileName)).Documents.First(d => d.Id == sentence.Id));

        Assert.Equal(
            new CorpusRunResult(1, 2, [new CorpusError("s", null, "c", "m")], ["sentences.csv"], new Dictionary<string, long> { ["sentences.csv"] = 2 }),
            new CorpusRunResult(1, 2, [new CorpusError("s", null, "c", "m")], ["sentences.csv"], new Dictionary<string, long> { ["sentences.csv"] = 2 }));
    }

    [Fact]
    public void The_bag_of_words_baseline_refuses_a_null_text()
    {
        var corpus = GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus", GoldCorpus.FileName));
        var baseline = new BagOfWordsBaseline(corpus.InSplit(CorpusSplit.Train).Take(12));
        Assert.Throws<ArgumentNullException>(() => baseline.Predict(null!));
    }
}
