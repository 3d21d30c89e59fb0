using PolicyText.Cli;
using PolicyText.Corpora;

namespace PolicyText.Tests.Cli;

/// <summary>The progress line says how many documents could not be analysed, which add nothing to its megabytes.</summary>
public class ProgressReporterTests
{
    [Fact]
    public void The_progress_line_counts_documents_not_analysed()
    {
        var clean = ProgressReporter.Format(new CorpusRunProgress(2_000, 3_000_000), TimeSpan.FromSeconds(2), null);
        Assert.Equal("2,000 documents, 3.0 MB in 2 s: 1000 documents/s, 1.5 MB/s", clean);

        var allFailed = ProgressReporter.Format(new CorpusRunProgress(2_000, 0) { Failed = 2_000 }, TimeSpan.FromSeconds(2), null);
        Assert.Equal("2,000 documents (2,000 not analysed), 0.0 MB in 2 s: 1000 documents/s, 0.0 MB/s", allFailed);

        var share = ProgressReporter.Format(new CorpusRunProgress(5, 1_000_000) { Failed = 1 }, TimeSpan.FromSeconds(1), 10);
        Assert.Equal("[###############...............] 50 % 5/10 documents (1 not analysed), 1.0 MB, 5 documents/s, 1.0 MB/s", share);
    }

    [Fact]
    public void A_run_reports_its_failures_in_its_progress()
    {
        using var dir = new TempDir();
        var reports = new List<CorpusRunProgress>();
        var progress = new SynchronousProgress(reports.Add);
        // A read error, a document, and a flagged document (analysed, so not failed).
        CorpusItem[] items =
        [
            new(null, new CorpusError("in.jsonl:1", null, "malformed_line", "bad")),
            new(new CorpusDocument("a", "Aid must flow."), null),
            new(new CorpusDocument("b", "<p>Aid must flow.</p>"), null),
        ];
        var result = CorpusRunner.Run(items, [], Path.Combine(dir.Path, "out"), TextAnalyzer.CreateDefault(), new CorpusRunOptions(), progress);
        Assert.Equal([(1L, 0L, 1L), (2L, 14L, 1L), (3L, 35L, 1L)], reports.Select(r => (r.Documents, r.Characters, r.Failed)));
        Assert.Equal(["malformed_line", "markup_suspected"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void The_manifest_names_the_files_the_folder_was_listed_with()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "a.txt"), "Aid must flow.");
        var source = CorpusSource.Open(dir.Path);
        File.WriteAllText(Path.Combine(dir.Path, "b.txt"), "Written after the listing.");
        Assert.Equal(["a.txt"], PolicyText.Cli.Program.Inputs(dir.Path, source.Files).Select(i => i.Path));
    }

    private sealed class SynchronousProgress(Action<CorpusRunProgress> report) : IProgress<CorpusRunProgress>
    {
        public void Report(CorpusRunProgress value) => report(value);
    }
}
