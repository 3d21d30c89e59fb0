using PolicyText.Models;

namespace PolicyText.Tests.Models;

/// <summary>The fused scorer's two-sentence path must give each sentence the scores of the one-sentence path, bit for bit.</summary>
public class SentenceScorerTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 7)]
    [InlineData(40, 40)]
    [InlineData(13, 61)]
    [InlineData(90, 2)]
    public void Scoring_two_sentences_at_once_gives_each_its_own_scores(int countA, int countB)
    {
        var scorer = new SentenceScorer(PolicyModels.Default!);
        var random = new Random(countA * 1000 + countB);
        var (keysA, valuesA) = Features(random, countA);
        var (keysB, valuesB) = Features(random, countB);
        var expectedA = new float[SentenceScorer.Stride];
        var expectedB = new float[SentenceScorer.Stride];
        scorer.Score(keysA, valuesA, expectedA);
        scorer.Score(keysB, valuesB, expectedB);

        var both = new float[2 * SentenceScorer.Stride];
        scorer.Score(keysA, valuesA, keysB, valuesB, both);

        // Compared as bits: the same additions in the same order, not merely close.
        Assert.Equal(expectedA.Select(BitConverter.SingleToInt32Bits), both[..SentenceScorer.Stride].Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expectedB.Select(BitConverter.SingleToInt32Bits), both[SentenceScorer.Stride..].Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(35, 28)]
    [InlineData(5, 56)]
    [InlineData(56, 1)]
    public void Adding_context_to_both_tasks_at_once_gives_each_its_own_scores(int countA, int countB)
    {
        var scorer = new SentenceScorer(PolicyModels.Default!);
        var random = new Random(countA * 1000 + countB);
        var (keysA, valuesA) = Features(random, countA);
        var (keysB, valuesB) = Features(random, countB);
        var featuresA = keysA.Zip(valuesA, (k, v) => new KeyValuePair<int, float>(k, v)).ToArray();
        var featuresB = keysB.Zip(valuesB, (k, v) => new KeyValuePair<int, float>(k, v)).ToArray();
        int stage = scorer.Stage;
        int r = scorer.RightsClasses;
        var start = Enumerable.Range(0, stage).Select(_ => (float)random.NextDouble()).ToArray();
        var expected = start.ToArray();
        scorer.Add(stage, featuresA, expected.AsSpan(0, r));
        scorer.Add(stage + r, featuresB, expected.AsSpan(r));

        var both = start.ToArray();
        scorer.Add(stage, featuresA, both.AsSpan(0, r), stage + r, featuresB, both.AsSpan(r));

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), both.Select(BitConverter.SingleToInt32Bits));
    }

    private static (int[] Keys, float[] Values) Features(Random random, int count)
    {
        var keys = Enumerable.Range(0, count).Select(_ => random.Next(SentenceFeaturizer.Dimension)).Order().ToArray();
        var values = Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 3)).ToArray();
        return (keys, values);
    }
}
