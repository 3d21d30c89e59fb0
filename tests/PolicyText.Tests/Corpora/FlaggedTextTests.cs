using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Corpora;

/// <summary>Text that reached PolicyText garbled (mojibake) or with HTML left in it is analysed as it is, and flagged in errors.csv.</summary>
public class FlaggedTextTests
{
    [Theory]
    [InlineData("We don\u00E2\u20AC\u2122t accept it.", "mojibake_suspected", "(1 sequence such as")]
    [InlineData("<p>We don&rsquo;t accept it.</p>", "markup_suspected", "The text holds 3 HTML tags or character references")]
    public void A_garbled_document_is_analysed_and_flagged(string text, string code, string message)
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"We don\u2019t accept it.\"}\n" + System.Text.Json.JsonSerializer.Serialize(new { id = "b", text }) + "\n");
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 row of documents that could not be read or analysed, or were flagged", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"b,b,{code},", errors[1], StringComparison.Ordinal);
        Assert.Contains(message, errors[1], StringComparison.Ordinal);
    }
}
