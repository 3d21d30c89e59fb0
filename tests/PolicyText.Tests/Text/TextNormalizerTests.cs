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
    // Full-width letters and digits, from Chinese, Japanese and Korean sources; full-width and ideographic punctuation stays (but for ＇ ＂ －).
    [InlineData("Ｈｕｍａｎ ＲＩＧＨＴＳ（３５％）！？．，＇＂－～", "human rights（35％）！？．，'\"-～")]
    [InlineData("人权。、", "人权。、")]
    // The Turkish capital I with a dot, which the invariant culture does not lower: "i", as the name's other spellings have it.
    [InlineData("İstanbul İZMİR ıslak", "istanbul izmir ıslak")]
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

    [Fact]
    public void Every_full_width_letter_and_digit_normalizes_as_its_ascii_character()
    {
        for (char c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            char ascii = (char)(c - 0xFEE0);
            if (char.IsAsciiLetterOrDigit(ascii))
            {
                Assert.Equal(TextNormalizer.Normalize(ascii), TextNormalizer.Normalize(c));
            }
            else if (c is not ('\uFF07' or '\uFF02' or '\uFF0D'))
            {
                Assert.Equal(c, TextNormalizer.Normalize(c));
            }
        }
    }
}
