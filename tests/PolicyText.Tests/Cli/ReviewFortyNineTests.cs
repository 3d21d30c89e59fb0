namespace PolicyText.Tests.Cli;

/// <summary>What a first-time user's probe (forty-ninth session) found in <c>policytext analyze</c>'s handling of inputs and outputs.</summary>
public class ReviewFortyNineTests
{
    [Fact]
    public void A_null_text_in_json_lines_keeps_its_document_flagged_as_empty()
    {
        // pandas' to_json(lines=True) writes a missing string as null: the document keeps its
        // row in documents.csv, with no sentences, and is flagged, as a CSV's NA cell is.
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n{\"id\": \"b\", \"text\": null, \"year\": 2020}\n{\"id\": \"c\", \"text\": 3}\n");
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(["a", "b"], documents.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("b,2020,0,0,0,0,", documents[2], StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains(errors, l => l.StartsWith("b,", StringComparison.Ordinal) && l.Contains(",empty_text,", StringComparison.Ordinal));
        // A text of another kind is still not a text.
        Assert.Contains(errors, l => l.StartsWith("c,in.jsonl:3,malformed_line,", StringComparison.Ordinal) && l.Contains("'text' is missing or not a string", StringComparison.Ordinal));
    }

    [Fact]
    public void One_invalid_byte_is_counted_in_the_singular()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllBytes(Path.Combine(input, "one.txt"), [.. "Caf"u8.ToArray(), 0xE9, .. " aid."u8.ToArray()]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 invalid byte sequence (for the file's encoding) was replaced with U+FFFD", File.ReadAllText(Path.Combine(output, "errors.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_under_a_file_is_refused_naming_the_file()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n");
        var file = Path.Combine(tmp.Path, "afile");
        File.WriteAllText(file, "not a folder");

        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(file, "sub", "deeper"), "-q");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"policytext: The output folder '{Path.Combine(file, "sub", "deeper")}' cannot be created: '{file}' is a file, not a folder." + Environment.NewLine, result.Stderr);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [SkippableFact]
    public void An_output_folder_the_system_refuses_is_said_to_be_so()
    {
        Skip.IfNot(Directory.Exists("/proc/self"), "needs Linux's /proc, where no folder can be made");
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n");

        var result = CliRunner.Run("analyze", input, "--out", "/proc/policytext-out", "-q");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("policytext: The output folder '/proc/policytext-out' cannot be created (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("give a folder you can write to.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_afresh_over_an_interrupted_run_says_so_before_the_run()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n");
        var output = Path.Combine(tmp.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "sentences.csv.partial"), "doc_id\n");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"policytext: note: '{output}' holds an interrupted run's unfinished files (.partial); this run replaces them and starts afresh. To continue that run instead, stop this one (Ctrl-C) and run the same command with --resume." + Environment.NewLine, result.Stderr);
        Assert.False(File.Exists(Path.Combine(output, "sentences.csv.partial")));

        // A finished folder is replaced without a word.
        Assert.Equal(string.Empty, CliRunner.Run("analyze", input, "--out", output, "-q").Stderr);
    }
}
