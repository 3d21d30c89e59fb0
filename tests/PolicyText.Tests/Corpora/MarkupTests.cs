using PolicyText.Internals;

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
}
