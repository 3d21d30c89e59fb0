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
    [InlineData("The sanctions ignore human rights.", "The sanc\u200Ftions ignore hu\u200Eman rights.")]
    [InlineData("They denied the right to food.", "They de\u00AD\u00ADnied the right to fo\uFEFF\u2060od.")]
    public void Ligatures_and_invisible_marks_inside_words_read_as_the_plain_letters(string plain, string written) =>
        AssertReadAsPlain(plain, written, null);

    [Theory]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.")]
    [InlineData("The right to be free from starvation and to have drinkable water must come first.")]
    [InlineData("Sanctions relief should not be tied to the release of political prisoners.")]
    public void Zero_width_spaces_and_stray_invisible_marks_between_words_change_nothing(string plain)
    {
        // Web pages put zero-width spaces (U+200B) where a line may break, and editors leave
        // direction marks and joiners beside spaces: none of them is a token, so a multi-word
        // entry ("right approach", "free from starvation", "tied to") still matches across them.
        var words = plain.Split(' ');
        string[] separators = ["\u200B", "\u200B ", " \u200B", "\u200E ", " \u2060", "\uFEFF "];
        var written = words[0] + string.Concat(words.Skip(1).Select((w, k) => separators[k % separators.Length] + w));
        AssertReadAsPlain(plain, "\uFEFF" + written, null);
    }

    [Theory]
    [InlineData("We don't think food aid should be tied to denuclearization talks.", "We don\u00B4t think food aid should be tied to denuclearization talks.")]
    [InlineData("We don't think food aid should be tied to denuclearization talks.", "We don\u02BCt think food aid should be tied to denuclearization talks.")]
    [InlineData("Korea's record on women's rights is poor.", "Korea\u00B4s record on women\u00B4s rights is poor.")]
    public void An_acute_accent_or_a_modifier_apostrophe_reads_as_an_apostrophe(string plain, string written) =>
        AssertReadAsPlain(plain, written, null);

    [Theory]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.", "Ｃｏｎｎｅｃｔｉｎｇ ｈｕｍａｎ ｒｉｇｈｔｓ ａｎｄ ｄｅｎｕｃｌｅａｒｉｚａｔｉｏｎ ｎｅｇｏｔｉａｔｉｏｎｓ ｉｓ ｎｏｔ ｔｈｅ ｒｉｇｈｔ ａｐｐｒｏａｃｈ.")]
    [InlineData("Does anyone still believe sanctions work?", "Ｄｏｅｓ ａｎｙｏｎｅ ｓｔｉｌｌ ｂｅｌｉｅｖｅ ｓａｎｃｔｉｏｎｓ ｗｏｒｋ?")]
    [InlineData("The right to food must come first.", "The ｒｉｇｈｔ ｔｏ ｆｏｏｄ must come first.")]
    public void Full_width_letters_read_as_their_ascii_letters(string plain, string written) =>
        AssertReadAsPlain(plain, written, null);

    [Theory]
    [InlineData("The détente of 2018 was a naïve bet that sanctions relief would buy goodwill.", "The de\u0301tente of 2018 was a nai\u0308ve bet that sanctions relief would buy goodwill.")]
    [InlineData("The communiqué said food aid would continue regardless of the talks.", "The communique\u0301 said food aid would continue regardless of the talks.")]
    [InlineData("Détente without human rights is not the right approach.", "De\u0301tente without human rights is not the right approach.")]
    [InlineData("Nguyễn said the right to food comes first in Việt Nam.", "Nguye\u0302\u0303n said the right to food comes first in Vie\u0323\u0302t Nam.")]
    public void Text_in_decomposed_form_reads_as_the_composed_text(string plain, string written) =>
        AssertReadAsPlain(plain, written, null);

    [Fact]
    public void A_decomposed_accent_matches_its_entry()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        var sentence = Assert.Single(analyzer.Analyze("The de\u0301tente failed.").Sentences);
        Assert.Contains(sentence.Evidence, e => e.Entry == "détente" && e.Text == "de\u0301tente");
    }

    [Fact]
    public void A_footnote_mark_glued_to_a_word_leaves_the_word_matchable()
    {
        // "food\u00B9" was one token, so "right to food" was not matched. The mark is a token of
        // its own (a word to the models, so labels may move a little), and the entries are those
        // of the text without it.
        var analyzer = TextAnalyzer.CreateDefault();
        var plain = Assert.Single(analyzer.Analyze("Sanctions have cut the right to food in rural provinces.").Sentences);
        var marked = Assert.Single(analyzer.Analyze("Sanctions have cut the right to food\u00B9 in rural provinces.").Sentences);
        Assert.Contains(marked.Evidence, e => e.Entry == "right to food");
        Assert.Equal(plain.Evidence.Select(e => (e.Entry, e.Category, e.Text)), marked.Evidence.Select(e => (e.Entry, e.Category, e.Text)));
        Assert.Equal(plain.Rights, marked.Rights);
    }

    /// <summary>Asserts that <paramref name="written"/> is read as <paramref name="plain"/>: the same labels, confidences and evidence entries (and evidence texts, less <paramref name="removable"/>).</summary>
    internal static void AssertReadAsPlain(string plain, string written, string? removable)
    {
        Assert.False(string.Equals(plain, written, StringComparison.Ordinal));
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
