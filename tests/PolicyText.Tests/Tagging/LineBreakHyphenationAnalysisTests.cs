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
        InvisibleCharacterTests.AssertReadAsPlain(plain, written, breakWith);
    }

    [Fact]
    public void Without_the_join_the_broken_word_would_miss_its_entry()
    {
        // The word is matched whole: "sanc-" + "tions relief" is the entry "sanctions relief", not "sanc" + "-" + "tions".
        var analyzer = TextAnalyzer.CreateDefault();
        var sentence = Assert.Single(analyzer.Analyze("Food aid must not wait for sanc-\ntions relief.").Sentences);
        Assert.Contains(sentence.Evidence, e => e.Text == "sanc-\ntions relief");
    }

    [Theory]
    [InlineData("Aid cannot be a reward for releasing political prisoners.")]
    [InlineData("The EU cannot reward the regime with aid while prisoners remain in jail.")]
    [InlineData("The talks resumed in Jan. However, the sanctions on food imports stayed in place.")]
    [InlineData("The plan was cited by the FT. Because the sanctions stayed, clinics closed.")]
    [InlineData("Sanctions were reported by the FT. Nevertheless the regime must respect human rights.")]
    [InlineData("The economy collapsed.Sanctions were imposed on the central bank.")]
    [InlineData("\"We will not stop the food aid!\" Kim insisted. The sanctions stayed.")]
    [InlineData("The union must insist that wages are paid, and governments should say so publicly.")]
    [InlineData("Humanitarian cooperation on food, water and health is the practical way to improve human rights.")]
    public void Any_word_broken_at_any_line_end_reads_as_the_whole_word(string plain)
    {
        // Every word of five letters or more, broken as typesetting does (two letters or more
        // before the hyphen, three or more after), one break at a time and all at once.
        var analyzer = TextAnalyzer.CreateDefault();
        var expected = analyzer.Analyze(plain);
        var words = System.Text.RegularExpressions.Regex.Matches(plain, @"\p{L}{5,}").ToArray();
        Assert.NotEmpty(words);
        foreach (var w in words)
        {
            for (int cut = 2; cut <= w.Length - 3; cut++)
            {
                AssertSame(expected, analyzer.Analyze(plain.Insert(w.Index + cut, "-\n")), plain, w.Index + cut);
            }
        }

        // Two breaks in one word ("Never-" + "the-" + "less").
        foreach (var w in words.Where(w => w.Length >= 8))
        {
            AssertSame(expected, analyzer.Analyze(plain.Insert(w.Index + 5, "-\n").Insert(w.Index + 2, "-\r\n")), plain, w.Index + 2);
        }

        var all = plain;
        foreach (var w in words.Reverse())
        {
            all = all.Insert(w.Index + 2, "-\r\n");
        }

        AssertSame(expected, analyzer.Analyze(all), all, -1);
    }

    private static void AssertSame(DocumentAnalysis expected, DocumentAnalysis actual, string text, int at)
    {
        string where = $"{text} (break at {at})";
        Assert.True(expected.Sentences.Count == actual.Sentences.Count, where);
        for (int i = 0; i < expected.Sentences.Count; i++)
        {
            var (e, a) = (expected.Sentences[i], actual.Sentences[i]);
            Assert.True(e.Rights == a.Rights && e.Linkage == a.Linkage && e.RightsConfidence == a.RightsConfidence && e.LinkageConfidence == a.LinkageConfidence, where);
            Assert.True(e.Evidence.Select(x => (x.Entry, x.Category, x.Cue)).SequenceEqual(a.Evidence.Select(x => (x.Entry, x.Category, x.Cue))), where);
        }

        Assert.Equal(PolicyText.Features.TextStatistics.Of(expected.Document) with { Chars = 0 }, PolicyText.Features.TextStatistics.Of(actual.Document) with { Chars = 0 });
    }
}
