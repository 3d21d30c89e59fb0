using PolicyText.Corpora;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Corpora;

public class ResumeTests
{
    [Fact]
    public void An_interrupted_run_resumes_without_duplicating_rows()
    {
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        var analyzer = TextAnalyzer.CreateDefault();
        var whole = Path.Combine(tmp.Path, "whole");
        var source = CorpusSource.Open(corpus);
        CorpusRunner.Run(source.Items, source.Variables, whole, analyzer, new CorpusRunOptions { Tokens = true, Threads = 2 });

        // Interrupt after 100 documents; checkpoints every 32.
        var broken = Path.Combine(tmp.Path, "broken");
        var options = new CorpusRunOptions { Tokens = true, Threads = 2, CheckpointEvery = 32 };
        using (var cancel = new CancellationTokenSource())
        {
            source = CorpusSource.Open(corpus);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                CorpusRunner.Run(source.Items, source.Variables, broken, analyzer, options, new CancelAfter(cancel, 100), cancel.Token));
        }

        Assert.False(File.Exists(Path.Combine(broken, "sentences.csv")), "an interrupted run must not leave a finished-looking file");
        Assert.True(File.Exists(Path.Combine(broken, "sentences.csv.partial")));
        Assert.True(File.Exists(Path.Combine(broken, RunCheckpoint.FileName)));

        source = CorpusSource.Open(corpus);
        var result = CorpusRunner.Run(source.Items, source.Variables, broken, analyzer, options with { Resume = true });

        Assert.Equal(490, result.Documents);
        // The result says the run continued, and from which item: a checkpoint every 32 items, the last before the 100th.
        Assert.True(result.Resumed);
        Assert.InRange(result.ResumedItems, 32, 96);
        Assert.Equal(0, result.ResumedItems % 32);
        Assert.Equal(CorpusRunner.Run(CorpusSource.Open(corpus).Items, source.Variables, Path.Combine(tmp.Path, "again"), analyzer, options), result);
        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv", "tokens.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(broken, file)));
            Assert.False(File.Exists(Path.Combine(broken, file + ".partial")));
        }

        Assert.False(File.Exists(Path.Combine(broken, RunCheckpoint.FileName)));
    }

    [Fact]
    public void A_fresh_run_into_the_folder_removes_an_older_checkpoint_so_resume_cannot_splice_two_inputs()
    {
        // Run x is interrupted after a checkpoint; then a fresh run of another input y into the
        // same folder is interrupted before its first checkpoint, leaving y's rows in the
        // unfinished files. Resuming x must not continue x's checkpoint over y's rows: the fresh
        // run removed that checkpoint, so the resume starts afresh and gives x's files.
        using var tmp = new TempDir();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl"));
        var x = Path.Combine(tmp.Path, "x.jsonl");
        var y = Path.Combine(tmp.Path, "y.jsonl");
        File.WriteAllLines(x, lines[..150]);
        File.WriteAllLines(y, lines[^150..]);
        var analyzer = TextAnalyzer.CreateDefault();
        var whole = Path.Combine(tmp.Path, "whole");
        var source = CorpusSource.Open(x);
        CorpusRunner.Run(source.Items, source.Variables, whole, analyzer, new CorpusRunOptions());

        var folder = Path.Combine(tmp.Path, "out");
        var options = new CorpusRunOptions { CheckpointEvery = 32 };
        using (var cancel = new CancellationTokenSource())
        {
            source = CorpusSource.Open(x);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                CorpusRunner.Run(source.Items, source.Variables, folder, analyzer, options, new CancelAfter(cancel, 100), cancel.Token));
        }

        Assert.True(File.Exists(Path.Combine(folder, RunCheckpoint.FileName)));
        using (var cancel = new CancellationTokenSource())
        {
            source = CorpusSource.Open(y);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                CorpusRunner.Run(source.Items, source.Variables, folder, analyzer, options, new CancelAfter(cancel, 10), cancel.Token));
        }

        Assert.False(File.Exists(Path.Combine(folder, RunCheckpoint.FileName)), "a fresh run must not leave an older run's checkpoint beside its own files");
        source = CorpusSource.Open(x);
        var result = CorpusRunner.Run(source.Items, source.Variables, folder, analyzer, options with { Resume = true });
        Assert.Equal(150, result.Documents);
        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(folder, file)));
        }
    }

    /// <summary>300 documents, every third with HTML markup (flagged in errors.csv) and every seventh not JSON (an error instead of a document).</summary>
    private static string InputWithErrors(TempDir tmp)
    {
        var input = Path.Combine(tmp.Path, "flagged.jsonl");
        File.WriteAllLines(input, Enumerable.Range(0, 300).Select(i =>
            i % 7 == 6 ? "{not json"
            : System.Text.Json.JsonSerializer.Serialize(new { id = $"d{i}", text = i % 3 == 0 ? $"<p>Sanctions relief must wait for the camps to close, says memo {i}.</p>" : $"Aid should flow regardless of the talks, says memo {i}." })));
        return input;
    }

    [Fact]
    public void Errors_before_and_after_the_checkpoint_resume_to_the_same_errors_csv_and_stay_out_of_the_checkpoint()
    {
        using var tmp = new TempDir();
        var input = InputWithErrors(tmp);
        var analyzer = TextAnalyzer.CreateDefault();
        var whole = Path.Combine(tmp.Path, "whole");
        var source = CorpusSource.Open(input);
        var expected = CorpusRunner.Run(source.Items, source.Variables, whole, analyzer, new CorpusRunOptions());

        var broken = Path.Combine(tmp.Path, "broken");
        var options = new CorpusRunOptions { CheckpointEvery = 32 };
        using (var cancel = new CancellationTokenSource())
        {
            source = CorpusSource.Open(input);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                CorpusRunner.Run(source.Items, source.Variables, broken, analyzer, options, new CancelAfter(cancel, 150), cancel.Token));
        }

        // The errors so far are in the log beside the checkpoint, not in it: a checkpoint costs
        // the same however many errors a run has met (it is rewritten every few hundred documents).
        var checkpoint = File.ReadAllText(Path.Combine(broken, RunCheckpoint.FileName));
        Assert.DoesNotContain("markup_suspected", checkpoint, StringComparison.Ordinal);
        Assert.Contains("markup_suspected", File.ReadAllText(Path.Combine(broken, RunCheckpoint.ErrorLogName)), StringComparison.Ordinal);

        source = CorpusSource.Open(input);
        var result = CorpusRunner.Run(source.Items, source.Variables, broken, analyzer, options with { Resume = true });

        Assert.Equal(expected, result);
        Assert.Equal(128, result.Errors.Count); // 86 flagged, 42 not read
        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv", "errors.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(broken, file)));
        }

        Assert.False(File.Exists(Path.Combine(broken, RunCheckpoint.ErrorLogName)));
        Assert.False(File.Exists(Path.Combine(whole, RunCheckpoint.ErrorLogName)));
    }

    [Fact]
    public void A_damaged_log_of_errors_is_refused()
    {
        using var tmp = new TempDir();
        var input = InputWithErrors(tmp);
        var output = Path.Combine(tmp.Path, "out");
        using (var cancel = new CancellationTokenSource())
        {
            var source = CorpusSource.Open(input);
            Assert.ThrowsAny<OperationCanceledException>(() => CorpusRunner.Run(source.Items, source.Variables, output, TextAnalyzer.CreateDefault(),
                new CorpusRunOptions { CheckpointEvery = 32 }, new CancelAfter(cancel, 150), cancel.Token));
        }

        var log = Path.Combine(output, RunCheckpoint.ErrorLogName);
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines[1..]);
        var again = CorpusSource.Open(input);
        var refused = Assert.Throws<IOException>(() => CorpusRunner.Run(again.Items, again.Variables, output, TextAnalyzer.CreateDefault(),
            new CorpusRunOptions { CheckpointEvery = 32, Resume = true }));
        Assert.Contains("log of errors (checkpoint-errors.jsonl) is missing or damaged", refused.Message, StringComparison.Ordinal);

        File.Delete(log);
        again = CorpusSource.Open(input);
        refused = Assert.Throws<IOException>(() => CorpusRunner.Run(again.Items, again.Variables, output, TextAnalyzer.CreateDefault(),
            new CorpusRunOptions { CheckpointEvery = 32, Resume = true }));
        Assert.Contains("is missing or damaged", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_key_in_parts_is_refused_naming_the_parts_that_differ()
    {
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        var analyzer = TextAnalyzer.CreateDefault();
        var options = new CorpusRunOptions { CheckpointEvery = 16, RunKey = "data\tx\nsettings\ty\nversion\t1\n" };
        using (var cancel = new CancellationTokenSource())
        {
            var source = CorpusSource.Open(corpus);
            Assert.ThrowsAny<OperationCanceledException>(() => CorpusRunner.Run(source.Items, source.Variables, tmp.Path, analyzer, options, new CancelAfter(cancel, 40), cancel.Token));
        }

        IOException Refusal(string key)
        {
            var again = CorpusSource.Open(corpus);
            return Assert.Throws<IOException>(() => CorpusRunner.Run(again.Items, again.Variables, tmp.Path, analyzer, options with { Resume = true, RunKey = key }));
        }

        Assert.Equal($"The run in '{tmp.Path}' cannot be resumed: it differs from this run in its settings. Start afresh without --resume, or use another folder.", Refusal("data\tx\nsettings\tz\nversion\t1\n").Message);
        Assert.Contains("it differs from this run in its data, settings and version.", Refusal("data\tw\nsettings\tz\nversion\t2\n").Message, StringComparison.Ordinal);
        Assert.Contains("it differs from this run in its version.", Refusal("data\tx\nsettings\ty\n").Message, StringComparison.Ordinal);

        // Another set of files (tokens.csv) under the same key: the files are named.
        var files = CorpusSource.Open(corpus);
        var other = Assert.Throws<IOException>(() => CorpusRunner.Run(files.Items, files.Variables, tmp.Path, analyzer, options with { Resume = true, Tokens = true }));
        Assert.Contains("it differs from this run in its files written (this run also writes tokens.csv).", other.Message, StringComparison.Ordinal);

        // An unfinished file cut short is said to be so.
        File.WriteAllText(Path.Combine(tmp.Path, "evidence.csv.partial"), "x");
        var cut = CorpusSource.Open(corpus);
        var shorter = Assert.Throws<IOException>(() => CorpusRunner.Run(cut.Items, cut.Variables, tmp.Path, analyzer, options with { Resume = true }));
        Assert.Contains("its unfinished file evidence.csv.partial is missing or shorter than its checkpoint says", shorter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_without_a_checkpoint_starts_afresh_and_a_changed_run_is_refused()
    {
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        Assert.Equal(0, CliRunner.Run("analyze", corpus, "--out", tmp.Path, "--resume", "-q").ExitCode);
        var fresh = CorpusSource.Open(corpus);
        var afresh = CorpusRunner.Run(fresh.Items, fresh.Variables, Path.Combine(tmp.Path, "lib"), TextAnalyzer.CreateDefault(), new CorpusRunOptions { Resume = true });
        Assert.False(afresh.Resumed);
        Assert.Equal(0, afresh.ResumedItems);
        Assert.Equal(12919, File.ReadAllLines(Path.Combine(tmp.Path, "sentences.csv")).Length);

        // A checkpoint for other files (tokens.csv) than this run writes cannot be continued.
        var analyzer = TextAnalyzer.CreateDefault();
        using (var cancel = new CancellationTokenSource())
        {
            var source = CorpusSource.Open(corpus);
            Assert.ThrowsAny<OperationCanceledException>(() => CorpusRunner.Run(source.Items, source.Variables, tmp.Path, analyzer,
                new CorpusRunOptions { Tokens = true, CheckpointEvery = 16 }, new CancelAfter(cancel, 40), cancel.Token));
        }

        var result = CliRunner.Run("analyze", corpus, "--out", tmp.Path, "--resume", "-q");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be resumed", result.Stderr, StringComparison.Ordinal);
    }
}

public class KilledRunTests
{
    [SkippableFact]
    public void A_killed_process_resumes_to_the_same_files()
    {
        using var tmp = new TempDir();

        // About 8,600 documents: long enough to be killed after a checkpoint.
        var input = Path.Combine(tmp.Path, "in.jsonl");
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl"));
        using (var writer = new StreamWriter(input))
        {
            for (int copy = 0; copy < 20; copy++)
            {
                foreach (var line in lines)
                {
                    using var json = System.Text.Json.JsonDocument.Parse(line);
                    var id = json.RootElement.GetProperty("id").GetString() + "-" + copy;
                    var text = json.RootElement.GetProperty("text").GetString();
                    writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id, text }));
                }
            }
        }

        var whole = Path.Combine(tmp.Path, "whole");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", whole, "-q").ExitCode);

        var killed = Path.Combine(tmp.Path, "killed");
        var cli = typeof(PolicyText.Cli.Program).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "analyze", input, "--out", killed, "-q", "--threads", "1" })
        {
            start.ArgumentList.Add(a);
        }

        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            var checkpoint = Path.Combine(killed, RunCheckpoint.FileName);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(checkpoint) && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Skip.If(process.HasExited, "the run finished before a checkpoint could be interrupted");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.False(File.Exists(Path.Combine(killed, "sentences.csv")));

        // Another input with the same fields (one text changed) must not be spliced onto the run.
        var other = Path.Combine(tmp.Path, "other.jsonl");
        var otherLines = File.ReadAllLines(input);
        otherLines[^1] = otherLines[^1].Replace("\"text\": \"", "\"text\": \"Changed. ", StringComparison.Ordinal);
        File.WriteAllLines(other, otherLines);
        var refused = CliRunner.Run("analyze", other, "--out", killed, "-q", "--resume");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cannot be resumed: it differs from this run in its input (its files' names or contents).", refused.Stderr, StringComparison.Ordinal);
        var otherOption = CliRunner.Run("analyze", input, "--out", killed, "-q", "--resume", "--raw-cells");
        Assert.Equal(1, otherOption.ExitCode);
        Assert.Contains("cannot be resumed: it differs from this run in its options (--tokens, --raw-cells, --id-column, --text-column).", otherOption.Stderr, StringComparison.Ordinal);
        var both = CliRunner.Run("analyze", other, "--out", killed, "-q", "--resume", "--tokens");
        Assert.Contains("cannot be resumed: it differs from this run in its input (its files' names or contents) and options (--tokens, --raw-cells, --id-column, --text-column).", both.Stderr, StringComparison.Ordinal);

        // The same file named another way is the same input.
        Assert.Equal(0, CliRunner.Run("analyze", Path.Combine(tmp.Path, ".", "in.jsonl"), "--out", killed, "-q", "--resume").ExitCode);
        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(killed, file)));
        }
    }
}
