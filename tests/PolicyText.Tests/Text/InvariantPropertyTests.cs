using CsCheck;
using PolicyText.Internals;
using PolicyText.Text;

namespace PolicyText.Tests.Text;

/// <summary>Invariants on random Unicode input: what holds for every text.</summary>
public class InvariantPropertyTests
{
    /// <summary>Pieces chosen to hit the tokenizer's edge cases, mixed with random code units.</summary>
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u3000", ".", "...", "…", ",", "'", "’", "\"", "“", "”", "(", ")", "[", "]",
        "-", "—", "–", "!", "?", "@", ":", "/", "$", "%", "&", "#", "•", "⁃", "U.S.", "Dr.", "e.g.", "p.m.", "don't", "Korea's",
        "1,300", "3.5", "1.", "2)", "a.", "https://", "www.", "x@y.org", "북한", "e\u0301", "\u0301", "👍", "🏽", "\u200D", "\uFE0F",
        "\uD800", "\uDC00", "\u200B", "\u0000", "Ab", "cd", "The", "I", "A", "9",
        // Scraped and extracted text: invisible marks, ligatures, odd apostrophes, footnote digits, page breaks, glued sentences.
        "\u02BC", "\u00B4", "\u00B9", "\u00B2", "\u00AD", "\u200C", "\u200E", "\u202E", "\u2060", "\uFEFF", "\uFB01", "\f", "\v", "\n\f",
        "collapsed.", "Sanctions", "food", "km",
        // Words hyphenated at line ends (PDF text): "sanc-" + line break + "tions".
        "-\n", "-\r\n", "- \n ", "\u00AD\n", "\u2010\r", "tions", "sanc",
        // Page numbers and running heads at page breaks (PDF text).
        "\n\n7\n\f", "Page 3", "- 2 -", "Brief | 4", "\fBrief\n\n",
    ];

    private static readonly Gen<string> Texts =
        Gen.OneOf(
                Gen.OneOf(Pieces.Select(Gen.Const).ToArray()),
                Gen.Char.Select(c => c.ToString()),
                Gen.Char['\u0000', '\u00FF'].Select(c => c.ToString()))
            .Array[0, 60]
            .Select(string.Concat);

    [Fact]
    public void Tokens_cover_every_character_but_white_space_and_invisible_separators_exactly_once() =>
        Texts.Sample(text =>
        {
            var tokens = Tokenizer.Default.Tokenize(text);
            int position = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Length > 0, "empty token");
                Assert.True(t.Start >= position, "tokens overlap or are out of order");
                Assert.True(t.End <= text.Length, "token past the end");
                for (int i = position; i < t.Start; i++)
                {
                    Assert.True(CharClass.IsSeparator(text[i]), $"character U+{(int)text[i]:X4} at {i} is in no token");
                }

                // A word hyphenated across a line break holds its hyphen's line end: spaces or tabs,
                // one line break, spaces or tabs, then a lower-case letter.
                var inside = t.GetText(text).ToString();
                if (t.SpansLineBreak)
                {
                    // (Invisible characters count as spaces there.)
                    const string gap = @"[ \t\u00A0\u200B\u00AD\u200C-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]*";
                    const string lineEnd = "([-\u2010\u2011]" + gap + "|\u00AD[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]*)" + @"(\r[\u200B\u00AD\u200C-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]*\n|\r|\n)" + gap;
                    Assert.Matches("^[^\\s]+(" + lineEnd + "[^\\s]+)+$", inside);
                    Assert.All(System.Text.RegularExpressions.Regex.Matches(inside, lineEnd + "(.)"), m => Assert.True(char.IsLower(m.Groups[3].Value[0]), inside));
                    inside = System.Text.RegularExpressions.Regex.Replace(inside, lineEnd, string.Empty);
                }

                for (int i = 0; i < inside.Length; i++)
                {
                    Assert.False(char.IsWhiteSpace(inside[i]) && t.Kind != TokenKind.Url, $"white space at {t.Start + i} inside a token");
                    Assert.False(inside[i] == '\u200B' && t.Kind != TokenKind.Url, $"a zero-width space at {t.Start + i} inside a token");
                }

                position = t.End;
            }

            for (int i = position; i < text.Length; i++)
            {
                Assert.True(CharClass.IsSeparator(text[i]), $"character at {i} after the last token");
            }
        }, iter: 20_000);

    [Fact]
    public void Tokens_never_split_a_surrogate_pair() =>
        Texts.Sample(text =>
        {
            foreach (var t in Tokenizer.Default.Tokenize(text))
            {
                Assert.False(t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]) && char.IsLowSurrogate(text[t.Start]), "token starts inside a pair");
            }
        }, iter: 10_000);

    [Fact]
    public void Sentences_tile_the_tokens_and_the_text() =>
        Texts.Sample(text =>
        {
            var doc = TextDocument.Parse(text);
            var tokens = doc.Tokens;
            int nextToken = 0;
            int position = 0;

            // Page furniture (text with form feeds) is read as white space.
            var read = Blank(text, doc.PageFurniture);
            foreach (var s in doc.Sentences)
            {
                Assert.Equal(nextToken, s.FirstToken);
                Assert.True(s.TokenCount > 0);
                Assert.Equal(tokens[s.FirstToken].Start, s.Start);
                Assert.Equal(tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
                Assert.True(IsSeparators(read.AsSpan(position, s.Start - position)), "a token's character between sentences");
                nextToken += s.TokenCount;
                position = s.End;
            }

            Assert.Equal(tokens.Length, nextToken);
            Assert.True(IsSeparators(read.AsSpan(position)));
        }, iter: 20_000);

    [Fact]
    public void Page_furniture_is_a_line_next_to_a_page_break_and_in_no_token()
    {
        int found = 0;
        Texts.Sample(text =>
        {
            // Every character but separators and furniture is in exactly one token, as the
            // tokenizer would read the text with the furniture blanked out; each furniture span is
            // one line's text, trimmed, with only white space and other furniture between it and a
            // form feed, or a web page's furniture line.
            var doc = TextDocument.Parse(text);
            var read = Blank(text, doc.PageFurniture);
            int position = 0;
            foreach (var (start, end) in doc.PageFurniture)
            {
                Interlocked.Increment(ref found);
                Assert.True(start >= position && end > start, "furniture spans out of order or empty");
                var line = text.AsSpan(start, end - start);
                Assert.False(char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1]), "furniture not trimmed");
                Assert.True(line.IndexOfAny('\n', '\r', '\f') < 0, "furniture over a line break");
                int before = start;
                while (before > 0 && CharClass.IsSeparator(read[before - 1]) && text[before - 1] != '\f')
                {
                    before--;
                }

                int after = end;
                while (after < text.Length && CharClass.IsSeparator(read[after]) && text[after] != '\f')
                {
                    after++;
                }

                // A web page's furniture ("© …", "Share") is a whole line anywhere.
                Assert.True((before > 0 && text[before - 1] == '\f') || (after < text.Length && text[after] == '\f') || WebFurniture.IsFurniture(CharClass.VisibleLine(line)), $"furniture at {start} is not next to a page break nor a web page's");
                position = end;
            }

            var tokens = doc.Tokens;
            position = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= position);
                Assert.True(IsSeparators(read.AsSpan(position, t.Start - position)), "a character in no token");
                Assert.True(t.GetText(read).SequenceEqual(t.GetText(text)), "furniture inside a token");
                position = t.End;
            }

            Assert.True(IsSeparators(read.AsSpan(position)), "a character after the last token");
        }, iter: 20_000);

        // The generator writes numbers and form feeds together often enough to find furniture.
        Assert.True(found > 100, $"only {found} furniture lines");
    }

    /// <summary>The text with each of <paramref name="spans"/> made spaces.</summary>
    private static string Blank(string text, IReadOnlyList<(int Start, int End)> spans)
    {
        var chars = text.ToCharArray();
        foreach (var (start, end) in spans)
        {
            chars.AsSpan(start, end - start).Fill(' ');
        }

        return new string(chars);
    }

    [Fact]
    public void A_word_that_spans_a_line_break_reads_as_its_letters_alone()
    {
        int joined = 0;
        Texts.Sample(text =>
        {
            // Its normalized form is the normalized text but for the hyphen and white space at the
            // line end, which are soft hyphens there; every other token's is TextNormalizer's.
            var document = TextDocument.Parse(text);
            var plain = TextNormalizer.Normalize(text);
            foreach (var t in document.Tokens)
            {
                var normalized = document.GetNormalized(t).ToString();
                if (!t.SpansLineBreak)
                {
                    Assert.Equal(t.GetText(plain).ToString(), normalized);
                    continue;
                }

                Interlocked.Increment(ref joined);
                Assert.Equal(t.Length, normalized.Length);
                Assert.DoesNotContain(normalized, char.IsWhiteSpace);
                var written = t.GetText(text);
                for (int i = 0; i < normalized.Length; i++)
                {
                    // A hyphen (or soft hyphen) followed by white space or an invisible character
                    // is the line end's: a soft hyphen in the normalized form; the rest is as normalized.
                    int after = i + 1;
                    while (after < written.Length && (written[after] is ' ' or '\t' or '\u00A0' || CharClass.IsInvisible(written[after])))
                    {
                        after++;
                    }

                    bool lineEnd = written[i] is '-' or '\u2010' or '\u2011' or '\u00AD' && after < written.Length && written[after] is '\r' or '\n';
                    Assert.True(char.IsWhiteSpace(written[i]) || lineEnd ? normalized[i] == '\u00AD' : normalized[i] == plain[t.Start + i] || (normalized[i] == '\u00AD' && CharClass.IsInvisible(written[i])), $"{i} in {normalized}");
                }

                // Read as a word, it holds neither the line end's hyphen nor its white space.
                Assert.DoesNotContain(t.GetWord(document.NormalizedText).ToString(), c => char.IsWhiteSpace(c) || c == '\u00AD');
            }
        }, iter: 5_000);

        // The generator writes hyphens before line breaks often enough to test the joined words.
        Assert.True(joined > 50, $"only {joined} joined words");
    }

    [Fact]
    public void An_invisible_character_beside_a_space_changes_no_token_and_no_sentence() =>
        Gen.Select(Texts, Gen.Int[0, 1000], Gen.OneOf(new[] { "\u200B", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u00AD", "\u200D" }.Select(Gen.Const).ToArray()), Gen.Bool).Sample((text, at, mark, after) =>
        {
            // Web text puts zero-width spaces and direction marks beside spaces: the text must
            // read exactly as without them (every token and sentence shifted past the mark).
            var spaces = Enumerable.Range(0, text.Length).Where(i => text[i] == ' ').ToArray();
            if (spaces.Length == 0)
            {
                return;
            }

            int position = spaces[at % spaces.Length] + (after ? 1 : 0);
            var marked = text.Insert(position, mark);
            int Shift(int offset) => offset >= position ? offset + 1 : offset;
            int ShiftEnd(int offset) => offset > position ? offset + 1 : offset;

            var expected = TextDocument.Parse(text);
            var actual = TextDocument.Parse(marked);
            // (A word hyphenated across a line break holds the spaces there, and the mark with them.)
            Assert.Equal(
                expected.Tokens.ToArray().Select(t => (Shift(t.Start), ShiftEnd(t.End) - Shift(t.Start), t.Kind, t.FollowsLineBreak, t.FollowsBlankLine, t.SpansLineBreak)),
                actual.Tokens.ToArray().Select(t => (t.Start, t.Length, t.Kind, t.FollowsLineBreak, t.FollowsBlankLine, t.SpansLineBreak)));
            Assert.Equal(
                expected.Sentences.ToArray().Select(s => (s.FirstToken, s.TokenCount)),
                actual.Sentences.ToArray().Select(s => (s.FirstToken, s.TokenCount)));
        }, iter: 20_000);

    [Fact]
    public void Code_point_offsets_slice_the_same_text_as_utf16_offsets() =>
        Texts.Sample(text =>
        {
            var doc = TextDocument.Parse(text);
            var codePoints = Enumerate(text).ToArray();
            foreach (var s in doc.Sentences)
            {
                int start = doc.ToCodePointOffset(s.Start);
                int end = doc.ToCodePointOffset(s.End);
                Assert.Equal(s.GetText(text).ToString(), string.Concat(codePoints[start..end]));
            }
        }, iter: 5_000);

    /// <summary>Code points as Python sees them: a pair is one, an unpaired surrogate is one.</summary>
    private static IEnumerable<string> Enumerate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return text.Substring(i++, 2);
            }
            else
            {
                yield return text[i].ToString();
            }
        }
    }

    private static bool IsSeparators(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!CharClass.IsSeparator(c))
            {
                return false;
            }
        }

        return true;
    }
}
