using PolicyText.Evaluation;
using PolicyText.Export;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Evaluation;

public class PredictionCsvTests
{
    [Fact]
    public void Each_column_holds_its_field_and_text_cells_are_protected_unless_raw()
    {
        var p = new SentencePrediction("=d1", 3, "=1+1 is the text", "freedom", "none", 0.123456f, "both", "pro_linkage", "neutral", 0.5f, "anti_linkage");
        foreach (var (raw, expected) in new[]
        {
            (false, "cv2.1,\"'=d1\",3,freedom,none,0.1235,both,pro_linkage,neutral,0.5,anti_linkage,\"'=1+1 is the text\""),
            (true, "cv2.1,=d1,3,freedom,none,0.1235,both,pro_linkage,neutral,0.5,anti_linkage,=1+1 is the text"),
        })
        {
            var stream = new MemoryStream();
            using (var writer = new PredictionCsvWriter(stream, leaveOpen: true, rawCells: raw))
            {
                writer.Write("cv2.1", [p]);
            }

            var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Equal(string.Join(',', PredictionCsvWriter.Columns), lines[0].TrimStart('\uFEFF'));
            Assert.Equal(expected, lines[1]);
        }
    }

    [Fact]
    public void Cross_validated_predictions_name_each_fold_and_cover_every_sentence_once_per_repeat()
    {
        // A small corpus (twelve train and dev documents) keeps the four trainings quick.
        using var tmp = new TempDir();
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl"))
            .Where(l => !l.Contains("\"split\": \"test\"", StringComparison.Ordinal))
            .Take(12)
            .ToList();
        Assert.Equal(12, lines.Count);
        File.WriteAllLines(Path.Combine(tmp.Path, "documents.jsonl"), lines);
        var corpus = PolicyText.Corpora.GoldCorpus.Load(tmp.Path);
        int sentences = corpus.Documents.Sum(d => d.Sentences.Count);

        var file = Path.Combine(tmp.Path, "cv.csv");
        var run = CliRunner.Run("eval", "--corpus", tmp.Path, "--cv", "2", "--repeats", "2", "--predictions", file);
        Assert.Equal(0, run.ExitCode);
        var parts = File.ReadAllLines(file).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList();
        Assert.Equal(2 * sentences, parts.Count);
        Assert.Equal(sentences, parts.Count(x => x is "cv1.1" or "cv1.2"));
        Assert.Equal(sentences, parts.Count(x => x is "cv2.1" or "cv2.2"));
        Assert.Equal(["cv1.1", "cv1.2", "cv2.1", "cv2.2"], parts.Distinct());
    }
}
