using PolicyText.Models;

namespace PolicyText.Tests.Models;

/// <summary>The fused scorer's shortcuts must give the scores of the plain sums, bit for bit.</summary>
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
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(90)]
    public void Scoring_gives_each_model_s_bias_plus_its_weights_times_the_values_added_in_order_bit_for_bit(int count)
    {
        // The scalar reference: one multiplication, rounded, then one addition, rounded, per
        // feature in order. A fused multiply-add, or additions reordered, would change the last
        // bits on some processors and not on others (the CSV's rounding hides most of it; this
        // does not).
        var models = PolicyModels.Default!;
        var scorer = new SentenceScorer(models);
        var (keys, values) = Features(new Random(count), count);
        var actual = new float[SentenceScorer.Stride];
        scorer.Score(keys, values, actual);

        var expected = new float[SentenceScorer.Stride];
        LinearModel[] parts = [models.Rights, models.Linkage, models.RightsInContext, models.LinkageInContext];
        int[] offsets = [0, scorer.RightsClasses, scorer.Stage, scorer.Stage + scorer.RightsClasses];
        for (int m = 0; m < parts.Length; m++)
        {
            int classes = parts[m].Classes.Count;
            for (int c = 0; c < classes; c++)
            {
                float sum = parts[m].Biases[c];
                for (int k = 0; k < count; k++)
                {
                    float product = parts[m].WeightsByFeature[(keys[k] * classes) + c] * values[k];
                    sum += product;
                }

                expected[offsets[m] + c] = sum;
            }
        }

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, true)]
    [InlineData(2, 1, false)]
    [InlineData(7, 3, true)]
    [InlineData(30, 0, true)]
    [InlineData(30, 15, true)]
    [InlineData(30, 29, false)]
    public void Context_added_as_it_is_computed_gives_the_scores_of_the_written_features(int sentences, int index, bool withParagraphs)
    {
        // The reference: the context features written down (the public Context), then added one
        // by one to each class, as LinearModel.Score adds features.
        var models = PolicyModels.Default!;
        var scorer = new SentenceScorer(models);
        int r = scorer.RightsClasses;
        int stage = scorer.Stage;
        var random = new Random((sentences * 100) + index);
        var first = new float[sentences * stage];
        for (int k = 0; k < sentences; k++)
        {
            Probabilities(random, first.AsSpan(k * stage, r));
            Probabilities(random, first.AsSpan((k * stage) + r, scorer.LinkageClasses));
        }

        int[]? paragraphs = withParagraphs ? [.. Enumerable.Range(0, sentences).Select(k => k / 4)] : null;
        var start = Enumerable.Range(0, stage).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var expected = start.ToArray();
        AddWritten(models.RightsInContext, Task(first, stage, 0, r, sentences), index, paragraphs, expected.AsSpan(0, r));
        AddWritten(models.LinkageInContext, Task(first, stage, r, scorer.LinkageClasses, sentences), index, paragraphs, expected.AsSpan(r));

        var sums = new float[stage];
        for (int k = 0; k < sentences; k++)
        {
            for (int c = 0; c < stage; c++)
            {
                sums[c] += first[(k * stage) + c];
            }
        }

        var actual = start.ToArray();
        scorer.AddContext(first, sentences, sums, index, paragraphs ?? [], actual);

        // Compared as bits: the same additions in the same order, not merely close.
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        if (sentences > 1)
        {
            // (A sentence alone has no context: every feature is zero.)
            Assert.NotEqual(start, actual);
        }
    }

    private static void Probabilities(Random random, Span<float> destination)
    {
        float sum = 0;
        for (int c = 0; c < destination.Length; c++)
        {
            destination[c] = (float)random.NextDouble();
            sum += destination[c];
        }

        for (int c = 0; c < destination.Length; c++)
        {
            destination[c] /= sum;
        }
    }

    private static List<float[]> Task(float[] first, int stage, int from, int classes, int sentences) =>
        [.. Enumerable.Range(0, sentences).Select(k => first.AsSpan((k * stage) + from, classes).ToArray())];

    private static void AddWritten(LinearModel model, List<float[]> probabilities, int index, int[]? paragraphs, Span<float> scores)
    {
        var context = new KeyValuePair<int, float>[SentenceFeaturizer.MaxContext];
        int n = SentenceFeaturizer.Context(probabilities, SentenceFeaturizer.ContextSums(probabilities), index, context, paragraphs);
        var weights = model.WeightsByFeature;
        foreach (var (key, value) in context.AsSpan(0, n))
        {
            for (int c = 0; c < scores.Length; c++)
            {
                scores[c] += weights[(key * scores.Length) + c] * value;
            }
        }
    }

    private static (int[] Keys, float[] Values) Features(Random random, int count)
    {
        var keys = Enumerable.Range(0, count).Select(_ => random.Next(SentenceFeaturizer.Dimension)).Order().ToArray();
        var values = Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 3)).ToArray();
        return (keys, values);
    }
}
