using PolicyText.Corpora;

namespace PolicyText.Tests.Corpora;

/// <summary>Cancels a run from its progress once it has done <paramref name="documents"/> documents.</summary>
internal sealed class CancelAfter(CancellationTokenSource source, long documents) : IProgress<CorpusRunProgress>
{
    public void Report(CorpusRunProgress value)
    {
        if (value.Documents >= documents)
        {
            source.Cancel();
        }
    }
}
