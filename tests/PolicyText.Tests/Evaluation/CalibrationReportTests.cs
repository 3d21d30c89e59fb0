using PolicyText.Evaluation;

namespace PolicyText.Tests.Evaluation;

public class CalibrationReportTests
{
    [Fact]
    public void Sentences_fall_into_tenths_of_confidence_and_the_error_weights_each_by_its_count()
    {
        // 0.95 ×4 (3 right), 0.65 ×2 (both wrong), 1.0 ×1 (right, in the last interval), 0.1 ×1 (right).
        var report = CalibrationReport.Compute("s", "rights", [
            (0.95f, true), (0.95f, true), (0.95f, false), (0.95f, true),
            (0.65f, false), (0.65f, false), (1f, true), (0.1f, true)]);

        Assert.Equal([0.1, 0.6, 0.9], report.Bins.Select(b => b.Low));
        Assert.Equal([1, 2, 5], report.Bins.Select(b => b.Count));
        var top = report.Bins[2];
        Assert.Equal(0.8, top.Accuracy, 9);
        Assert.Equal((4 * 0.95f + 1f) / 5, top.MeanConfidence, 6);
        Assert.Equal(1.0, top.High);

        double expected = (1 / 8.0 * Math.Abs(1 - 0.1f)) + (2 / 8.0 * Math.Abs(0 - 0.65f)) + (5 / 8.0 * Math.Abs(0.8 - top.MeanConfidence));
        Assert.Equal(expected, report.ExpectedCalibrationError, 6);
        Assert.Contains("0.9-1.0", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Perfectly_calibrated_confidences_have_no_error_and_bad_ones_are_refused()
    {
        var report = CalibrationReport.Compute("s", "linkage", [(0.75f, true), (0.75f, true), (0.75f, true), (0.75f, false)]);
        Assert.Equal(0, report.ExpectedCalibrationError, 6);
        Assert.Empty(CalibrationReport.Compute("s", "linkage", []).Bins);
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.Compute("s", "linkage", [(1.5f, true)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.Compute("s", "linkage", [(float.NaN, true)]));
    }
}

public class EvaluationCalibrationTests
{
    [Fact]
    public void The_evaluation_calibrates_the_default_systems_labels_against_the_gold_labels()
    {
        var corpus = PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));
        var report = TaggerEvaluation.Evaluate(corpus, PolicyText.Corpora.CorpusSplit.Dev, PolicyText.Models.PolicyModels.Default!);
        Assert.NotNull(report.Calibration);
        int system = TaggerEvaluation.Systems.ToList().IndexOf("PolicyText default");
        foreach (var (calibration, scores) in new[] { (report.Calibration![0], report.Rights[system]), (report.Calibration[1], report.Linkage[system]) })
        {
            // Every sentence is in one interval, and the intervals' accuracies add up to the system's.
            Assert.Equal(scores.Count, calibration.Bins.Sum(b => b.Count));
            Assert.Equal(scores.Accuracy, calibration.Bins.Sum(b => b.Accuracy * b.Count) / scores.Count, 9);
        }

        Assert.Equal(("rights", "linkage"), (report.Calibration[0].Task, report.Calibration[1].Task));
    }
}
