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
}
