namespace PolicyText.Tests.Tagging;

/// <summary>
/// Text copied from hyphenated web pages and PDFs holds soft hyphens (U+00AD), joiners and other
/// invisible marks inside words, and typographic ligatures ("\uFB01" for "fi"). A word with them is
/// read as the word spelled plainly.
/// </summary>
public class InvisibleCharacterTests
{
    [Theory]
    [InlineData("Tying sanctions relief to human rights has worked before.")]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.")]
    [InlineData("The right to be free from starvation and to have drinkable water must come first.")]
    public void A_soft_hyphen_inside_words_changes_no_label_confidence_or_evidence_entry(string plain) =>
        AssertReadAsPlain(plain, string.Join(' ', plain.Split(' ').Select(w => w.Length >= 6 && char.IsLetter(w[2]) && char.IsLetter(w[3]) ? w[..3] + "\u00AD" + w[3..] : w)), "\u00AD");

    [Theory]
    [InlineData("Lifting sanctions now would be a sacrifice of human rights.", "Lifting sanctions now would be a sacri\uFB01ce of human rights.")]
    [InlineData("The ceasefire must not be tied to the release of political prisoners.", "The cease\uFB01re must not be tied to the release of political prisoners.")]
    [InlineData("Aid flows must continue regardless of sanctions.", "Aid \uFB02ows must continue regardless of sanctions.")]
    [InlineData("The sanctions ignore human rights.", "The sanc\u200Btions ignore hu\u200Eman rights.")]
    public void Ligatures_and_invisible_marks_inside_words_read_as_the_plain_letters(string plain, string written) =>
        AssertReadAsPlain(plain, written, null);

    private static void AssertReadAsPlain(string plain, string written, string? removable)
    {
        Assert.NotEqual(plain, written);
        var analyzer = TextAnalyzer.CreateDefault();

        var expected = Assert.Single(analyzer.Analyze(plain).Sentences);
        var actual = Assert.Single(analyzer.Analyze(written).Sentences);

        Assert.Equal(expected.Rights, actual.Rights);
        Assert.Equal(expected.Linkage, actual.Linkage);
        Assert.Equal(expected.RightsConfidence, actual.RightsConfidence);
        Assert.Equal(expected.LinkageConfidence, actual.LinkageConfidence);
        Assert.Equal(expected.Evidence.Select(e => (e.Entry, e.Category, e.Cue)), actual.Evidence.Select(e => (e.Entry, e.Category, e.Cue)));
        if (removable is not null)
        {
            Assert.Equal(expected.Evidence.Select(e => e.Text), actual.Evidence.Select(e => e.Text.Replace(removable, string.Empty, StringComparison.Ordinal)));
        }
    }
}
