using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PolicyText.Models;

/// <summary>
/// The four models of a <see cref="PolicyModels"/> fused into one feature-major table, so that a
/// sentence's features are read once and each feature's weights for every class of every model
/// are one contiguous run of <see cref="Stride"/> floats (three 8-lane vectors). Given the same
/// list of features, scores are bit-identical to <see cref="LinearModel.Score(IReadOnlyList{KeyValuePair{int, float}}, ReadOnlySpan{KeyValuePair{int, float}}, Span{float})"/>:
/// each class still starts from its bias and adds <c>weight * value</c> feature by feature in the
/// same order; the vectors only do several classes' additions side by side. (The analyzer gives
/// it the hashed features unsorted, so its scores equal the model's up to float rounding.)
/// Immutable and thread-safe.
/// </summary>
internal sealed class SentenceScorer
{
    /// <summary>Floats per feature: rights, linkage, rights in context, linkage in context, then padding.</summary>
    public const int Stride = 24;

    private readonly float[] _weights;
    private readonly float[] _biases = new float[Stride];

    /// <summary>Fuses the models; their class counts must add up to at most <see cref="Stride"/>.</summary>
    public SentenceScorer(PolicyModels models)
    {
        RightsClasses = models.Rights.Classes.Count;
        LinkageClasses = models.Linkage.Classes.Count;
        LinearModel[] parts = [models.Rights, models.Linkage, models.RightsInContext, models.LinkageInContext];
        int[] offsets = [0, RightsClasses, Stage, Stage + RightsClasses];
        if (models.RightsInContext.Classes.Count != RightsClasses || models.LinkageInContext.Classes.Count != LinkageClasses || 2 * Stage > Stride)
        {
            throw new ArgumentException("The first- and second-stage models of a task need the same classes, at most 12 per stage.", nameof(models));
        }

        _weights = new float[SentenceFeaturizer.Dimension * Stride];
        for (int m = 0; m < parts.Length; m++)
        {
            int classes = parts[m].Classes.Count;
            parts[m].Biases.CopyTo(_biases.AsSpan(offsets[m]));
            var source = parts[m].WeightsByFeature;
            for (int f = 0; f < SentenceFeaturizer.Dimension; f++)
            {
                source.Slice(f * classes, classes).CopyTo(_weights.AsSpan((f * Stride) + offsets[m], classes));
            }
        }
    }

    /// <summary>Classes of the rights models.</summary>
    public int RightsClasses { get; }

    /// <summary>Classes of the linkage models.</summary>
    public int LinkageClasses { get; }

    /// <summary>Classes of one stage (rights then linkage): the first stage's scores are <c>[0, Stage)</c> of <see cref="Score(ReadOnlySpan{int}, ReadOnlySpan{float}, Span{float})"/>'s output, the second stage's <c>[Stage, 2 * Stage)</c>.</summary>
    public int Stage => RightsClasses + LinkageClasses;

    /// <summary>Raw scores (bias plus features, no softmax) of every class of the four models.</summary>
    /// <param name="keys">Feature indexes, in the order the features are to be added.</param>
    /// <param name="values">Feature values.</param>
    /// <param name="scores">At least <see cref="Stride"/> floats.</param>
    public void Score(ReadOnlySpan<int> keys, ReadOnlySpan<float> values, Span<float> scores)
    {
        // LoadUnsafe reads 8 floats from a reference; each reference is into a slice of Stride
        // (= 24) floats, bounds-checked when sliced, so every read stays inside it.
        ref float b = ref MemoryMarshal.GetArrayDataReference(_biases);
        var a0 = Vector256.LoadUnsafe(ref b);
        var a1 = Vector256.LoadUnsafe(ref b, 8);
        var a2 = Vector256.LoadUnsafe(ref b, 16);
        (a0, a1, a2) = AddRows(_weights, keys, values, 0, a0, a1, a2);
        a0.CopyTo(scores);
        a1.CopyTo(scores[8..]);
        a2.CopyTo(scores[16..]);
    }

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{int}, ReadOnlySpan{float}, Span{float})"/> of two sentences at
    /// once, into <c>scores[..Stride]</c> and <c>scores[Stride..]</c>: the same additions in the
    /// same order per sentence, so the same scores, with the two sentences' chains of additions
    /// interleaved so that neither waits on its own previous addition.
    /// </summary>
    /// <param name="keysA">The first sentence's feature indexes.</param>
    /// <param name="valuesA">Its feature values.</param>
    /// <param name="keysB">The second sentence's feature indexes.</param>
    /// <param name="valuesB">Its feature values.</param>
    /// <param name="scores">At least 2 × <see cref="Stride"/> floats.</param>
    public void Score(ReadOnlySpan<int> keysA, ReadOnlySpan<float> valuesA, ReadOnlySpan<int> keysB, ReadOnlySpan<float> valuesB, Span<float> scores)
    {
        ref float b = ref MemoryMarshal.GetArrayDataReference(_biases);
        var a0 = Vector256.LoadUnsafe(ref b);
        var a1 = Vector256.LoadUnsafe(ref b, 8);
        var a2 = Vector256.LoadUnsafe(ref b, 16);
        var b0 = a0;
        var b1 = a1;
        var b2 = a2;
        var weights = _weights.AsSpan();
        int common = Math.Min(keysA.Length, keysB.Length);
        valuesA = valuesA[..keysA.Length];
        valuesB = valuesB[..keysB.Length];
        int i = 0;
        for (; i < common; i++)
        {
            ref float rowA = ref MemoryMarshal.GetReference(weights.Slice(keysA[i] * Stride, Stride));
            ref float rowB = ref MemoryMarshal.GetReference(weights.Slice(keysB[i] * Stride, Stride));
            var va = Vector256.Create(valuesA[i]);
            var vb = Vector256.Create(valuesB[i]);
            a0 += Vector256.LoadUnsafe(ref rowA) * va;
            b0 += Vector256.LoadUnsafe(ref rowB) * vb;
            a1 += Vector256.LoadUnsafe(ref rowA, 8) * va;
            b1 += Vector256.LoadUnsafe(ref rowB, 8) * vb;
            a2 += Vector256.LoadUnsafe(ref rowA, 16) * va;
            b2 += Vector256.LoadUnsafe(ref rowB, 16) * vb;
        }

        // The longer sentence's remaining features, alone.
        (a0, a1, a2) = AddRows(weights, keysA, valuesA, i, a0, a1, a2);
        (b0, b1, b2) = AddRows(weights, keysB, valuesB, i, b0, b1, b2);

        a0.CopyTo(scores);
        a1.CopyTo(scores[8..]);
        a2.CopyTo(scores[16..]);
        b0.CopyTo(scores[Stride..]);
        b1.CopyTo(scores[(Stride + 8)..]);
        b2.CopyTo(scores[(Stride + 16)..]);
    }

    /// <summary>
    /// <see cref="Add(int, ReadOnlySpan{KeyValuePair{int, float}}, Span{float})"/> for two models
    /// at once (the two tasks' second stages), their chains of additions side by side: the same
    /// additions in the same order per model, so the same scores.
    /// </summary>
    /// <param name="offsetA">The first model's first class in the fused row.</param>
    /// <param name="featuresA">Its features.</param>
    /// <param name="scoresA">Its scores.</param>
    /// <param name="offsetB">The second model's first class in the fused row.</param>
    /// <param name="featuresB">Its features.</param>
    /// <param name="scoresB">Its scores.</param>
    public void Add(int offsetA, ReadOnlySpan<KeyValuePair<int, float>> featuresA, Span<float> scoresA, int offsetB, ReadOnlySpan<KeyValuePair<int, float>> featuresB, Span<float> scoresB)
    {
        if (scoresA.Length > 8 || offsetA + 8 > Stride || scoresB.Length > 8 || offsetB + 8 > Stride)
        {
            Add(offsetA, featuresA, scoresA);
            Add(offsetB, featuresB, scoresB);
            return;
        }

        Span<float> lanes = stackalloc float[16];
        lanes.Clear();
        scoresA.CopyTo(lanes);
        scoresB.CopyTo(lanes[8..]);
        var accA = Vector256.Create((ReadOnlySpan<float>)lanes);
        var accB = Vector256.Create((ReadOnlySpan<float>)lanes[8..]);
        var weights = _weights.AsSpan();
        int common = Math.Min(featuresA.Length, featuresB.Length);
        int i = 0;
        for (; i < common; i++)
        {
            var fa = featuresA[i];
            var fb = featuresB[i];
            accA += Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(weights.Slice((fa.Key * Stride) + offsetA, 8))) * Vector256.Create(fa.Value);
            accB += Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(weights.Slice((fb.Key * Stride) + offsetB, 8))) * Vector256.Create(fb.Value);
        }

        accA = AddContext(weights, featuresA, i, offsetA, accA);
        accB = AddContext(weights, featuresB, i, offsetB, accB);

        accA.CopyTo(lanes);
        accB.CopyTo(lanes[8..]);
        lanes[..scoresA.Length].CopyTo(scoresA);
        lanes.Slice(8, scoresB.Length).CopyTo(scoresB);
    }

    /// <summary>Adds more features to the scores of one model's classes (the second stage's context features).</summary>
    /// <param name="offset">The model's first class in the fused row (<see cref="Stage"/> for rights in context, <see cref="Stage"/> + <see cref="RightsClasses"/> for linkage in context).</param>
    /// <param name="features">The features, in the order they are to be added.</param>
    /// <param name="scores">The model's scores, one per class.</param>
    public void Add(int offset, ReadOnlySpan<KeyValuePair<int, float>> features, Span<float> scores)
    {
        if (scores.Length > 8 || offset + 8 > Stride)
        {
            foreach (var f in features)
            {
                var row = _weights.AsSpan((f.Key * Stride) + offset, scores.Length);
                for (int c = 0; c < scores.Length; c++)
                {
                    scores[c] += row[c] * f.Value;
                }
            }

            return;
        }

        // Eight lanes at a time, of which the first scores.Length are the model's classes (the
        // others add the next model's weights to nothing and are dropped): per class the same
        // multiply and add as above.
        Span<float> lanes = stackalloc float[8];
        scores.CopyTo(lanes);
        var acc = AddContext(_weights, features, 0, offset, Vector256.Create((ReadOnlySpan<float>)lanes));
        acc.CopyTo(lanes);
        lanes[..scores.Length].CopyTo(scores);
    }

    /// <summary>
    /// Adds the fused rows of features <paramref name="from"/> onwards, each times its value, to
    /// the three accumulators of a sentence's <see cref="Stride"/> scores. Multiply then add, as
    /// two roundings, exactly like the scalar <c>scores[c] += w * v</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float>, Vector256<float>, Vector256<float>) AddRows(ReadOnlySpan<float> weights, ReadOnlySpan<int> keys, ReadOnlySpan<float> values, int from, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2)
    {
        for (int k = from; k < keys.Length; k++)
        {
            ref float row = ref MemoryMarshal.GetReference(weights.Slice(keys[k] * Stride, Stride));
            var v = Vector256.Create(values[k]);
            a0 += Vector256.LoadUnsafe(ref row) * v;
            a1 += Vector256.LoadUnsafe(ref row, 8) * v;
            a2 += Vector256.LoadUnsafe(ref row, 16) * v;
        }

        return (a0, a1, a2);
    }

    /// <summary>Adds eight lanes of the fused rows, from <paramref name="offset"/>, of features <paramref name="from"/> onwards, each times its value, to one accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AddContext(ReadOnlySpan<float> weights, ReadOnlySpan<KeyValuePair<int, float>> features, int from, int offset, Vector256<float> acc)
    {
        for (int k = from; k < features.Length; k++)
        {
            var f = features[k];
            acc += Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(weights.Slice((f.Key * Stride) + offset, 8))) * Vector256.Create(f.Value);
        }

        return acc;
    }
}
