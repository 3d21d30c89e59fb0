using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Models;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Models;

public class ShippedModelTests
{
    [Fact]
    public void The_shipped_models_are_what_train_makes_from_the_shipped_corpus()
    {
        var shipped = Path.Combine(RepoPaths.Root, "src", "PolicyText", "Models", "Resources", "policytext.models");
        var trained = TaggerEvaluation.Train(GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus")));
        using var stream = new MemoryStream();
        trained.Save(stream);

        // If this fails, the features, lexicons, trainer or corpus changed: retrain with
        // dotnet run --project src/PolicyText.Cli -- train --corpus corpus --out src/PolicyText/Models/Resources/policytext.models
        Assert.True(File.ReadAllBytes(shipped).AsSpan().SequenceEqual(stream.ToArray()), "the shipped model file is stale");
        Assert.NotNull(PolicyModels.Default);
        Assert.Equal(PolicyModels.Default!.Version, trained.Version);
    }

    [Fact]
    public void Train_and_eval_run_from_the_command_line()
    {
        using var tmp = new TempDir();
        var model = Path.Combine(tmp.Path, "m.models");
        var train = CliRunner.Run("train", "--corpus", Path.Combine(RepoPaths.Root, "corpus"), "--out", model);
        Assert.Equal(0, train.ExitCode);
        Assert.True(new FileInfo(model).Length > 0);

        var eval = CliRunner.Run("eval", "--corpus", Path.Combine(RepoPaths.Root, "corpus"), "--split", "dev", "--model", model);
        Assert.Equal(0, eval.ExitCode);
        foreach (var system in TaggerEvaluation.Systems)
        {
            Assert.Contains(system, eval.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("confusion (rows gold, columns predicted)", eval.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("eval", "--corpus", Path.Combine(RepoPaths.Root, "corpus"), "--split", "holdout").ExitCode);
        Assert.Equal(1, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", tmp.Path, "--model", Path.Combine(tmp.Path, "missing.models")).ExitCode);
    }

    [Fact]
    public void Cross_validation_holds_out_every_train_and_dev_document_once_and_never_uses_test()
    {
        var corpus = GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var report = TaggerEvaluation.CrossValidate(corpus, 2);
        Assert.Equal(2, report.Folds.Count);
        int pooled = corpus.Documents.Count(d => d.Split != CorpusSplit.Test);
        Assert.Equal(pooled, report.Folds.Sum(f => f.Documents));
        Assert.Equal(corpus.Documents.Where(d => d.Split != CorpusSplit.Test).Sum(d => d.Sentences.Count), report.Folds.Sum(f => f.Rights[0].Count));
        var (rights, linkage, _, _) = report.Mean("PolicyText default");
        Assert.InRange(rights, report.Mean("majority class").Rights + 0.3, 1);
        Assert.InRange(linkage, report.Mean("majority class").Linkage + 0.3, 1);
        Assert.Contains("mean  PolicyText default", report.ToText(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TaggerEvaluation.CrossValidate(corpus, 1));

        var cli = CliRunner.Run("eval", "--corpus", Path.Combine(RepoPaths.Root, "corpus"), "--cv", "2", "--model", "x.models");
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("--cv", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_lexicon_loads_from_the_command_line()
    {
        using var tmp = new TempDir();
        var lexicon = Path.Combine(tmp.Path, "rights.lexicon");
        File.WriteAllText(lexicon, "@lexicon rights\n@version custom-1\n[freedom]\nzorbling\n[economic_social]\nfood\n[general]\nhuman rights\n");
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Zorbling was banned.");
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"), "--lexicon", lexicon);
        Assert.Equal(0, result.ExitCode);
        var evidence = File.ReadAllText(Path.Combine(tmp.Path, "out", "evidence.csv"));
        Assert.Contains("Zorbling,zorbling,freedom,rights", evidence, StringComparison.Ordinal);

        File.WriteAllText(lexicon, "@lexicon rights\n@version 2\n[freedom]\nx\n");
        var bad = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"), "--lexicon", lexicon);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("lacks the categories", bad.Stderr, StringComparison.Ordinal);
    }
}
