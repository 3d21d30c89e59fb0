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

    // The fused table, Stride floats per feature, starting at a 64-byte boundary of _array (see
    // the constructor): each feature's row is then exactly two cache lines and three aligned
    // vectors, where an array's usual 16-byte alignment makes every other row straddle three
    // lines. The rows (3 MB) are read at random; reads kept within 384 KB, all in cache,
    // measured no faster (benchmarks/results/2026-11-30-analysis-stages.md, twenty-eighth session).
    private readonly float[] _array;
    private readonly int _start;

    private ReadOnlySpan<float> _weights => _array.AsSpan(_start, SentenceFeaturizer.Dimension * Stride);
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

        // On the pinned object heap, whose arrays never move, so the boundary found once stays one.
        _array = GC.AllocateArray<float>((SentenceFeaturizer.Dimension * Stride) + 16, pinned: true);
        nint address = Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _start = (int)(((64 - (address & 63)) & 63) / sizeof(float));

        var weights = _array.AsSpan(_start, SentenceFeaturizer.Dimension * Stride);
        for (int m = 0; m < parts.Length; m++)
        {
            int classes = parts[m].Classes.Count;
            parts[m].Biases.CopyTo(_biases.AsSpan(offsets[m]));
            var source = parts[m].WeightsByFeature;
            for (int f = 0; f < SentenceFeaturizer.Dimension; f++)
            {
                source.Slice(f * classes, classes).CopyTo(weights.Slice((f * Stride) + offsets[m], classes));
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
        var weights = _weights;
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
    /// Adds a sentence's context features (<see cref="SentenceFeaturizer.Context{TSink}"/>) to its
    /// second-stage scores, both tasks: each feature's weights are added as the feature is
    /// computed, in the order the features come, so the scores are those of writing the features
    /// down and adding them one by one (<c>scores[c] += w * v</c>), bit for bit.
    /// </summary>
    /// <param name="first">The first-stage probabilities of every sentence of the document, <see cref="Stage"/> per sentence (rights then linkage).</param>
    /// <param name="sentences">The document's sentences.</param>
    /// <param name="sums">Each class's first-stage probability summed over the sentences, <see cref="Stage"/> floats.</param>
    /// <param name="index">The sentence.</param>
    /// <param name="paragraphs">The paragraph of every sentence.</param>
    /// <param name="scores">The sentence's second-stage scores before context, <see cref="Stage"/> floats (rights then linkage); the context is added in place.</param>
    public void AddContext(ReadOnlySpan<float> first, int sentences, ReadOnlySpan<float> sums, int index, ReadOnlySpan<int> paragraphs, Span<float> scores)
    {
        int r = RightsClasses;
        var rights = scores[..r];
        var linkage = scores.Slice(r, LinkageClasses);
        if (r > 8 || LinkageClasses > 8)
        {
            // Wider than a vector (a model with more classes than the codebook's): class by class.
            var rightsSink = new ScalarSink(_weights, Stage, rights);
            SentenceFeaturizer.Context(first, Stage, r, sentences, sums[..r], index, paragraphs, ref rightsSink);
            var linkageSink = new ScalarSink(_weights, Stage + r, linkage);
            SentenceFeaturizer.Context(first[r..], Stage, LinkageClasses, sentences, sums[r..], index, paragraphs, ref linkageSink);
            return;
        }

        // Eight lanes per task, of which the first are the model's classes (the others add the
        // next model's weights, or the padding's zeros, to nothing and are dropped).
        Span<float> lanes = stackalloc float[16];
        lanes.Clear();
        rights.CopyTo(lanes);
        linkage.CopyTo(lanes[8..]);
        var rightsSum = new VectorSink(_weights, Stage, Vector256.Create((ReadOnlySpan<float>)lanes));
        var linkageSum = new VectorSink(_weights, Stage + r, Vector256.Create((ReadOnlySpan<float>)lanes[8..]));
        SentenceFeaturizer.Context(first, Stage, r, sentences, sums[..r], index, paragraphs, ref rightsSum);
        SentenceFeaturizer.Context(first[r..], Stage, LinkageClasses, sentences, sums[r..], index, paragraphs, ref linkageSum);
        rightsSum.Sum.CopyTo(lanes);
        linkageSum.Sum.CopyTo(lanes[8..]);
        lanes[..r].CopyTo(rights);
        lanes.Slice(8, linkage.Length).CopyTo(linkage);
    }

    /// <summary>Adds each feature's weights for eight classes, from <c>offset</c> in the fused row, to one vector.</summary>
    private ref struct VectorSink(ReadOnlySpan<float> weights, int offset, Vector256<float> sum) : SentenceFeaturizer.IFeatureSink
    {
        private readonly ReadOnlySpan<float> _weights = weights;
        private readonly int _offset = offset;

        public Vector256<float> Sum = sum;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int index, float value) =>
            Sum += Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(_weights.Slice((index * Stride) + _offset, 8))) * Vector256.Create(value);
    }

    /// <summary>Adds each feature's weights to one model's scores, class by class.</summary>
    private ref struct ScalarSink(ReadOnlySpan<float> weights, int offset, Span<float> scores) : SentenceFeaturizer.IFeatureSink
    {
        private readonly ReadOnlySpan<float> _weights = weights;
        private readonly Span<float> _scores = scores;
        private readonly int _offset = offset;

        public readonly void Add(int index, float value)
        {
            var row = _weights.Slice((index * Stride) + _offset, _scores.Length);
            for (int c = 0; c < _scores.Length; c++)
            {
                _scores[c] += row[c] * value;
            }
        }
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
}
