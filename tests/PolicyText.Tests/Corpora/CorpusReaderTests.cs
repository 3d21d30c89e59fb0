using PolicyText.Corpora;

namespace PolicyText.Tests.Corpora;

public class CorpusReaderTests
{
    private static async IAsyncEnumerable<CorpusDocument> Documents(IAsyncEnumerable<CorpusItem> items)
    {
        await foreach (var item in items)
        {
            if (item.Document is { } d)
            {
                yield return d;
            }
        }
    }

    [Fact]
    public async Task Streams_documents_and_analyses_in_input_order_with_progress()
    {
        var path = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        var analyzer = TextAnalyzer.CreateDefault();
        var seen = new List<string>();
        long reported = 0;
        var progress = new SynchronousProgress(n => reported = n);
        await foreach (var (document, analysis) in analyzer.AnalyzeAsync(Documents(CorpusReader.ReadAsync(path)), threads: 3, progress))
        {
            seen.Add(document.Id);
            Assert.Equal(analyzer.Analyze(document.Text).Sentences.Count, analysis.Sentences.Count);
        }

        var expected = CorpusSource.Open(path).Items.Select(i => i.Document!.Id).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(490, reported);
    }

    [Fact]
    public void A_folder_is_listed_once_so_its_count_items_and_manifest_name_the_same_files()
    {
        using var dir = new PolicyText.Tests.Cli.TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "a.txt"), "Aid must flow.");
        File.WriteAllText(Path.Combine(dir.Path, "b.txt"), "Sanctions must stay.");
        var source = CorpusSource.Open(dir.Path);

        // A file written and one removed after the folder was opened (as a long run's folder may
        // change under it): the items are those of the listing the count and manifest came from.
        File.WriteAllText(Path.Combine(dir.Path, "c.txt"), "Talks must resume.");
        File.Delete(Path.Combine(dir.Path, "b.txt"));
        var items = source.Items.ToList();
        Assert.Equal(2, source.Count);
        Assert.Equal(["a", "b"], source.Files!.Select(f => f.Id));
        Assert.Equal("a", items[0].Document!.Id);
        Assert.Equal(("b", "unreadable"), (items[1].Error!.DocId, items[1].Error!.Code));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_stream()
    {
        var path = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        using var cancel = new CancellationTokenSource();
        int count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in CorpusReader.ReadAsync(path, cancellationToken: cancel.Token))
            {
                if (++count == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(10, count);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
