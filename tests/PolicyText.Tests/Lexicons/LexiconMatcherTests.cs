using PolicyText.Lexicons;
using PolicyText.Text;

namespace PolicyText.Tests.Lexicons;

public class LexiconMatcherTests
{
    private const string Sample = """
        # a small lexicon for tests
        @lexicon test
        @version 3
        [freedom]
        political prison camp*
        prison
        freedom of expression
        [economic_social]
        right to food
        food
        starv*
        [instrument]
        sanction*
        nuclear talks
        """;

    private static string Find(string text)
    {
        var doc = TextDocument.Parse(text);
        var matcher = new LexiconMatcher(Lexicon.Parse(Sample));
        var matches = new List<LexiconMatch>();
        matcher.Match(doc, matches);
        return string.Join(" | ", matches.Select(m =>
        {
            var first = doc.Tokens[m.FirstToken];
            var last = doc.Tokens[m.FirstToken + m.TokenCount - 1];
            return $"{matcher.Lexicon.Categories[m.Category]}:{doc.Text[first.Start..last.End]}";
        }));
    }

    [Theory]
    [InlineData("Sanctions bite.", "instrument:Sanctions")]
    [InlineData("The SANCTIONED firms", "instrument:SANCTIONED")]
    [InlineData("They starved.", "economic_social:starved")]
    [InlineData("Political prison camps remain.", "freedom:Political prison camps")]
    [InlineData("A prison camp.", "freedom:prison")]
    [InlineData("The right to food and food aid.", "economic_social:right to food | economic_social:food")]
    [InlineData("Freedom of Expression and nuclear talks", "freedom:Freedom of Expression | instrument:nuclear talks")]
    [InlineData("nuclear power", "")]
    [InlineData("sanc", "")]
    // A soft hyphen or a word joiner inside a word (hyphenated web and PDF text) is left out of the comparison.
    [InlineData("Sanc\u00ADtions on nu\u00ADclear talks and the right to fo\u2060od.", "instrument:Sanc\u00ADtions | instrument:nu\u00ADclear talks | economic_social:right to fo\u2060od")]
    [InlineData("Politi\u00ADcal pri\u00ADson camps", "freedom:Politi\u00ADcal pri\u00ADson camps")]
    // A zero-width space, or an invisible mark beside a space, between the words of an entry is no word of its own.
    [InlineData("the right to\u200Bfood and political \u200Eprison camps", "economic_social:right to\u200Bfood | freedom:political \u200Eprison camps")]
    public void Finds_words_globs_and_multi_word_expressions_ignoring_case(string text, string expected) =>
        Assert.Equal(expected, Find(text));

    [Theory]
    [InlineData("istanbul process")]
    [InlineData("İstanbul Process")]
    public void Turkish_dotted_capital_i_matches_as_i(string entry)
    {
        // The invariant culture leaves "İ" as it is; an entry in either spelling matches both.
        var matcher = new LexiconMatcher(Lexicon.Parse($"@lexicon t\n@version 1\n[instrument]\n{entry}\n"));
        foreach (var text in new[] { "The İstanbul Process met.", "The ISTANBUL process met.", "The İSTANBUL PROCESS met." })
        {
            var matches = new List<LexiconMatch>();
            matcher.Match(TextDocument.Parse(text), matches);
            Assert.Single(matches);
            Assert.Equal(2, matches[0].TokenCount);
        }
    }

    [Theory]
    [InlineData("R&D")]
    [InlineData("AT&T")]
    [InlineData("North\u2013South")]
    [InlineData("2018\u20132019")]
    [InlineData("Korea\u02BCs")]
    [InlineData("war\u2014peace")]
    public void An_entry_matches_the_text_it_was_copied_from(string wording)
    {
        // Entries are tokenized as written and then normalized, as text is: normalizing first
        // changed how "R&D" (one token), an en dash (splits words) and a modifier apostrophe read.
        var lexicon = Lexicon.Parse($"@lexicon t\n@version 1\n[c]\n{wording}\n");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(TextDocument.Parse($"We saw {wording} today."), matches);
        Assert.Single(matches);
    }

    [Fact]
    public void Curly_quotes_and_clitics_match_their_plain_forms()
    {
        var lexicon = Lexicon.Parse("@lexicon q\n@version 1\n[x]\nkorea's people\ndon't link\n");
        var matcher = new LexiconMatcher(lexicon);
        var doc = TextDocument.Parse("Korea’s people say: don’t link them.");
        var matches = new List<LexiconMatch>();
        matcher.Match(doc, matches);
        Assert.Equal(2, matches.Count);
        Assert.Equal(3, matches[0].TokenCount);
        Assert.Equal(3, matches[1].TokenCount);
    }

    [Theory]
    // An entry written in decomposed form, with a ligature, or as a glob of either, matches the
    // word however the text spells it.
    [InlineData("de\u0301tente", "The détente failed, and the de\u0301tente failed.", 2)]
    [InlineData("de\u0301tent*", "The détente failed, and the de\u0301tentes failed.", 2)]
    [InlineData("\uFB01nancial aid", "Financial aid and \uFB01nancial aid and sanc-\ntions.", 2)]
    [InlineData("sanctions", "Financial aid and \uFB01nancial aid and sanc-\ntions.", 1)]
    public void Entries_are_spelled_as_words_are_read(string entry, string text, int expected)
    {
        var lexicon = Lexicon.Parse($"@lexicon r\n@version 1\n[x]\n{entry}\n");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(TextDocument.Parse(text), matches);
        Assert.Equal(expected, matches.Count);
    }

    [Fact]
    public void A_sentence_span_is_matched_on_its_own_with_relative_indexes()
    {
        var doc = TextDocument.Parse("Food first. Then sanctions.");
        var matcher = new LexiconMatcher(Lexicon.Parse(Sample));
        var second = doc.Sentences[1];
        var matches = new List<LexiconMatch>();
        matcher.Match(doc.NormalizedText, second.GetTokens(doc.Tokens), matches);
        var m = Assert.Single(matches);
        Assert.Equal(1, m.FirstToken);
        Assert.Equal("sanction*", matcher.Lexicon.Entries[m.Entry].Pattern);
    }

    [Theory]
    [InlineData("[x]\nfood\n", "@lexicon")]
    [InlineData("@lexicon a\n@version 1\nfood\n", "line 3")]
    [InlineData("@lexicon a\n@version 1\n[x]\nsa*\n", "line 4")]
    [InlineData("@lexicon a\n@version 1\n[x]\nsanc*tion\n", "line 4")]
    [InlineData("@lexicon a\n@version 1\n[x]\nfood\n[x]\nwater\n", "line 5")]
    [InlineData("@lexicon a\n@version 1\n@weight 2\n", "line 3")]
    [InlineData("@lexicon a\n@version\n[x]\nfood\n", "line 2: @version needs a value")]
    [InlineData("@lexicon a\n@version 1\n@lexicon b\n[x]\nfood\n", "line 3: @lexicon appears twice")]
    [InlineData("@lexicon a\n@version 1\n[ ]\nfood\n", "line 3: a category needs a name")]
    [InlineData("@lexicon a\n@version 1\n[x]\nfreedom # core word\n", "line 4: '#': '#' starts a comment only at the start of a line")]
    [InlineData("@lexicon a\n@version 1;b@2\n[x]\nfood\n", "line 2: @version '1;b@2' must be one word")]
    [InlineData("@lexicon a b\n@version 1\n[x]\nfood\n", "line 1: @lexicon 'a b' must be one word")]
    public void A_malformed_lexicon_is_reported_with_its_line(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Lexicon.Parse(text, "my.lexicon"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_keeps_name_version_categories_and_drops_duplicates()
    {
        var lexicon = Lexicon.Parse(Sample + "\n[freedom2]\nfood\nFOOD\n");
        Assert.Equal("test", lexicon.Name);
        Assert.Equal("3", lexicon.Version);
        Assert.Equal(["freedom", "economic_social", "instrument", "freedom2"], lexicon.Categories);
        Assert.Single(lexicon.Entries, e => e.Category == "freedom2");
    }

    [Theory]
    [InlineData("at&t")]
    [InlineData("AT&T")]
    [InlineData("At&t")]
    public void An_entry_with_an_ampersand_matches_in_any_case(string entry)
    {
        // The tokenizer joins "AT&T" into one token and splits "at&t" into three; an entry in
        // either case (as a quanteda dictionary, lower-cased, has it) matches both.
        var lexicon = Lexicon.Parse($"@lexicon t\n@version 1\n[c]\n{entry}\n");
        var doc = TextDocument.Parse("AT&T, at&t and At&T today.");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(doc, matches);
        Assert.Equal(["AT&T", "at&t", "At&T"], matches.Select(m => doc.Text[doc.Tokens[m.FirstToken].Start..doc.Tokens[m.FirstToken + m.TokenCount - 1].End]));
    }

    [Fact]
    public void Duplicates_are_entries_that_match_the_same_tokens()
    {
        // An en dash splits "forced–labour" into three tokens: it matches other text than
        // "forced-labour" and is kept. "r&d" and "R&D", a ligature and its letters, a tab and a
        // space match the same and are one entry (the first written).
        var lexicon = Lexicon.Parse("@lexicon t\n@version 1\n[c]\nforced\u2013labour\nforced-labour\nr&d\nR&D\n\uFB01nancial aid\nfinancial aid\nright\tto  food\nright to food\n");
        Assert.Equal(["forced\u2013labour", "forced-labour", "r&d", "\uFB01nancial aid", "right to food"], lexicon.Entries.Select(e => e.Pattern));

        var doc = TextDocument.Parse("Forced-labour, R&D and the right to food.");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(doc, matches);
        Assert.Equal(["forced-labour", "r&d", "right to food"], matches.Select(m => lexicon.Entries[m.Entry].Pattern));
    }

    [Fact]
    public void Globs_and_hashtags_with_their_marks_inside_match_as_written()
    {
        // "R&D*" read lower-case would put its '*' on "d": that reading is left out, not the entry.
        var lexicon = Lexicon.Parse("@lexicon t\n@version 1\n[c]\nM&A*\nthe #MeToo movement\nC#\n");
        var doc = TextDocument.Parse("The M&As of 2019, the #MeToo movement and C# code.");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(doc, matches);
        Assert.Equal(["M&A*", "the #MeToo movement", "C#"], matches.Select(m => lexicon.Entries[m.Entry].Pattern));
    }

    [Fact]
    public void An_empty_category_is_kept_so_that_a_category_can_be_switched_off()
    {
        var lexicon = Lexicon.Parse("@lexicon t\n@version 1\n[x]\n[y]\nfood\n");
        Assert.Equal(["x", "y"], lexicon.Categories);
        Assert.Equal("y", Assert.Single(lexicon.Entries).Category);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public void Many_globs_that_share_their_first_letters_match_as_few_do(int fillers)
    {
        // Past sixteen globs under one three-letter start, the matcher looks each prefix of the
        // word up in a sorted list; the entry that wins is still the first listed that matches.
        var entries = new List<string> { "concer*", "conf*", "conc*", "concerned*", "con*" };
        entries.AddRange(Enumerable.Range(0, fillers).Select(i => $"con{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}zz*"));
        entries.Add("conflict*");
        var lexicon = Lexicon.Parse("@lexicon t\n@version 1\n[c]\n" + string.Join("\n", entries) + "\n[d]\nconflict*\nconcern*\n");
        var doc = TextDocument.Parse("Concerned, conflicted, conaazz and confabulating conmen.");
        var matches = new List<LexiconMatch>();
        new LexiconMatcher(lexicon).Match(doc, matches);
        Assert.Equal(
            ["c:concer*", "d:concern*", "c:conf*", "d:conflict*", "c:con*", "c:conf*", "c:con*"],
            matches.Select(m => lexicon.Categories[m.Category] + ":" + lexicon.Entries[m.Entry].Pattern));
    }
}
