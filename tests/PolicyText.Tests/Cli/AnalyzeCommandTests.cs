using System.Text;

namespace PolicyText.Tests.Cli;

public class AnalyzeCommandTests
{
    /// <summary>The mini folder holds an empty file, flagged empty_text: its runs end with exit code 2.</summary>
    internal const int MiniExit = 2;

    [Fact]
    public void Writes_sentences_csv_byte_for_byte_as_the_golden_file()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", tmp.Path, "--tokens");

        Assert.Equal(MiniExit, result.ExitCode);
        // The folder's empty.txt is a document, flagged empty_text (the exit code 2).
        var errors = File.ReadAllLines(Path.Combine(tmp.Path, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("empty,empty,empty_text,\"The document has no text to read (it is empty, white space or invisible characters", errors[1], StringComparison.Ordinal);
        // The folder's ignored.json is not read, and the run says so.
        Assert.Equal("policytext: note: 1 file not read, the first 'ignored.json': a folder's .txt and .md files are read; convert other documents to plain text (.txt) first." + Environment.NewLine, result.Stderr);
        Assert.Contains("5 documents, 10 sentences", result.Stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "sentences", "documents", "evidence", "tokens" })
        {
            var actual = File.ReadAllBytes(Path.Combine(tmp.Path, name + ".csv"));
            var expected = File.ReadAllBytes(RepoPaths.TestData("golden", $"mini-{name}.csv"));
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
            Assert.False(File.Exists(Path.Combine(tmp.Path, name + ".csv.partial")));
        }
    }

    [Fact]
    public void Documents_csv_counts_the_furniture_lines_it_skipped()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "scraped.txt");
        File.WriteAllText(input, "Feed the children first\n\nShare this article\n\nAid should flow regardless of politics.\n\nAdvertisement\n\nThe regime must also free its political prisoners.\n\nFollow us on X and Facebook\n");
        var output = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "--quiet").ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal("3", row[Array.IndexOf(header, "furniture_lines")]);
        Assert.Equal("3", row[Array.IndexOf(header, "sentences")]);
        Assert.Equal(Array.IndexOf(header, "sentences") + 1, Array.IndexOf(header, "furniture_lines"));
    }

    [Fact]
    public void Offsets_are_code_points_that_slice_the_document_text()
    {
        using var tmp = new TempDir();
        Assert.Equal(MiniExit, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", tmp.Path, "--quiet").ExitCode);
        var source = File.ReadAllText(RepoPaths.TestData("mini", "opinion", "aid.txt")); // the BOM is dropped on reading
        var codePoints = source.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var lines = File.ReadAllLines(Path.Combine(tmp.Path, "sentences.csv"));
        var row = lines.Single(l => l.StartsWith("opinion/aid,2,", StringComparison.Ordinal));
        var fields = row.Split(',', 10);
        int start = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        int end = int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture);
        var sliced = string.Concat(codePoints[start..end]);
        Assert.Equal("Dr. Kim said “water matters” 👍🏽 too.", sliced);
        Assert.Equal(sliced, fields[9]);
    }

    [Fact]
    public void Cells_that_look_like_formulas_are_neutralised_unless_raw_cells_is_asked_for()
    {
        using var tmp = new TempDir();
        Assert.Equal(MiniExit, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", Path.Combine(tmp.Path, "safe"), "-q").ExitCode);
        Assert.Equal(MiniExit, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", Path.Combine(tmp.Path, "raw"), "-q", "--raw-cells").ExitCode);
        var safe = File.ReadAllLines(Path.Combine(tmp.Path, "safe", "sentences.csv"));
        var raw = File.ReadAllLines(Path.Combine(tmp.Path, "raw", "sentences.csv"));
        Assert.Contains(safe, l => l.EndsWith(",\"'=SUM(A1) is not a sentence.\"", StringComparison.Ordinal));
        Assert.Contains(safe, l => l.EndsWith(",\"'- food first\"", StringComparison.Ordinal));
        Assert.Contains(raw, l => l.EndsWith(",=SUM(A1) is not a sentence.", StringComparison.Ordinal));
        Assert.Contains(raw, l => l.EndsWith(",- food first", StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_csv_is_written_only_when_asked_for()
    {
        using var tmp = new TempDir();
        Assert.Equal(MiniExit, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", tmp.Path, "-q").ExitCode);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "tokens.csv")));
    }

    [Fact]
    public void The_quick_start_corpus_runs()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", Path.Combine(RepoPaths.Root, "corpus", "quickstart"), "--out", tmp.Path);
        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(tmp.Path, "sentences.csv"));
        Assert.Equal("doc_id,sentence_index,start,end,tokens,rights,rights_confidence,linkage,linkage_confidence,text", lines[0]);
        Assert.True(lines.Length > 50);
        Assert.Contains(lines, l => l.StartsWith("humanitarian-first,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_input_is_a_clear_error_with_exit_code_1()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", Path.Combine(tmp.Path, "nope"), "--out", tmp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("policytext: No file or folder at", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_out_option_is_a_usage_error()
    {
        var result = CliRunner.Run("analyze", RepoPaths.TestData("mini"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--out", result.Stderr, StringComparison.Ordinal);
    }
}

public class BadInputGoldenTests
{
    [Fact]
    public void A_json_lines_input_with_bad_lines_gives_the_golden_files_byte_for_byte()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", RepoPaths.TestData("bad", "bad.jsonl"), "--out", tmp.Path, "-q");
        Assert.Equal(2, result.ExitCode);
        foreach (var name in new[] { "errors", "documents", "sentences", "evidence" })
        {
            var expected = File.ReadAllBytes(RepoPaths.TestData("golden", $"bad-{name}.csv"));
            var actual = File.ReadAllBytes(Path.Combine(tmp.Path, name + ".csv"));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        }
    }
}
