namespace PolicyText.Tests.Tagging;

/// <summary>
/// Text copied from hyphenated web pages and PDFs holds soft hyphens (U+00AD) and joiners inside
/// words. They are invisible: a word with them is read as the word without them.
/// </summary>
public class InvisibleCharacterTests
{
    [Theory]
    [InlineData("Tying sanctions relief to human rights has worked before.")]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.")]
    [InlineData("The right to be free from starvation and to have drinkable water must come first.")]
    public void A_soft_hyphen_inside_words_changes_no_label_confidence_or_evidence_entry(string plain)
    {
        // A soft hyphen after the third letter of every word of six letters or more.
        var hyphenated = string.Join(' ', plain.Split(' ').Select(w => w.Length >= 6 && char.IsLetter(w[2]) && char.IsLetter(w[3]) ? w[..3] + "\u00AD" + w[3..] : w));
        Assert.NotEqual(plain, hyphenated);
        var analyzer = TextAnalyzer.CreateDefault();

        var expected = Assert.Single(analyzer.Analyze(plain).Sentences);
        var actual = Assert.Single(analyzer.Analyze(hyphenated).Sentences);

        Assert.Equal(expected.Rights, actual.Rights);
        Assert.Equal(expected.Linkage, actual.Linkage);
        Assert.Equal(expected.RightsConfidence, actual.RightsConfidence);
        Assert.Equal(expected.LinkageConfidence, actual.LinkageConfidence);
        Assert.Equal(expected.Evidence.Select(e => (e.Entry, e.Category, e.Cue)), actual.Evidence.Select(e => (e.Entry, e.Category, e.Cue)));
        Assert.Equal(expected.Evidence.Select(e => e.Text), actual.Evidence.Select(e => e.Text.Replace("\u00AD", string.Empty, StringComparison.Ordinal)));
    }
}
