using System.Runtime.Intrinsics;
using System.Text;

namespace PolicyText.Models;

/// <summary>
/// A multiclass linear model (maximum entropy) over <see cref="SentenceFeaturizer"/> features:
/// one weight row and one bias per class, scored directly (no ML.NET at scoring time). Trained
/// with ML.NET's L-BFGS maximum entropy trainer (<see cref="ModelTrainer"/>; SDCA until models version 2). Immutable (the
/// constructor copies what it is given) and thread-safe. Two models are equal when their task,
/// version, classes, weights and biases are: a model file loaded twice gives equal models.
/// </summary>
public sealed class LinearModel : IEquatable<LinearModel>
{
    private const string Magic = "PTLM";
    private const int FormatVersion = 1;

    private readonly float[] _biases;

    // The weights, feature-major (feature * classes + class), so that scoring reads one
    // short contiguous run per feature instead of one cache line per class.
    private readonly float[] _byFeature;

    /// <summary>Creates a model.</summary>
    /// <param name="task">The task: <c>rights</c> or <c>linkage</c>.</param>
    /// <param name="version">The model's version, recorded in outputs.</param>
    /// <param name="classes">The class labels, in the codebook's names.</param>
    /// <param name="weights">One weight row of <see cref="SentenceFeaturizer.Dimension"/> per class.</param>
    /// <param name="biases">One bias per class.</param>
    /// <exception cref="ArgumentException">Fewer than two classes or an empty class name; the shapes do not agree (a null weight row among them); or a weight or bias is NaN or infinite.</exception>
    public LinearModel(string task, string version, IReadOnlyList<string> classes, float[][] weights, float[] biases)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (classes.Count < 2 || classes.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"A model needs at least two classes, none empty; got {classes.Count}.", nameof(classes));
        }

        if (weights.Length != classes.Count || biases.Length != classes.Count || weights.Any(w => w is null || w.Length != SentenceFeaturizer.Dimension))
        {
            throw new ArgumentException("A model needs one weight row of the feature dimension and one bias per class.");
        }

        if (!biases.All(float.IsFinite) || !weights.All(w => w.All(float.IsFinite)))
        {
            throw new ArgumentException("A model's weights and biases must be finite numbers (not NaN or infinity).");
        }

        Task = task;
        Version = version;

        // Copies: a caller's arrays changed afterwards must not change what this model scores or saves.
        Classes = [.. classes];
        _biases = [.. biases];
        _byFeature = new float[SentenceFeaturizer.Dimension * classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            for (int f = 0; f < SentenceFeaturizer.Dimension; f++)
            {
                _byFeature[(f * classes.Count) + c] = weights[c][f];
            }
        }
    }

    /// <summary>The task: <c>rights</c> or <c>linkage</c>.</summary>
    public string Task { get; }

    /// <summary>Whether <paramref name="other"/> has the same task, version, classes, weights and biases.</summary>
    /// <param name="other">Another model.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(LinearModel? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Task == other.Task && Version == other.Version && Classes.SequenceEqual(other.Classes)
                && _biases.AsSpan().SequenceEqual(other._biases) && _byFeature.AsSpan().SequenceEqual(other._byFeature)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LinearModel);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Task);
        hash.Add(Version);
        foreach (var bias in _biases)
        {
            hash.Add(bias);
        }

        return hash.ToHashCode();
    }

    /// <summary>The model's version.</summary>
    public string Version { get; }

    /// <summary>The class labels.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The bias of each class (for <see cref="SentenceScorer"/>, which fuses several models).</summary>
    internal ReadOnlySpan<float> Biases => _biases;

    /// <summary>The weights, feature-major: feature <c>f</c>'s row is <c>[f * Classes.Count, (f + 1) * Classes.Count)</c>.</summary>
    internal ReadOnlySpan<float> WeightsByFeature => _byFeature;

    /// <summary>Class probabilities for a sparse feature vector.</summary>
    /// <param name="features">(index, value) pairs.</param>
    /// <param name="probabilities">Receives one probability per class.</param>
    public void Score(IReadOnlyList<KeyValuePair<int, float>> features, Span<float> probabilities) =>
        Score(features, [], probabilities);

    /// <summary>Class probabilities for a sparse feature vector given in two parts (for context features that are not copied into the sentence's list).</summary>
    /// <param name="features">(index, value) pairs.</param>
    /// <param name="extra">More (index, value) pairs, disjoint from <paramref name="features"/>.</param>
    /// <param name="probabilities">Receives one probability per class.</param>
    public void Score(IReadOnlyList<KeyValuePair<int, float>> features, ReadOnlySpan<KeyValuePair<int, float>> extra, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(features);
        int classes = _biases.Length;
        if (probabilities.Length < classes)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The model has {classes} classes; the span for their probabilities holds {probabilities.Length}."), nameof(probabilities));
        }

        var scores = probabilities[..classes];
        _biases.CopyTo(scores);
        var weights = _byFeature.AsSpan();
        for (int i = 0; i < features.Count; i++)
        {
            Add(weights, features[i], scores);
        }

        foreach (var f in extra)
        {
            Add(weights, f, scores);
        }

        Softmax(scores);
    }

    /// <summary>Class probabilities for a sparse feature vector given as parallel spans of indices and values, the features added in the order given.</summary>
    /// <param name="keys">Feature indices, each below <see cref="SentenceFeaturizer.Dimension"/>.</param>
    /// <param name="values">The features' values, one per index.</param>
    /// <param name="probabilities">Receives one probability per class.</param>
    internal void Score(ReadOnlySpan<int> keys, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        int classes = _biases.Length;
        var scores = probabilities[..classes];
        _biases.CopyTo(scores);
        var weights = _byFeature.AsSpan();
        for (int i = 0; i < keys.Length; i++)
        {
            var row = weights.Slice(keys[i] * classes, classes);
            float value = values[i];
            for (int c = 0; c < classes; c++)
            {
                scores[c] += row[c] * value;
            }
        }

        Softmax(scores);
    }

    /// <summary>Turns raw class scores into probabilities, in place.</summary>
    internal static void Softmax(Span<float> scores)
    {
        float sum = Exponentials(scores);
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>
    /// <see cref="Softmax"/> of <c>scores[..split]</c> and of <c>scores[split..]</c> (a sentence's two
    /// tasks, side by side), the same floats: each part's maximum, exponentials and sum are taken
    /// as there, and the divisions (IEEE division gives the same quotient in a vector lane as
    /// alone) eight at a time.
    /// </summary>
    internal static void SoftmaxTwo(Span<float> scores, int split)
    {
        float first = Exponentials(scores[..split]);
        float second = Exponentials(scores[split..]);
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var firstSum = Vector256.Create(first);
            var secondSum = Vector256.Create(second);
            var boundary = Vector256.Create(split);
            for (; c + 8 <= scores.Length; c += 8)
            {
                var inFirst = Vector256.LessThan(Vector256.Create(c) + Vector256<int>.Indices, boundary).AsSingle();
                var part = scores.Slice(c, 8);
                (Vector256.Create((ReadOnlySpan<float>)part) / Vector256.ConditionalSelect(inFirst, firstSum, secondSum)).CopyTo(part);
            }
        }

        for (; c < scores.Length; c++)
        {
            scores[c] /= c < split ? first : second;
        }
    }

    /// <summary>Softmax's first two steps: each score made the exponential of its distance below the maximum; returns their sum.</summary>
    private static float Exponentials(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        for (int c = 0; c < scores.Length; c++)
        {
            max = Math.Max(max, scores[c]);
        }

        float sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        return sum;
    }

    private static void Add(ReadOnlySpan<float> weights, KeyValuePair<int, float> f, Span<float> scores)
    {
        var row = weights.Slice(f.Key * scores.Length, scores.Length);
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] += row[c] * f.Value;
        }
    }

    /// <summary>Writes the model in PolicyText's binary model format (docs/models.md).</summary>
    /// <param name="stream">The destination.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Task);
        w.Write(Version);
        w.Write(SentenceFeaturizer.Version);
        w.Write(SentenceFeaturizer.Dimension);
        w.Write(Classes.Count);
        for (int c = 0; c < Classes.Count; c++)
        {
            w.Write(Classes[c]);
            w.Write(_biases[c]);
            // The class's weight row, read from the feature-major copy the model scores with.
            int classes = Classes.Count;
            int nonZero = 0;
            for (int i = 0; i < SentenceFeaturizer.Dimension; i++)
            {
                nonZero += _byFeature[(i * classes) + c] != 0 ? 1 : 0;
            }

            w.Write(nonZero);
            for (int i = 0; i < SentenceFeaturizer.Dimension; i++)
            {
                float weight = _byFeature[(i * classes) + c];
                if (weight != 0)
                {
                    w.Write(i);
                    w.Write(weight);
                }
            }
        }
    }

    // A damaged class count would otherwise allocate a weight row per class (128 KB each).
    private const int MaxClasses = 1024;

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The stream is not a PolicyText model, or was made for another feature space.</exception>
    public static LinearModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic || r.ReadInt32() != FormatVersion)
            {
                throw new FormatException("not a PolicyText model file (format 1).");
            }

            var task = r.ReadString();
            var version = r.ReadString();
            var features = r.ReadString();
            int dimension = r.ReadInt32();
            if (features != SentenceFeaturizer.Version || dimension != SentenceFeaturizer.Dimension)
            {
                throw new FormatException($"the model was trained on feature space '{features}' ({dimension}); this PolicyText uses '{SentenceFeaturizer.Version}' ({SentenceFeaturizer.Dimension}). Retrain it with 'policytext train'.");
            }

            int count = r.ReadInt32();
            if (count is < 2 or > MaxClasses)
            {
                throw new FormatException($"The model file is damaged: a model with {count} classes.");
            }

            var classes = new string[count];
            var biases = new float[count];
            var weights = new float[count][];
            for (int c = 0; c < count; c++)
            {
                classes[c] = r.ReadString();
                biases[c] = Finite(r.ReadSingle(), classes[c]);
                weights[c] = new float[dimension];
                int nonZero = r.ReadInt32();
                if (nonZero < 0 || nonZero > dimension)
                {
                    throw new FormatException("The model file is damaged: a class with more weights than features.");
                }

                for (int k = 0; k < nonZero; k++)
                {
                    int i = r.ReadInt32();
                    weights[c][i] = Finite(r.ReadSingle(), classes[c]);
                }
            }

            return new LinearModel(task, version, classes, weights, biases);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IndexOutOfRangeException or IOException or OverflowException or ArgumentException)
        {
            // ArgumentException: what the constructor refuses (an empty class name, say) was read from the file.
            throw new FormatException("The model file is truncated or damaged.", ex);
        }
    }

    /// <summary>A weight or bias as read, refused when it is not a finite number (NaN would label every sentence the first class with confidence NaN).</summary>
    private static float Finite(float value, string label) =>
        float.IsFinite(value) ? value : throw new FormatException($"The model file is damaged: a weight of the class '{label}' is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not a finite number.");

    /// <summary>Reads a file of one model (as <see cref="Save(Stream)"/> writes it to a file).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The file is not one model file: damaged, of another kind, or with bytes after the model (a file of several models is read with <see cref="PolicyModels.Load(string)"/>); the message names the file.</exception>
    public static LinearModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadWhole(path, Load, "its model", "one model's file");
    }

    /// <summary>
    /// Reads a model file whole with <paramref name="load"/>: its errors named with the file (as a
    /// lexicon's and a corpus's are: "--model" may not be the only file), and bytes after what it
    /// reads refused (a damaged or concatenated file; a stream may go on, a file may not).
    /// </summary>
    internal static T LoadWhole<T>(string path, Func<Stream, T> load, string last, string kind)
    {
        using var stream = File.OpenRead(path);
        T loaded;
        try
        {
            loaded = load(stream);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }

        if (stream.Position != stream.Length)
        {
            throw new FormatException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The model file '{path}' has {stream.Length - stream.Position:N0} bytes after {last}: it is damaged, or not {kind}."));
        }

        return loaded;
    }
}
