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
