using PolicyText.Text;

namespace PolicyText.Tests.Text;

/// <summary>
/// Text extracted from PDFs and hard-wrapped text break words at a line end with a hyphen
/// ("sanc-", a line break, "tions"): such a word is one token, <see cref="Token.SpansLineBreak"/>,
/// read as the word written whole.
/// </summary>
public class LineBreakHyphenationTests
{
    private static string Render(string text) =>
        string.Join(' ', Tokenizer.Default.Tokenize(text).Select(t => $"{t.GetText(text).ToString().Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}|{t.Kind}{(t.SpansLineBreak ? "+" : string.Empty)}"));

    [Theory]
    [InlineData("be condi-\ntional on", "be|Word condi-\\ntional|Word+ on|Word")]
    [InlineData("be condi-\r\ntional on", "be|Word condi-\\r\\ntional|Word+ on|Word")]
    [InlineData("be condi-\rtional on", "be|Word condi-\\rtional|Word+ on|Word")]
    [InlineData("be condi- \n   tional on", "be|Word condi- \\n   tional|Word+ on|Word")]
    [InlineData("be condi\u2010\ntional on", "be|Word condi\u2010\\ntional|Word+ on|Word")]
    [InlineData("be condi\u00AD\ntional on", "be|Word condi\u00AD\\ntional|Word+ on|Word")]
    // Two breaks in one word, and a compound part after one.
    [InlineData("denu-\nclear-\nization", "denu-\\nclear-\\nization|Word+")]
    [InlineData("people-to-peo-\nple ties", "people-to-peo-\\nple|Word+ ties|Word")]
    // A clitic still splits off; a period after the word is not an abbreviation's.
    [InlineData("the govern-\nment's plan", "the|Word govern-\\nment|Word+ 's|Clitic plan|Word")]
    [InlineData("more vitamin-\na. Then", "more|Word vitamin-\\na|Word+ .|Punctuation Then|Word")]
    [InlineData("cannot be sepa-\nrated.", "cannot|Word be|Word sepa-\\nrated|Word+ .|Punctuation")]
    // A combining mark before the hyphen is its letter's; invisible characters before a soft hyphen and around the break are passed over.
    [InlineData("cafe\u0301-\nbar", "cafe\u0301-\\nbar|Word+")]
    [InlineData("right\u2060\u00AD\ns.", "right\u2060\u00AD\\ns|Word+ .|Punctuation")]
    [InlineData("sanc\u200E-\ntions", "sanc\u200E-\\ntions|Word+")]
    [InlineData("sanc\u00AD\u200E\ntions", "sanc\u00AD\u200E\\ntions|Word+")]
    [InlineData("sanc-\u200E\r\u200E\n\u00A0tions", "sanc-\u200E\\r\u200E\\n\u00A0tions|Word+")]
    public void A_word_hyphenated_at_a_line_end_is_one_token(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    // A capital goes on a name or a new item ("Jong-" + "Un"); a digit a number; a blank line a new paragraph.
    [InlineData("Kim Jong-\nUn said", "Kim|Word Jong|Word -|Punctuation Un|Word said|Word")]
    [InlineData("COVID-\n19 cases", "COVID|Word -|Punctuation 19|Number cases|Word")]
    [InlineData("sanc-\n\ntions", "sanc|Word -|Punctuation tions|Word")]
    [InlineData("sanc-\r\n\r\ntions", "sanc|Word -|Punctuation tions|Word")]
    // A dash after a space, a double hyphen and a hyphen at the end of the text are not a broken word.
    [InlineData("the talks -\nwhich failed", "the|Word talks|Word -|Punctuation which|Word failed|Word")]
    [InlineData("the talks--\nwhich failed", "the|Word talks|Word --|Punctuation which|Word failed|Word")]
    [InlineData("sanc-", "sanc|Word -|Punctuation")]
    [InlineData("sanc-\n", "sanc|Word -|Punctuation")]
    [InlineData("sanc-\n ", "sanc|Word -|Punctuation")]
    // Other white space than a line break, and an en dash, do not join.
    [InlineData("sanc- tions", "sanc|Word -|Punctuation tions|Word")]
    [InlineData("sanc\u2013\ntions", "sanc|Word \u2013|Punctuation tions|Word")]
    public void Other_hyphens_before_a_line_break_do_not_join(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void The_normalized_form_leaves_out_the_hyphen_and_the_white_space()
    {
        var document = TextDocument.Parse("Sanc-\r\n  tions hit Kim Jong-\nUn.");
        var word = document.Tokens[0];
        Assert.True(word.SpansLineBreak);
        Assert.Equal("sanc\u00AD\u00AD\u00AD\u00AD\u00ADtions", document.GetNormalized(word).ToString());
        Assert.Equal("Sanc-\r\n  tions", word.GetText(document.Text).ToString());
        // The hyphen before a capital does not join, so "Jong-" stays apart.
        Assert.DoesNotContain(document.Tokens.ToArray().Skip(1), t => t.SpansLineBreak);
        // Elsewhere the normalized text is TextNormalizer's.
        Assert.Equal(TextNormalizer.Normalize(document.Text)[word.End..], document.NormalizedText[word.End..]);
    }

    [Fact]
    public void Given_sentences_read_the_joined_words_too()
    {
        const string text = "Aid is condi-\ntional. Sanc-\ntions bite.";
        var document = TextDocument.WithSentences(text, [(0, 21), (22, text.Length)]);
        Assert.Equal(2, document.Sentences.Length);
        Assert.Equal("condi\u00AD\u00ADtional", document.GetNormalized(document.Tokens[2]).ToString());
    }

    [Fact]
    public void A_joined_word_is_a_token_of_the_text_that_does_not_end_its_line()
    {
        // The break inside the word is not a line break before the next token, and the segmenter
        // reads one sentence where the line went on.
        var document = TextDocument.Parse("Humanitarian aid must never be condi-\ntional on talks.\nIt saves lives.");
        Assert.Equal(2, document.Sentences.Length);
        var on = document.Tokens.ToArray().Single(t => t.GetText(document.Text).SequenceEqual("on"));
        Assert.False(on.FollowsLineBreak);
    }

    [Fact]
    public void A_word_hyphenated_across_a_line_break_is_one_part()
    {
        const string text = "Sino-U.S. sanc-\ntions";
        var parts = new List<string>();
        foreach (var t in Tokenizer.Default.Tokenize(text))
        {
            foreach (var p in t.GetParts(text))
            {
                parts.Add(p.GetText(text).ToString());
            }
        }

        Assert.Equal(["Sino", "U.S.", "sanc-\ntions"], parts);
    }
}
