using System.Runtime.CompilerServices;

namespace PolicyText.Corpora;

/// <summary>Asynchronous access to corpora and to their analysis, for .NET pipelines that stream.</summary>
public static class CorpusReader
{
    /// <summary>Reads an input of any form (see <see cref="CorpusSource.Open"/>) as an asynchronous stream of items.</summary>
    /// <param name="path">The input.</param>
    /// <param name="idColumn">For CSV, the id column.</param>
    /// <param name="textColumn">For CSV, the text column.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The documents, and an error item in place of each that cannot be read.</returns>
    public static async IAsyncEnumerable<CorpusItem> ReadAsync(
        string path,
        string idColumn = "id",
        string textColumn = "text",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = CorpusSource.Open(path, idColumn, textColumn);
        foreach (var item in source.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
            await Task.Yield();
        }
    }

    /// <summary>
    /// Analyses a stream of documents, several at once, and yields the results in input order.
    /// At most four documents per thread are in memory.
    /// </summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="documents">The documents.</param>
    /// <param name="threads">Documents analysed at once.</param>
    /// <param name="progress">Receives the number of documents analysed, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>Each document with its analysis.</returns>
    /// <exception cref="ArgumentException">A document is <see langword="null"/> (thrown when it is reached).</exception>
    public static async IAsyncEnumerable<(CorpusDocument Document, DocumentAnalysis Analysis)> AnalyzeAsync(
        this TextAnalyzer analyzer,
        IAsyncEnumerable<CorpusDocument> documents,
        int threads = 0,
        IProgress<long>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(documents);
        int parallel = threads > 0 ? threads : Environment.ProcessorCount;
        var window = new Queue<(CorpusDocument Document, Task<DocumentAnalysis> Work)>();
        long done = 0;
        using var gate = new SemaphoreSlim(parallel);
        try
        {
            await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var doc = document ?? throw new ArgumentException("The documents hold a null document.", nameof(documents));
                window.Enqueue((doc, Task.Run(async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return analyzer.Analyze(doc.Text);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }, cancellationToken)));
                if (window.Count >= parallel * 4)
                {
                    var (d, work) = window.Dequeue();
                    var analysis = await work.ConfigureAwait(false);
                    progress?.Report(++done);
                    yield return (d, analysis);
                }
            }

            while (window.Count > 0)
            {
                var (d, work) = window.Dequeue();
                var analysis = await work.ConfigureAwait(false);
                progress?.Report(++done);
                yield return (d, analysis);
            }
        }
        finally
        {
            // Stopped early (the caller broke out of the loop, cancelled, or an analysis or the
            // progress failed): the analyses in flight finish before the gate is disposed, so
            // none outlives the enumeration.
            foreach (var (_, work) in window)
            {
                try
                {
                    await work.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Its result is no longer wanted; the first failure has already been thrown.
                }
            }
        }
    }
}
