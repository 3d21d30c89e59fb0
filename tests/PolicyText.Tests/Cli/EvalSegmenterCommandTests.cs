namespace PolicyText.Tests.Cli;

public class EvalSegmenterCommandTests
{
    [SkippableFact]
    public void Passes_at_least_46_of_the_48_English_Golden_Rules()
    {
        var file = RepoPaths.Peer("golden_rules_en.jsonl");
        Skip.IfNot(File.Exists(file), "../shared/peer/golden_rules_en.jsonl is not beside this clone");

        var result = CliRunner.Run("eval-segmenter", file, "--min-passed", "46");

        Assert.Equal(0, result.ExitCode);
        var last = result.Stdout.TrimEnd().Split('\n')[^1];
        Assert.Matches(@"^passed (4[6-8])/48$", last);
    }

    [Fact]
    public void Prints_each_failure_and_the_score()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "cases.jsonl");
        File.WriteAllLines(file,
        [
            """{"id": "ok", "text": "Aid came. Talks stalled.", "expected": ["Aid came.", "Talks stalled."]}""",
            """{"id": "wrong", "text": "Aid came. Talks stalled.", "expected": ["Aid came. Talks stalled."]}""",
        ]);

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("FAIL wrong", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL ok", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("passed 1/2", result.Stdout.TrimEnd(), StringComparison.Ordinal);
        var below = CliRunner.Run("eval-segmenter", file, "--min-passed", "2");
        Assert.Equal(1, below.ExitCode);
        Assert.Equal("policytext: 1 of 2 cases passed, fewer than --min-passed 2." + Environment.NewLine, below.Stderr);
        Assert.Contains("(the file has only 2)", CliRunner.Run("eval-segmenter", file, "--min-passed", "5").Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("eval-segmenter", file, "--min-passed", "1").ExitCode);
        Assert.Contains("--min-passed must be 0 or more", CliRunner.Run("eval-segmenter", file, "--min-passed", "-1").Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "a", "text": "x"}""", "'expected' is missing")]
    [InlineData("""{"id": "a", "expected": ["x"]}""", "'text' is missing")]
    [InlineData("""{"id": "a"}""", "'text' and 'expected' are missing")]
    [InlineData("""{"id": "a", "text": 3, "expected": ["x"]}""", "'text' is 3, not a string")]
    [InlineData("""{"id": "a", "text": "x", "expected": "x"}""", "'expected' is not an array of strings")]
    [InlineData("""["x"]""", "the line holds a JSON array, not an object")]
    [InlineData("not json", "'not json' is an invalid JSON literal. (at byte 2 of the line)")]
    public void A_case_without_its_fields_is_refused_naming_what_is_wrong(string line, string expected)
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "cases.jsonl");
        File.WriteAllText(file, line + "\n");

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith($"line 1: not a case with 'text' (a string) and 'expected' (an array of strings): {expected}" + Environment.NewLine, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_number()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "bad.jsonl");
        File.WriteAllLines(file, ["""{"id": "a", "text": "x", "expected": ["x"]}""", "{not json"]);

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_expected_sentence_is_refused_naming_its_line()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "cases.jsonl");
        File.WriteAllText(file, "{\"id\": \"x\", \"text\": \"A. B.\", \"expected\": [null]}\n");

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("an expected sentence is null", result.Stderr, StringComparison.Ordinal);
    }
}
