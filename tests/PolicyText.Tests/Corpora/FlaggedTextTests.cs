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
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, "in.jsonl", "{\"id\": \"a\", \"text\": \"We don\u2019t accept it.\"}\n" + System.Text.Json.JsonSerializer.Serialize(new { id = "b", text }) + "\n", quiet: false);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 row of documents that could not be read or analysed, or were flagged", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"b,b,{code},", errors[1], StringComparison.Ordinal);
        Assert.Contains(message, errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_analysis_names_the_problems_of_its_text()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        Assert.Empty(analyzer.Analyze("We don\u2019t accept the r\u00E9gime.").InputWarnings);

        var warnings = analyzer.Analyze("<p>We don\u00E2\u20AC\u2122t accept the r\u00C3\u00A9gime.</p>").InputWarnings;
        Assert.Equal([("mojibake_suspected", 2), ("markup_suspected", 2)], warnings.Select(w => (w.Code, w.Count)));
        Assert.Contains("Re-decode the source as UTF-8", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Strip the tags", warnings[1].Message, StringComparison.Ordinal);
    }
}
