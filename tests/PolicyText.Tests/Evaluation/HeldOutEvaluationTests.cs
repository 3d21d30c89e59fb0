using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Models;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Evaluation;

/// <summary>
/// <c>eval --heldout DIR</c> scores another gold corpus, all of it, such as sentences a researcher
/// labelled by the codebook: the models and baselines still train on <c>--corpus</c>'s train split.
/// </summary>
public class HeldOutEvaluationTests
{
    private static readonly string CorpusPath = Path.Combine(RepoPaths.Root, "corpus");

    private static GoldCorpus Corpus { get; } = GoldCorpus.Load(CorpusPath);

    /// <summary>Eight test documents of the corpus, relabelled as train, dev and test: a held-out corpus's splits do not matter.</summary>
    private static string WriteHeldOut(TempDir tmp)
    {
        string[] splits = ["train", "dev", "test"];
        var lines = File.ReadLines(Path.Combine(CorpusPath, GoldCorpus.FileName))
            .Where(l => l.Contains("\"split\": \"test\"", StringComparison.Ordinal))
            .Take(8)
            .Select((l, i) => l.Replace("\"split\": \"test\"", $"\"split\": \"{splits[i % 3]}\"", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(8, lines.Count);
        var folder = Path.Combine(tmp.Path, "heldout");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, GoldCorpus.FileName), lines);
        return folder;
    }

    [Fact]
    public void Every_document_of_the_held_out_corpus_is_scored_as_its_own_split_would_be()
    {
        using var tmp = new TempDir();
        var heldOut = GoldCorpus.Load(WriteHeldOut(tmp));
        Assert.Equal(3, heldOut.Documents.Select(d => d.Split).Distinct().Count());
        var models = PolicyModels.Default!;

        var report = TaggerEvaluation.Evaluate(Corpus, heldOut, models);

        Assert.True(report.HeldOut);
        Assert.Equal(8, report.Documents);
        Assert.Equal(heldOut.Documents.Sum(d => d.Sentences.Count), report.Rights[0].Count);
        Assert.StartsWith($"held-out corpus: 8 documents, {report.Rights[0].Count} sentences", report.ToText(), StringComparison.Ordinal);
        Assert.Equal(heldOut.Documents.Select(d => d.Id), report.Predictions!.Select(p => p.DocId).Distinct());

        // The same documents as the test split of a corpus (the same train split) score the same:
        // the baselines trained on the corpus's train split, every system on the same sentences.
        var asSplit = Corpus.WithSplits((_, d) => heldOut.Documents.Any(h => h.Id == d.Id) ? CorpusSplit.Test : d.Split == CorpusSplit.Train ? CorpusSplit.Train : CorpusSplit.Dev);
        var expected = TaggerEvaluation.Evaluate(asSplit, CorpusSplit.Test, models);
        Assert.False(expected.HeldOut);
        Assert.Equal(expected.Rights.Select(r => r.MacroF1), report.Rights.Select(r => r.MacroF1));
        Assert.Equal(expected.Linkage.Select(r => r.MacroF1), report.Linkage.Select(r => r.MacroF1));
        static string Body(string text) => text[text.IndexOf('\n', StringComparison.Ordinal)..];
        Assert.Equal(Body(expected.ToText()), Body(report.ToText()));
    }

    [Fact]
    public void The_cli_scores_the_held_out_corpus_and_names_its_part_in_the_predictions()
    {
        using var tmp = new TempDir();
        var folder = WriteHeldOut(tmp);
        var file = Path.Combine(tmp.Path, "p.csv");
        var model = Path.Combine(RepoPaths.Root, "src", "PolicyText", "Models", "Resources", "policytext.models");

        var run = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, "--model", model, "--predictions", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("held-out corpus: 8 documents", run.Stdout, StringComparison.Ordinal);
        // The wait is explained on standard error, before the report: the baselines train on the
        // train split, the models are the file's.
        var trainDocuments = GoldCorpus.Load(CorpusPath).InSplit(CorpusSplit.Train).Count();
        Assert.Equal($"policytext: training the baselines on the {trainDocuments} documents of the corpus's train split, then scoring the held-out corpus; this takes a minute or more." + Environment.NewLine, run.Stderr);
        var rows = File.ReadAllLines(file).Skip(1).ToList();
        Assert.Equal(GoldCorpus.Load(folder).Documents.Sum(d => d.Sentences.Count), rows.Count);
        Assert.All(rows, r => Assert.StartsWith("heldout,", r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--split", "dev")]
    [InlineData("--split", "test")]
    [InlineData("--cv", "2")]
    public void Held_out_with_a_split_or_cross_validation_is_refused_in_one_line(string option, string value)
    {
        using var tmp = new TempDir();
        var folder = WriteHeldOut(tmp);

        var run = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("policytext: --heldout scores another corpus; it cannot be combined with --cv or --split.", run.Stderr.Trim());
    }

    [Fact]
    public void A_missing_held_out_folder_or_a_corpus_without_a_train_split_is_a_one_line_error()
    {
        using var tmp = new TempDir();
        var folder = WriteHeldOut(tmp);
        var model = Path.Combine(RepoPaths.Root, "src", "PolicyText", "Models", "Resources", "policytext.models");

        var missing = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", Path.Combine(tmp.Path, "nowhere"));
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("policytext: No corpus at", missing.Stderr, StringComparison.Ordinal);
        Assert.Single(missing.Stderr.Trim().Split('\n'));

        // The held-out folder as the training corpus: it has train documents, so pass one with none.
        var noTrain = Path.Combine(tmp.Path, "notrain");
        Directory.CreateDirectory(noTrain);
        File.WriteAllLines(Path.Combine(noTrain, GoldCorpus.FileName), File.ReadLines(Path.Combine(folder, GoldCorpus.FileName)).Where(l => !l.Contains("\"split\": \"train\"", StringComparison.Ordinal)));
        var run = CliRunner.Run("eval", "--corpus", noTrain, "--heldout", folder, "--model", model);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("policytext: The corpus has no train split to train the baselines on.", run.Stderr.Trim());
    }
}
