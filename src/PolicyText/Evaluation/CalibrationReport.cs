using System.Globalization;
using System.Text;

namespace PolicyText.Evaluation;

/// <summary>The sentences whose reported confidence fell in one interval, and how often their label was right.</summary>
/// <param name="Low">The interval's lower end (inclusive).</param>
/// <param name="High">Its upper end (exclusive, except 1 for the last interval).</param>
/// <param name="Count">Sentences in it.</param>
/// <param name="Accuracy">The share of them whose label equals the gold label.</param>
/// <param name="MeanConfidence">Their mean reported confidence.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double Accuracy, double MeanConfidence);

/// <summary>
/// How well a system's reported confidences match how often its labels are right: the sentences
/// in ten equal intervals of confidence (a reliability table) and the expected calibration
/// error, the count-weighted mean of |accuracy − mean confidence| over the intervals. A
/// confidence is calibrated when, among sentences reported at about 0.8, about 80 % are right.
/// </summary>
/// <param name="System">The system.</param>
/// <param name="Task">The task (<c>rights</c> or <c>linkage</c>).</param>
/// <param name="Bins">The non-empty intervals, in ascending order.</param>
/// <param name="ExpectedCalibrationError">The expected calibration error, 0 for none.</param>
public sealed record CalibrationReport(string System, string Task, IReadOnlyList<CalibrationBin> Bins, double ExpectedCalibrationError)
{
    private const int Intervals = 10;

    /// <summary>Builds the table from each sentence's confidence and whether its label was right.</summary>
    /// <param name="system">The system.</param>
    /// <param name="task">The task.</param>
    /// <param name="sentences">Per sentence, the reported confidence (0 to 1) and whether the label equals the gold label.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A confidence is not between 0 and 1.</exception>
    public static CalibrationReport Compute(string system, string task, IEnumerable<(float Confidence, bool Correct)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new int[Intervals];
        var correct = new int[Intervals];
        var confidence = new double[Intervals];
        int total = 0;
        foreach (var (c, right) in sentences)
        {
            if (!(c is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(sentences), c, "A confidence must be between 0 and 1.");
            }

            int b = Math.Min((int)(c * Intervals), Intervals - 1);
            counts[b]++;
            correct[b] += right ? 1 : 0;
            confidence[b] += c;
            total++;
        }

        var bins = new List<CalibrationBin>();
        double error = 0;
        for (int b = 0; b < Intervals; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            double accuracy = correct[b] / (double)counts[b];
            double mean = confidence[b] / counts[b];
            bins.Add(new CalibrationBin(b / (double)Intervals, (b + 1) / (double)Intervals, counts[b], accuracy, mean));
            error += counts[b] / (double)total * Math.Abs(accuracy - mean);
        }

        return new CalibrationReport(system, task, bins, error);
    }

    /// <summary>The table as text: one line per interval.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{Task} confidence — {System} (expected calibration error {ExpectedCalibrationError:F3})\n");
        sb.Append(inv, $"  {"confidence",-12}{"sentences",10}{"accuracy",10}{"mean confidence",17}\n");
        foreach (var b in Bins)
        {
            sb.Append(inv, $"  {$"{b.Low:F1}-{b.High:F1}",-12}{b.Count,10}{b.Accuracy,10:F3}{b.MeanConfidence,17:F3}\n");
        }

        return sb.ToString();
    }
}
