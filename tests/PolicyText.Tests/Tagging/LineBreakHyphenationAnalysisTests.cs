namespace PolicyText.Tests.Tagging;

/// <summary>
/// A sentence whose words PDF extraction broke at line ends with hyphens ("sanc-", a line break,
/// "tions") gets the labels, confidences and evidence entries of the sentence written whole.
/// </summary>
public class LineBreakHyphenationAnalysisTests
{
    [Theory]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.", "-\n")]
    [InlineData("The right to be free from starvation and to have drinkable water must come first.", "-\r\n")]
    [InlineData("Humanitarian cooperation on food, water and health should never be conditional on sanctions relief.", "- \n  ")]
    [InlineData("Sanctions relief should not be tied to the release of political prisoners.", "\u00AD\n")]
    public void Words_broken_at_line_ends_read_as_the_whole_words(string plain, string breakWith)
    {
        // Every word of seven letters or more is broken after its third letter.
        var written = string.Join(' ', plain.Split(' ').Select(w => w.Length >= 7 && w[..5].All(char.IsLetter) ? w[..3] + breakWith + w[3..] : w));
        Assert.Contains('\n', written);

        var analyzer = TextAnalyzer.CreateDefault();
        var expected = Assert.Single(analyzer.Analyze(plain).Sentences);
        var actual = Assert.Single(analyzer.Analyze(written).Sentences);

        Assert.Equal(expected.Rights, actual.Rights);
        Assert.Equal(expected.Linkage, actual.Linkage);
        Assert.Equal(expected.RightsConfidence, actual.RightsConfidence);
        Assert.Equal(expected.LinkageConfidence, actual.LinkageConfidence);
        Assert.Equal(expected.Evidence.Select(e => (e.Entry, e.Category, e.Cue)), actual.Evidence.Select(e => (e.Entry, e.Category, e.Cue)));
        Assert.Equal(expected.Evidence.Select(e => e.Text), actual.Evidence.Select(e => e.Text.Replace(breakWith, string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_the_join_the_broken_word_would_miss_its_entry()
    {
        // The word is matched whole: "denuclear-" + "ization" is not "denuclear" + "-" + "ization".
        var analyzer = TextAnalyzer.CreateDefault();
        var sentence = Assert.Single(analyzer.Analyze("Food aid must not wait for sanc-\ntions relief.").Sentences);
        Assert.Contains(sentence.Evidence, e => e.Text == "sanc-\ntions relief");
    }
}
