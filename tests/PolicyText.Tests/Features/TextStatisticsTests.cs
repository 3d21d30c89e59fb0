using PolicyText.Features;
using PolicyText.Text;

namespace PolicyText.Tests.Features;

public class TextStatisticsTests
{
    [Theory]
    [InlineData("aid", 1)]
    [InlineData("water", 2)]
    [InlineData("sanctions", 2)]
    [InlineData("humanitarian", 5)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("people", 2)]
    [InlineData("while", 1)]
    [InlineData("whole", 1)]
    [InlineData("stale", 1)]
    [InlineData("le", 1)]
    [InlineData("rhythm", 1)]
    [InlineData("b", 1)]
    public void Syllables_are_estimated_from_vowel_groups(string word, int expected) =>
        Assert.Equal(expected, TextStatistics.CountSyllables(word));

    [Fact]
    public void Counts_and_formulas_follow_the_documented_definitions()
    {
        var stats = TextStatistics.Of(TextDocument.Parse("Aid came. Aid didn't stay, 👍 sadly."));
        Assert.Equal(35, stats.Chars); // the emoji is one code point (36 UTF-16 units)
        Assert.Equal(2, stats.Sentences);
        Assert.Equal(6, stats.Words); // aid came aid did stay sadly: not n't, punctuation or the emoji
        Assert.Equal(5, stats.Types);
        Assert.Equal(5.0 / 6, stats.TypeTokenRatio, 9);
        Assert.Equal(3.0, stats.MeanSentenceLength, 9);
        Assert.Equal(206.835 - (1.015 * 3) - (84.6 * stats.Syllables / 6.0), stats.FleschReadingEase, 9);
    }

    [Fact]
    public void An_empty_document_has_zero_counts_and_undefined_ratios()
    {
        var stats = TextStatistics.Of(TextDocument.Parse(""));
        Assert.Equal((0, 0, 0, 0), (stats.Chars, stats.Tokens, stats.Words, stats.Sentences));
        Assert.True(double.IsNaN(stats.TypeTokenRatio) && double.IsNaN(stats.MeanSentenceLength) && double.IsNaN(stats.FleschReadingEase));
    }
}
