namespace PolicyText.Evaluation;

/// <summary>A 95 % interval of a score: its 2.5th and 97.5th percentiles over the bootstrap resamples.</summary>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end.</param>
public readonly record struct ScoreInterval(double Low, double High);

/// <summary>The 95 % bootstrap intervals of one system's four scores (<see cref="EvaluationReport"/>).</summary>
/// <param name="Rights">Rights macro-F1.</param>
/// <param name="Linkage">Linkage macro-F1.</param>
/// <param name="DocumentRights">Document rights-emphasis accuracy.</param>
/// <param name="DocumentLinkage">Document linkage-stance accuracy.</param>
public sealed record SystemIntervals(ScoreInterval Rights, ScoreInterval Linkage, ScoreInterval DocumentRights, ScoreInterval DocumentLinkage);

/// <summary>
/// Percentile bootstrap over documents: the evaluated documents are drawn with replacement,
/// as many as there are, <see cref="Resamples"/> times, and each score is recomputed on each
/// resample from the documents' confusion counts. Sentences of one document are not
/// independent, so documents, not sentences, are the unit drawn. The draws come from a fixed
/// seed with SplitMix64 (the same on every machine and runtime), and every system is scored on
/// the same resamples, so their intervals can be compared.
/// </summary>
internal static class DocumentBootstrap
{
    /// <summary>Number of resamples.</summary>
    public const int Resamples = 1000;

    /// <summary>The seed of the draws.</summary>
    public const ulong Seed = 1;

    /// <summary>The resamples: <see cref="Resamples"/> arrays of <paramref name="documents"/> document indexes.</summary>
    public static int[][] Draw(int documents)
    {
        var draws = new int[Resamples][];
        ulong state = Seed;
        for (int b = 0; b < Resamples; b++)
        {
            draws[b] = new int[documents];
            for (int i = 0; i < documents; i++)
            {
                draws[b][i] = (int)(Next(ref state) % (ulong)documents);
            }
        }

        return draws;
    }

    /// <summary>The interval of macro-F1, from each document's confusion counts (<c>[gold * classes + predicted]</c>).</summary>
    public static ScoreInterval MacroF1(int[][] draws, IReadOnlyList<int[]> confusionByDocument, int classes)
    {
        var scores = new double[draws.Length];
        var sum = new int[classes * classes];
        for (int b = 0; b < draws.Length; b++)
        {
            Array.Clear(sum);
            foreach (int d in draws[b])
            {
                var c = confusionByDocument[d];
                for (int k = 0; k < sum.Length; k++)
                {
                    sum[k] += c[k];
                }
            }

            scores[b] = MacroF1(sum, classes);
        }

        return Percentiles(scores);
    }

    /// <summary>The interval of accuracy, from whether each document is right.</summary>
    public static ScoreInterval Accuracy(int[][] draws, IReadOnlyList<bool> correctByDocument)
    {
        var scores = new double[draws.Length];
        for (int b = 0; b < draws.Length; b++)
        {
            int correct = 0;
            foreach (int d in draws[b])
            {
                correct += correctByDocument[d] ? 1 : 0;
            }

            scores[b] = draws[b].Length == 0 ? 0 : correct / (double)draws[b].Length;
        }

        return Percentiles(scores);
    }

    /// <summary>Macro-F1 of a confusion matrix, with the conventions of <see cref="ClassificationReport"/> (a class never predicted, or never gold, has F1 0).</summary>
    internal static double MacroF1(int[] confusion, int classes)
    {
        double total = 0;
        for (int c = 0; c < classes; c++)
        {
            int tp = confusion[(c * classes) + c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < classes; k++)
            {
                support += confusion[(c * classes) + k];
                predicted += confusion[(k * classes) + c];
            }

            double precision = predicted == 0 ? 0 : tp / (double)predicted;
            double recall = support == 0 ? 0 : tp / (double)support;
            total += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return classes == 0 ? 0 : total / classes;
    }

    /// <summary>The 2.5th and 97.5th percentiles (nearest rank).</summary>
    private static ScoreInterval Percentiles(double[] scores)
    {
        if (scores.Length == 0)
        {
            return default;
        }

        Array.Sort(scores);
        static int Rank(int n, double p) => Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1);
        return new ScoreInterval(scores[Rank(scores.Length, 0.025)], scores[Rank(scores.Length, 0.975)]);
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
