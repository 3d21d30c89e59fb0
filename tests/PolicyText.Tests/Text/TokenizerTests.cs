using CsCheck;
using PolicyText.Text;

namespace PolicyText.Tests.Text;

public class TokenizerTests
{
    /// <summary>Tokens rendered as "text|Kind|start", space separated.</summary>
    internal static string Render(string text) =>
        string.Join(' ', Tokenizer.Default.Tokenize(text).Select(t => $"{t.GetText(text)}|{t.Kind}|{t.Start}"));

    [Theory]
    // Abbreviations are one token with their period.
    [InlineData("the U.S. and", "the|Word|0 U.S.|Abbreviation|4 and|Word|9")]
    [InlineData("U.N. envoy", "U.N.|Abbreviation|0 envoy|Word|5")]
    [InlineData("the U.S.A. today", "the|Word|0 U.S.A.|Abbreviation|4 today|Word|11")]
    [InlineData("at 3 p.m. sharp", "at|Word|0 3|Number|3 p.m.|Abbreviation|5 sharp|Word|10")]
    [InlineData("Dr. Han", "Dr.|Abbreviation|0 Han|Word|4")]
    [InlineData("on Jan. 14", "on|Word|0 Jan.|Abbreviation|3 14|Number|8")]
    [InlineData("Sen. Marsh", "Sen.|Abbreviation|0 Marsh|Word|5")]
    [InlineData("e.g. food", "e.g.|Abbreviation|0 food|Word|5")]
    [InlineData("Jonas E. Smith", "Jonas|Word|0 E.|Abbreviation|6 Smith|Word|9")]
    [InlineData("Acme Inc.", "Acme|Word|0 Inc.|Abbreviation|5")]
    // A word that is not an abbreviation keeps its period apart.
    [InlineData("the end.", "the|Word|0 end|Word|4 .|Punctuation|7")]
    // Compounds stay whole.
    [InlineData("Sino-U.S. ties", "Sino-U.S.|Abbreviation|0 ties|Word|10")]
    // Keycaps are one symbol each.
    [InlineData("#\uFE0F\u20E3 1\uFE0F\u20E3 *\u20E3 go", "#\uFE0F\u20E3|Symbol|0 1\uFE0F\u20E3|Symbol|4 *\u20E3|Symbol|8 go|Word|11")]
    [InlineData("Ri Moo-jin said", "Ri|Word|0 Moo-jin|Word|3 said|Word|11")]
    [InlineData("COVID-19 cases", "COVID-19|Word|0 cases|Word|9")]
    [InlineData("self-reliance", "self-reliance|Word|0")]
    [InlineData("AT&T and R&D", "AT&T|Word|0 and|Word|5 R&D|Word|9")]
    // Clitics split.
    [InlineData("Korea's people", "Korea|Word|0 's|Clitic|5 people|Word|8")]
    [InlineData("Korea’s people", "Korea|Word|0 ’s|Clitic|5 people|Word|8")]
    [InlineData("don't", "do|Word|0 n't|Clitic|2")]
    [InlineData("can't", "ca|Word|0 n't|Clitic|2")]
    [InlineData("They're here", "They|Word|0 're|Clitic|4 here|Word|8")]
    [InlineData("we've, I'll, I'd, I'm", "we|Word|0 've|Clitic|2 ,|Punctuation|5 I|Word|7 'll|Clitic|8 ,|Punctuation|11 I|Word|13 'd|Clitic|14 ,|Punctuation|16 I|Word|18 'm|Clitic|19")]
    [InlineData("JFK Jr.'s book", "JFK|Word|0 Jr.|Abbreviation|4 's|Clitic|7 book|Word|10")]
    // "no" (kind number) is an abbreviation only before a number; elsewhere a word and its period.
    [InlineData("Law No. 10", "Law|Word|0 No.|Abbreviation|4 10|Number|8")]
    [InlineData("the answer is no.", "the|Word|0 answer|Word|4 is|Word|11 no|Word|14 .|Punctuation|16")]
    [InlineData("say no. It", "say|Word|0 no|Word|4 .|Punctuation|6 It|Word|8")]
    [InlineData("O'Brien", "O'Brien|Word|0")]
    [InlineData("the countries' aid", "the|Word|0 countries|Word|4 '|Punctuation|13 aid|Word|15")]
    // Numbers stay whole.
    [InlineData("1,300 people", "1,300|Number|0 people|Word|6")]
    [InlineData("3.5% growth", "3.5%|Number|0 growth|Word|5")]
    [InlineData("$100.00.", "$100.00|Number|0 .|Punctuation|7")]
    [InlineData("the 1990s", "the|Word|0 1990s|Number|4")]
    [InlineData("the 5th round", "the|Word|0 5th|Number|4 round|Word|8")]
    [InlineData("₩5,000 won", "₩5,000|Number|0 won|Word|7")]
    [InlineData("9/11", "9/11|Number|0")]
    [InlineData("$ alone", "$|Symbol|0 alone|Word|2")]
    // E-mail addresses and URLs stay whole; a sentence period after them does not.
    [InlineData("mail Jane.Doe@example.com.", "mail|Word|0 Jane.Doe@example.com|Email|5 .|Punctuation|25")]
    [InlineData("see https://www.example.org/a_b/c.html.", "see|Word|0 https://www.example.org/a_b/c.html|Url|4 .|Punctuation|38")]
    [InlineData("(www.example.org)", "(|Punctuation|0 www.example.org|Url|1 )|Punctuation|16")]
    [InlineData("@handle", "@|Punctuation|0 handle|Word|1")]
    // Ellipses, dashes, brackets and quotes are tokens of their own.
    [InlineData("wait... then", "wait|Word|0 ...|Punctuation|4 then|Word|8")]
    [InlineData("wait… then", "wait|Word|0 …|Punctuation|4 then|Word|6")]
    [InlineData("talks—and", "talks|Word|0 —|Punctuation|5 and|Word|6")]
    [InlineData("2018–2019", "2018|Number|0 –|Punctuation|4 2019|Number|5")]
    [InlineData("a -- b", "a|Word|0 --|Punctuation|2 b|Word|5")]
    [InlineData("“Aid [now]”", "“|Punctuation|0 Aid|Word|1 [|Punctuation|5 now|Word|6 ]|Punctuation|9 ”|Punctuation|10")]
    [InlineData("Why?! Now!!", "Why|Word|0 ?!|Punctuation|3 Now|Word|6 !!|Punctuation|9")]
    // A footnote number after a word's period is split off; a version, a decimal, an initialism,
    // a word in capitals and a word that numbers a part of a text before digits are not.
    [InlineData("a decade.1 That", "a|Word|0 decade|Word|2 .|Punctuation|8 1|Number|9 That|Word|11")]
    [InlineData("hostage-taking.42", "hostage-taking|Word|0 .|Punctuation|14 42|Number|15")]
    [InlineData("scarce.3,4 Aid", "scarce|Word|0 .|Punctuation|6 3,4|Number|7 Aid|Word|11")]
    [InlineData("scarce.3\u20135 Aid", "scarce|Word|0 .|Punctuation|6 3|Number|7 \u2013|Punctuation|8 5|Number|9 Aid|Word|11")]
    [InlineData("scarce.3,1234 Aid", "scarce.3,1234|Word|0 Aid|Word|14")]
    [InlineData("v1.2 and 2024.3", "v1.2|Word|0 and|Word|5 2024.3|Number|9")]
    [InlineData("decade.1234 U.S.1", "decade.1234|Word|0 U.S.1|Word|12")]
    [InlineData("decade.1a p.55", "decade.1a|Word|0 p.55|Word|10")]
    [InlineData("para.3 Art.5 fig.2 paras.4", "para.3|Word|0 Art.5|Word|7 fig.2|Word|13 paras.4|Word|19")]
    [InlineData("EU.1 No.1", "EU.1|Word|0 No.1|Word|5")]
    // Other scripts, combining marks and emoji.
    [InlineData("북한의 인권", "북한의|Word|0 인권|Word|4")]
    [InlineData("café", "café|Word|0")]
    [InlineData("cafe\u0301 ok", "cafe\u0301|Word|0 ok|Word|6")]
    [InlineData("👍🏽 yes", "👍🏽|Symbol|0 yes|Word|5")]
    [InlineData("👨‍👩‍👧", "👨‍👩‍👧|Symbol|0")]
    [InlineData("🇰🇷 and 🇺🇦.", "🇰🇷|Symbol|0 and|Word|5 🇺🇦|Symbol|9 .|Punctuation|13")]
    [InlineData("🇰🇷🇺🇦", "🇰🇷|Symbol|0 🇺🇦|Symbol|4")]
    [InlineData("-20°C. Then", "-|Punctuation|0 20|Number|1 °|Symbol|3 C|Word|4 .|Punctuation|5 Then|Word|7")]
    [InlineData("the FT. The", "the|Word|0 FT|Word|4 .|Punctuation|6 The|Word|8")]
    [InlineData("MR. KIM", "MR.|Abbreviation|0 KIM|Word|4")]
    [InlineData("a\u200Bb", "a|Word|0 b|Word|2")]
    [InlineData("Sana\u02BC is \u02BCn x\u02BC", "Sana\u02BC|Word|0 is|Word|6 \u02BCn|Word|9 x\u02BC|Word|12")]
    [InlineData("\u02BCn boek", "\u02BCn|Word|0 boek|Word|3")]
    [InlineData("10 km\u00B2 mc\u00B2", "10|Number|0 km\u00B2|Word|3 mc\u00B2|Word|7")]
    [InlineData("System.Text obj.Method Console.WriteLine gmail.Com report.Pdf", "System.Text|Word|0 obj|Word|12 .|Punctuation|15 Method|Word|16 Console.WriteLine|Word|23 gmail.Com|Word|41 report.Pdf|Word|51")]
    [InlineData("john.Smith-Jones@example.com mary.Smith2@example.org", "john.Smith-Jones@example.com|Email|0 mary.Smith2@example.org|Email|29")]
    [InlineData("collapsed.The talks", "collapsed|Word|0 .|Punctuation|9 The|Word|10 talks|Word|14")]
    [InlineData("don\u00B4t Korea\u02BCs", "do|Word|0 n\u00B4t|Clitic|2 Korea|Word|6 \u02BCs|Clitic|11")]
    [InlineData("food\u00B9 in rights\u00B2\u00B3.", "food|Word|0 \u00B9|Word|4 in|Word|6 rights|Word|9 \u00B2\u00B3|Word|15 .|Punctuation|17")]
    [InlineData("a \u200B b", "a|Word|0 b|Word|4")]
    [InlineData("sanc\u00ADtions hu\u2060man", "sanc\u00ADtions|Word|0 hu\u2060man|Word|11")]
    [InlineData("a\u00AD b \u00ADc", "a|Word|0 b|Word|3 c|Word|6")]
    [InlineData("\uFEFFThe right to\u200B food \u200Band\u200E\u2060 water", "The|Word|1 right|Word|5 to|Word|11 food|Word|15 and|Word|21 water|Word|27")]
    [InlineData("https://example.org/a\u200Bb c", "https://example.org/a\u200Bb|Url|0 c|Word|24")]
    [InlineData("\u200D\U0001F44D \u200Bx", "\U0001F44D|Symbol|1 x|Word|5")]
    [InlineData("\U0001F44D\u200Dtoday \U0001F468\u200D\U0001F4BB", "\U0001F44D|Symbol|0 today|Word|3 \U0001F468\u200D\U0001F4BB|Symbol|9")]
    [InlineData("See https://ex.org/a.\u200E Then", "See|Word|0 https://ex.org/a|Url|4 .|Punctuation|20 Then|Word|23")]
    [InlineData("said \u200E's", "said|Word|0 '|Punctuation|6 s|Word|7")]
    [InlineData("fo\u00AD\u00ADod Smit\u00AD\u200Eh.", "fo\u00AD\u00ADod|Word|0 Smit\u00AD\u200Eh|Word|7 .|Punctuation|14")]
    [InlineData("\U0001F622\u200D. \U0001F9D1\u200D\u2695\uFE0F", "\U0001F622|Symbol|0 .|Punctuation|3 \U0001F9D1\u200D\u2695\uFE0F|Symbol|5")]
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    public void Tokenizes_as_a_reader_of_op_eds_expects(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("Sino-U.S.", "Sino|U.S.")]
    [InlineData("Moo-jin", "Moo|jin")]
    [InlineData("COVID-19", "COVID|19")]
    [InlineData("self-reliance", "self|reliance")]
    [InlineData("state‐run", "state|run")]
    [InlineData("Korea", "Korea")]
    public void Compound_parts_are_available(string text, string expected)
    {
        var token = Assert.Single(Tokenizer.Default.Tokenize(text));
        var parts = new List<string>();
        foreach (var part in token.GetParts(text))
        {
            parts.Add(part.GetText(text).ToString());
        }

        Assert.Equal(expected, string.Join('|', parts));
    }

    [Fact]
    public void An_unpaired_surrogate_is_a_token_of_its_own()
    {
        // Built at run time: attribute arguments cannot carry an unpaired surrogate.
        var text = "x" + '\uD800' + "y" + '\uDC00';
        Assert.Equal("x|Word|0 \uD800|Other|1 y|Word|2 \uDC00|Other|3", Render(text));
    }

    [Fact]
    public void Enumeration_matches_the_array_form_and_allocates_nothing_per_token()
    {
        var text = string.Concat(Enumerable.Repeat("The U.S. didn't send $1,300 to Korea's clinics... ", 200));
        var expected = Tokenizer.Default.Tokenize(text);
        var enumerated = new List<Token>();
        foreach (var token in Tokenizer.Default.Enumerate(text))
        {
            enumerated.Add(token);
        }

        Assert.Equal(expected, enumerated);

        CountTokens(text); // warm up, so that JIT work is not counted
        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = CountTokens(text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected.Length, count);
        Assert.Equal(0, allocated);
    }

    private static int CountTokens(string text)
    {
        int n = 0;
        foreach (var _ in Tokenizer.Default.Enumerate(text))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public void The_ascii_table_agrees_with_char_IsWhiteSpace_and_IsAsciiLetterOrDigit()
    {
        for (char c = '\0'; c < 128; c++)
        {
            Assert.Equal(char.IsWhiteSpace(c), PolicyText.Internals.CharClass.IsWhiteSpace(c));
            Assert.Equal(char.IsAsciiLetterOrDigit(c), PolicyText.Internals.CharClass.IsAsciiLetterOrDigit(c));
        }
    }

    [Fact]
    public void Skipping_ascii_letters_and_digits_stops_at_every_other_character_in_every_lane()
    {
        // Every UTF-16 code unit, at every position of the eight-character blocks and of the
        // scalar tail after them, against the plain definition.
        var buffer = "abcdefghijklmnopqrsXYZ0189".ToCharArray();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            for (int at = 0; at < buffer.Length; at++)
            {
                char saved = buffer[at];
                buffer[at] = (char)c;
                foreach (int from in (int[])[0, 1, 5, 18])
                {
                    int expected = from;
                    while (expected < buffer.Length && char.IsAsciiLetterOrDigit(buffer[expected]))
                    {
                        expected++;
                    }

                    int actual = PolicyText.Internals.CharClass.SkipAsciiLettersAndDigits(buffer, from);
                    if (actual != expected)
                    {
                        Assert.Fail($"U+{c:X4} at {at}, from {from}: {actual}, expected {expected}");
                    }
                }

                buffer[at] = saved;
            }
        }
    }

    [Fact]
    public void Skipping_ascii_letters_and_digits_matches_the_plain_definition_on_random_text() =>
        // Mostly letters and digits, so that runs reach past the first block; the rest the
        // characters either side of the ASCII ranges, other ASCII, Latin letters and surrogates.
        Gen.Frequency(
                (7, Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['0', '9'])),
                (1, Gen.OneOf(Gen.OneOf('@', '[', '`', '{', '/', ':', ' ', '\u0141', '\uD800', '\uDC00'), Gen.Char['\0', '\u017F'])))
            .Array[0, 40].Select(Gen.Int[0, 40]).Sample((chars, from) =>
        {
            from = Math.Min(from, chars.Length);
            int expected = from;
            while (expected < chars.Length && char.IsAsciiLetterOrDigit(chars[expected]))
            {
                expected++;
            }

            return expected == PolicyText.Internals.CharClass.SkipAsciiLettersAndDigits(chars, from);
        });

    [Fact]
    public void A_run_longer_than_the_token_limit_is_cut_into_several_tokens()
    {
        var text = new string('a', Token.MaxLength + 10) + " b";
        var tokens = Tokenizer.Default.Tokenize(text);
        Assert.Equal(3, tokens.Length);
        Assert.Equal(Token.MaxLength, tokens[0].Length);
        Assert.Equal(10, tokens[1].Length);
        Assert.Equal(Token.MaxLength + 11, tokens[2].Start);
    }

    [Fact]
    public void Tokens_record_line_breaks_before_them()
    {
        var tokens = Tokenizer.Default.Tokenize("Title\n\nBody one\r\nline two\u2029End");
        Assert.Equal([false, true, false, true, false, true], tokens.Select(t => t.FollowsLineBreak));
        Assert.Equal([false, true, false, false, false, true], tokens.Select(t => t.FollowsBlankLine));
    }

    [Fact]
    public void Line_breaks_are_counted_through_invisible_characters()
    {
        // CR, a direction mark, LF is one line break; LF, U+FEFF, form feed (pdftotext's page end) too;
        // LF, a zero-width space, LF is a blank line.
        var tokens = Tokenizer.Default.Tokenize("one\r\u200E\ntwo\n\uFEFF\fthree\n\u200B\nfour");
        Assert.Equal([false, true, true, true], tokens.Select(t => t.FollowsLineBreak));
        Assert.Equal([false, false, false, true], tokens.Select(t => t.FollowsBlankLine));
    }

    [Theory]
    [InlineData("Dr.", AbbreviationKind.Prefix)]
    [InlineData("Inc.", AbbreviationKind.End)]
    [InlineData("Jan.", AbbreviationKind.Other)]
    [InlineData("U.S.", AbbreviationKind.Other)]
    [InlineData("E.", AbbreviationKind.Other)]
    [InlineData("No. 5", AbbreviationKind.Prefix)]
    [InlineData("No. #12", AbbreviationKind.Prefix)]
    [InlineData("No. I", AbbreviationKind.None)]
    [InlineData("No. XII", AbbreviationKind.None)]
    [InlineData("No.\n5", AbbreviationKind.None)]
    [InlineData("word", AbbreviationKind.None)]
    public void Abbreviations_carry_their_class_from_the_list(string text, AbbreviationKind expected) =>
        Assert.Equal(expected, Tokenizer.Default.Tokenize(text).First().AbbreviationKind);

    [Fact]
    public void Abbreviation_list_is_data_that_can_be_replaced()
    {
        var custom = Abbreviations.Parse("approx other\n# comment\nxyz prefix\n", "The\n");
        var tokenizer = new Tokenizer(custom);
        var text = "Dr. Xyz. met";
        var tokens = tokenizer.Tokenize(text).Select(t => t.GetText(text).ToString()).ToArray();
        Assert.Equal(["Dr", ".", "Xyz.", "met"], tokens);
        Assert.True(Abbreviations.Default.Count > 50);
        Assert.Equal(AbbreviationKind.Prefix, Abbreviations.Default.Lookup("sen"));
        Assert.Equal(AbbreviationKind.Prefix, Abbreviations.Default.Lookup("SEN"));
    }

    [Theory]
    [InlineData("Case No. ICC-01/04 opened.", true)]
    [InlineData("Protocol No. XII applies.", true)]
    [InlineData("Decree No.\n5 applies.", true)]
    [InlineData("Decree No.\n\n5 applies.", false)]
    [InlineData("The answer was no. G7 leaders disagreed.", false)]
    [InlineData("The board voted No. ICC judges objected.", false)]
    [InlineData("Protocol No. CIVIL society objected.", false)]
    public void A_titled_no_is_the_abbreviation_before_an_identifier(string text, bool abbreviation)
    {
        var no = Tokenizer.Default.Tokenize(text).First(t => t.GetText(text).StartsWith("No", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(abbreviation, no.Kind == TokenKind.Abbreviation);
    }

    [Fact]
    public void A_number_kind_abbreviation_is_one_only_before_a_number()
    {
        var custom = Abbreviations.Parse("art number\n", string.Empty);
        Assert.Equal(AbbreviationKind.Number, custom.Lookup("Art"));
        var tokenizer = new Tokenizer(custom);
        var text = "Art. 5 is the art.";
        Assert.Equal(["Art.", "5", "is", "the", "art", "."], tokenizer.Tokenize(text).Select(t => t.GetText(text).ToString()).ToArray());
        Assert.Equal(AbbreviationKind.Prefix, tokenizer.Tokenize(text).First().AbbreviationKind);
    }

    [Fact]
    public void A_malformed_abbreviation_line_is_reported_with_its_number()
    {
        var ex = Assert.Throws<FormatException>(() => Abbreviations.Parse("dr prefix\nsen senator\n", string.Empty));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }
}
