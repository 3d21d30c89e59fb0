using PolicyText.Text;

namespace PolicyText.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Korea’s", "korea's")]
    [InlineData("“Aid”", "\"aid\"")]
    [InlineData("‘quoted’", "'quoted'")]
    [InlineData("talks—and–or‐not", "talks-and-or-not")]
    [InlineData("U.S. SANCTIONS", "u.s. sanctions")]
    [InlineData("Ärzte ÉCOLE", "ärzte école")]
    [InlineData("북한 👍🏽", "북한 👍🏽")]
    public void Normalizes_case_quotes_apostrophes_and_dashes(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalized_text_keeps_the_offsets_of_the_source()
    {
        var doc = TextDocument.Parse("The U.S.’s “Maximum Pressure” — Didn’t Work.");
        Assert.Equal(doc.Text.Length, doc.NormalizedText.Length);
        var norms = new List<string>();
        foreach (var t in doc.Tokens)
        {
            norms.Add(doc.GetNormalized(t).ToString());
        }

        Assert.Equal(["the", "u.s.", "'s", "\"", "maximum", "pressure", "\"", "-", "did", "n't", "work", "."], norms);
        Assert.StartsWith("The U.S.’s", doc.Text, StringComparison.Ordinal);
    }
}
