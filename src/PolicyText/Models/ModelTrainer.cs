using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace PolicyText.Models;

/// <summary>One training example: a sparse feature vector and a class index.</summary>
/// <param name="Features">(index, value) pairs, sorted by index, no duplicates.</param>
/// <param name="Label">The class index, from 0.</param>
public sealed record TrainingExample(IReadOnlyList<KeyValuePair<int, float>> Features, int Label);

/// <summary>
/// Trains a <see cref="LinearModel"/> with ML.NET: <c>LbfgsMaximumEntropy</c> on PolicyText's own
/// feature vectors, single-threaded with a fixed seed, so the same data gives the same model on
/// the same kind of processor (docs/models.md).
/// The trained weights and biases are copied out of ML.NET into a <see cref="LinearModel"/>.
/// </summary>
public static class ModelTrainer
{
    private sealed class Row
    {
        public string Label { get; set; } = string.Empty;

        public float Weight { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    private sealed class KeyRow
    {
        public string Label { get; set; } = string.Empty;
    }

    /// <summary>
    /// ML.NET trains L-BFGS models with Intel's oneDAL instead of its own code when the
    /// environment variable <c>MLNET_BACKEND</c> is <c>ONEDAL</c>, which would give other models
    /// than the shipped ones (or fail without the native library): refused with a clear message.
    /// </summary>
    /// <param name="backend">The value of <c>MLNET_BACKEND</c>.</param>
    /// <exception cref="InvalidOperationException">It asks for oneDAL.</exception>
    internal static void RefuseNativeBackend(string? backend)
    {
        if (string.Equals(backend, "ONEDAL", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The environment variable MLNET_BACKEND=ONEDAL makes ML.NET train with oneDAL, which does not give PolicyText's models; unset it to train.");
        }
    }

    /// <summary>What ML.NET would otherwise refuse from deep inside, or index past: said plainly, naming the example.</summary>
    private static void CheckExamples(IReadOnlyList<string> classes, IReadOnlyList<TrainingExample> examples)
    {
        if (classes.Count < 2 || classes.Any(string.IsNullOrEmpty) || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw new ArgumentException($"A model needs at least two classes, each named once and not empty; got {classes.Count}.", nameof(classes));
        }

        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no training examples.", nameof(examples));
        }

        for (int i = 0; i < examples.Count; i++)
        {
            var e = examples[i] ?? throw new ArgumentException($"Training example {i} is null.", nameof(examples));
            if (e.Features is null)
            {
                throw new ArgumentException($"Training example {i} has no feature list (null).", nameof(examples));
            }

            if ((uint)e.Label >= (uint)classes.Count)
            {
                throw new ArgumentException($"Training example {i} has the label {e.Label}; the classes are numbered 0 to {classes.Count - 1}.", nameof(examples));
            }

            int previous = -1;
            foreach (var (key, value) in e.Features)
            {
                string? fault = key < 0 || key >= SentenceFeaturizer.Dimension ? $"outside the feature space (indexes 0 to {SentenceFeaturizer.Dimension - 1})"
                    : key <= previous ? "not after the one before it (features are sorted by index, no duplicates)"
                    : !float.IsFinite(value) ? "not a finite number"
                    : null;
                if (fault is not null)
                {
                    throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Training example {i}: the feature ({key}, {value}) is {fault}."), nameof(examples));
                }

                previous = key;
            }
        }
    }

    /// <summary>Trains a model.</summary>
    /// <param name="task">The task name (<c>rights</c> or <c>linkage</c>).</param>
    /// <param name="version">The version to record in the model.</param>
    /// <param name="classes">The class labels, indexed by <see cref="TrainingExample.Label"/>.</param>
    /// <param name="examples">The training examples.</param>
    /// <param name="l2">L2 regularization strength (ML.NET's scale: on the summed weighted loss; 3 was chosen by five-fold cross-validation over the train and dev documents, docs/models.md).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">Fewer than two classes, or a repeated or empty one; no examples; an example that is null, has no features, a label outside the classes, or features not sorted by index, repeated, past <see cref="SentenceFeaturizer.Dimension"/> or not finite.</exception>
    public static LinearModel Train(string task, string version, IReadOnlyList<string> classes, IReadOnlyList<TrainingExample> examples, float l2 = 3f)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(examples);
        CheckExamples(classes, examples);
        RefuseNativeBackend(Environment.GetEnvironmentVariable("MLNET_BACKEND"));
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SentenceFeaturizer.Dimension);
        // Class-balanced example weights, so that rare classes count as much as common ones in
        // the loss (the evaluation reports macro-F1).
        var counts = new int[classes.Count];
        foreach (var e in examples)
        {
            counts[e.Label]++;
        }

        var rows = examples.Select(e => new Row
        {
            Label = classes[e.Label],
            Weight = examples.Count / (float)(classes.Count * counts[e.Label]),
            Features = new VBuffer<float>(
                SentenceFeaturizer.Dimension,
                e.Features.Count,
                e.Features.Select(f => f.Value).ToArray(),
                e.Features.Select(f => f.Key).ToArray()),
        });
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        // The key order is the order of `classes`, so weight row c belongs to classes[c].
        var keys = ml.Data.LoadFromEnumerable(classes.Select(c => new KeyRow { Label = c }));
        var toKey = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Row.Label), keyData: keys).Fit(data);
        data = toKey.Transform(data);
        // L-BFGS (SDCA before; docs/models.md), single threaded, so the same data in the same
        // order gives the same bytes on the same kind of processor: the float arithmetic of
        // ML.NET's vectorized code paths (AVX or SSE) differs in the last bits.
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            ExampleWeightColumnName = nameof(Row.Weight),
            FeatureColumnName = nameof(Row.Features),
            NumberOfThreads = 1,
            L2Regularization = l2,
            L1Regularization = 0,
        });
        var model = trainer.Fit(ml.Data.Cache(data)).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int numClasses);
        var biases = model.GetBiases().ToArray();
        var dense = new float[classes.Count][];
        for (int c = 0; c < classes.Count; c++)
        {
            dense[c] = new float[SentenceFeaturizer.Dimension];
            if (c < numClasses)
            {
                weights[c].CopyTo(dense[c]);
            }
        }

        return new LinearModel(task, version, classes, dense, biases.Length == classes.Count ? biases : [.. biases, .. new float[classes.Count - biases.Length]]);
    }
}
