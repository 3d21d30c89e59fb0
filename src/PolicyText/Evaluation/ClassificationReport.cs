using System.Globalization;
using System.Text;

namespace PolicyText.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Precision (0 when nothing was predicted as this class).</param>
/// <param name="Recall">Recall (0 when the class has no gold examples).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Number of gold examples.</param>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>Scores of one system on one task: per class, macro-F1, accuracy, confusion matrix (rows gold, columns predicted).</summary>
public sealed class ClassificationReport
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    /// <param name="system">The system's name.</param>
    /// <param name="labels">The label vocabulary, in display order.</param>
    /// <param name="gold">Gold labels.</param>
    /// <param name="predicted">Predicted labels, aligned with <paramref name="gold"/>.</param>
    public ClassificationReport(string system, IReadOnlyList<string> labels, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted labels differ in number.");
        }

        if (labels.Count == 0 || labels.Any(l => l is null) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new ArgumentException($"The label vocabulary must name at least one label, each once and none null; got {string.Join(", ", labels)}.", nameof(labels));
        }

        System = system;
        Labels = labels.ToArray().AsReadOnly();
        _confusion = new int[labels.Count, labels.Count];
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        int correct = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            if (!index.TryGetValue(gold[i], out int g) || !index.TryGetValue(predicted[i], out int p))
            {
                throw new ArgumentException($"Label '{(index.ContainsKey(gold[i]) ? predicted[i] : gold[i])}' (item {i}) is not one of the labels: {string.Join(", ", labels)}.");
            }

            _confusion[g, p]++;
            correct += gold[i] == predicted[i] ? 1 : 0;
        }

        var scores = new List<ClassScore>();
        for (int c = 0; c < labels.Count; c++)
        {
            int tp = _confusion[c, c];
            int support = Enumerable.Range(0, labels.Count).Sum(p => _confusion[c, p]);
            int predictedCount = Enumerable.Range(0, labels.Count).Sum(g => _confusion[g, c]);
            double precision = predictedCount == 0 ? 0 : tp / (double)predictedCount;
            double recall = support == 0 ? 0 : tp / (double)support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new ClassScore(labels[c], precision, recall, f1, support));
        }

        Classes = scores;
        MacroF1 = scores.Average(s => s.F1);
        Accuracy = gold.Count == 0 ? 0 : correct / (double)gold.Count;
        Count = gold.Count;
    }

    /// <summary>The system's name.</summary>
    public string System { get; }

    /// <summary>The labels, in display order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Per-class scores.</summary>
    public IReadOnlyList<ClassScore> Classes { get; }

    /// <summary>Unweighted mean of the per-class F1.</summary>
    public double MacroF1 { get; }

    /// <summary>Fraction correct.</summary>
    public double Accuracy { get; }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>Confusion counts: [gold, predicted] (a copy).</summary>
    public int[,] Confusion => (int[,])_confusion.Clone();

    // The report's own counts; Confusion hands out copies, so that a caller's change to one
    // does not change the report (its text, its scores).
    private readonly int[,] _confusion;

    /// <summary>The per-class table and the confusion matrix as text.</summary>
    /// <returns>Lines of text, LF endings.</returns>
    public string ToText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"  {"class",-16}{"precision",10}{"recall",8}{"F1",8}{"support",9}\n");
        foreach (var c in Classes)
        {
            sb.Append(inv, $"  {c.Label,-16}{c.Precision,10:F3}{c.Recall,8:F3}{c.F1,8:F3}{c.Support,9}\n");
        }

        sb.Append(inv, $"  {"macro-F1",-16}{"",10}{"",8}{MacroF1,8:F3}{Count,9}   accuracy {Accuracy:F3}\n");
        sb.Append("  confusion (rows gold, columns predicted):\n");
        sb.Append(inv, $"  {"",-16}");
        foreach (var l in Labels)
        {
            sb.Append(inv, $"{Abbreviate(l),8}");
        }

        sb.Append('\n');
        for (int g = 0; g < Labels.Count; g++)
        {
            sb.Append(inv, $"  {Labels[g],-16}");
            for (int p = 0; p < Labels.Count; p++)
            {
                sb.Append(inv, $"{_confusion[g, p],8}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Abbreviate(string label) => label.Length <= 7 ? label : label[..7];
}
