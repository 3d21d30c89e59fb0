using PolicyText.Internals;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Corpora;

/// <summary>HTML left in a text (tags, character references) is analysed as it is, and flagged.</summary>
public class MarkupTests
{
    [Theory]
    [InlineData("<p>We don&rsquo;t accept it.</p>", 3)]
    [InlineData("Aid&nbsp;flows &#8217; &#x2019; &AMP; <br/> <BR> <a href=\"x\">link</a>", 8)]
    [InlineData("<div class=\"body\">Text</div>", 2)]
    [InlineData("a&ntilde;o S&atilde;o <html><body><title>T</title> <!-- x --> <font face=\"x\">", 8)]
    // Not markup: comparisons, ampersands in names, unknown or malformed references.
    [InlineData("If a < b and c > d, R&D; AT&T; Smith&Wesson; & more", 0)]
    [InlineData("Fees rose 5 <10 %. &#; &#1; &#xZZ; &rsquo &;", 0)]
    [InlineData("if a<b and b<c, 0 <i <n, x <p and y", 0)]
    [InlineData("<", 0)]
    [InlineData("&", 0)]
    [InlineData("", 0)]
    public void Counts_html_tags_and_character_references(string text, int expected) =>
        Assert.Equal(expected, Markup.Count(text));

    [Fact]
    public void A_document_with_html_is_analysed_and_flagged()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"We don\u2019t accept it.\"}\n{\"id\": \"b\", \"text\": \"<p>We don&rsquo;t accept it.</p>\"}\n");
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("b,b,markup_suspected,", errors[1], StringComparison.Ordinal);
        Assert.Contains("The text holds 3 HTML tags", errors[1], StringComparison.Ordinal);
    }
}
