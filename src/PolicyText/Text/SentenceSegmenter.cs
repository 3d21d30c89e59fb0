using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// Splits a token sequence into sentences. It works over the tokens the <see cref="Tokenizer"/>
/// made, so abbreviations, initials, decimals, e-mail addresses and URLs are already whole, and
/// decides at each period, "!" or "?" (with the quotes and brackets that close after it) whether
/// a sentence ends, from the shape of the next token. Lists, bullets and blank lines also start
/// sentences. The rules are in docs/segmentation.md. Instances are immutable and thread-safe.
/// </summary>
public sealed class SentenceSegmenter
{
    /// <summary>A segmenter with the shipped abbreviation and sentence-starter lists.</summary>
    public static SentenceSegmenter Default { get; } = new(Abbreviations.Default);

    private readonly Abbreviations _abbreviations;

    /// <summary>Creates a segmenter that uses the given lists.</summary>
    /// <param name="abbreviations">The abbreviation and sentence-starter lists.</param>
    public SentenceSegmenter(Abbreviations abbreviations)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        _abbreviations = abbreviations;
    }

    /// <summary>Finds the sentences of <paramref name="text"/>, given its tokens.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">The tokens of <paramref name="text"/>, from a <see cref="Tokenizer"/>.</param>
    /// <returns>The sentences in order. They cover every token once; what lies between two sentences is white space.</returns>
    /// <exception cref="ArgumentException">The tokens are not in text order, overlap, or lie outside <paramref name="text"/> (they are another text's).</exception>
    public Sentence[] Segment(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        CheckTokens(text, tokens);
        return SegmentTokenized(text, tokens);
    }

    /// <summary><see cref="Segment(ReadOnlySpan{char}, ReadOnlySpan{Token})"/> of tokens the tokenizer just made of the text, not checked again.</summary>
    internal Sentence[] SegmentTokenized(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        // A per-thread list is reused (documents are segmented on several threads at once), so
        // only the exact-size array is allocated per document.
        var list = t_sentences ??= [];
        list.Clear();
        Append(text, tokens, list);
        var sentences = list.ToArray();
        if (list.Capacity > MaxScratchSentences)
        {
            t_sentences = null;
        }

        return sentences;
    }

    // Segment's reusable list, given up after a very long document.
    private const int MaxScratchSentences = 1 << 16;
    [ThreadStatic]
    private static List<Sentence>? t_sentences;

    /// <summary>Appends the sentences of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">The tokens of <paramref name="text"/>, from a <see cref="Tokenizer"/>.</param>
    /// <param name="destination">The list to append to.</param>
    /// <returns>The number of sentences appended.</returns>
    /// <exception cref="ArgumentException">The tokens are not in text order, overlap, or lie outside <paramref name="text"/> (they are another text's).</exception>
    public int Segment(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Sentence> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckTokens(text, tokens);
        return Append(text, tokens, destination);
    }

    /// <summary>Refuses tokens that cannot be this text's, as a tokenizer makes them: in order, not overlapping, inside the text.</summary>
    private static void CheckTokens(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        int end = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Start < end || t.End > text.Length || t.Length <= 0)
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The tokens are not of this text: token {i} spans {t.Start} to {t.End}, {(t.End > text.Length ? $"past the text's {text.Length} characters" : t.Length <= 0 ? "an empty span" : $"before the end of the token before it ({end})")}."), nameof(tokens));
            }

            end = t.End;
        }
    }

    private int Append(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Sentence> destination)
    {
        int n = tokens.Length;
        if (n == 0)
        {
            return 0;
        }

        // 0 = undecided, Break = a sentence ends after this token, Keep = it must not.
        byte[] rented = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            var marks = rented.AsSpan(0, n);
            marks.Clear();
            var state = ScanState.Start(text, tokens);
            MarkHeadingMarker(text, tokens, marks, 0);
            Scan(text, tokens, marks, 0, n, ref state);
            return AddSentences(tokens, marks, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int AddSentences(ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> marks, List<Sentence> destination)
    {
        int n = tokens.Length;
        int before = destination.Count;
        int first = 0;
        while (first < n)
        {
            int found = marks[first..n].IndexOf(Break);
            int last = found < 0 ? n - 1 : first + found;
            destination.Add(new Sentence(tokens[first].Start, tokens[last].End - tokens[first].Start, first, last - first + 1));
            first = last + 1;
        }

        return destination.Count - before;
    }

    private const byte Break = 1;
    private const byte Keep = 2;

    /// <summary>
    /// One pass over the tokens: list markers and bullets, then the decision at each candidate end.
    /// Most tokens are words of two or more characters and cost one comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> marks, int from, int to, ref ScanState state)
    {
        for (int k = from; k < to; k++)
        {
            // The common case — a word of two or more characters, punctuation that neither ends a
            // sentence nor is a bullet, or a clitic, on the same line — costs one comparison.
            uint packed = tokens[k].Packed;
            if (packed - 2u < Token.PlainLimit - 2u)
            {
                continue;
            }

            // A number of three or more characters (not a list marker) on the same line.
            if (packed < Token.LineBreakFlag && (TokenKind)(packed >> 24) == TokenKind.Number && (packed & Token.MaxLength) > 2)
            {
                continue;
            }

            k = ScanToken(text, tokens, marks, k, ref state);
        }
    }

    private struct ScanState
    {
        public ListState List;
        public bool HeadingLine;

        /// <summary>The first token of the current line.</summary>
        public int LineStart;

        public static ScanState Start(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens) => new()
        {
            List = new ListState { PreviousValue = int.MinValue, PreviousItem = -1, SkipUntil = -1 },
            HeadingLine = tokens.Length > 0 && text[tokens[0].Start] == '#',
        };
    }

    /// <summary>Everything but the common word; returns the last token index it consumed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ScanToken(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> marks, int k, ref ScanState state)
    {
        int n = tokens.Length;
        var t = tokens[k];
        var kind = t.Kind;
        if (t.FollowsLineBreak && k > 0)
        {
            // A blank line ends a sentence; so does a single line break before a bullet or a
            // heading, or after a heading line or a title line (IsTitleLine).
            char c = text[t.Start];
            if ((t.FollowsBlankLine || state.HeadingLine || IsLineItemStart(c) || IsTitleLine(text, tokens, marks, state.LineStart, k)) && marks[k - 1] != Keep)
            {
                marks[k - 1] = Break;
            }

            state.HeadingLine = c == '#';
            state.LineStart = k;
            MarkHeadingMarker(text, tokens, marks, k);
        }

        if (kind == TokenKind.Word && t.Length > 1)
        {
            return k;
        }

        if (k > state.List.SkipUntil && MayStartListItem(text, t) && (k == 0 || !Joined(text, tokens[k - 1], t)))
        {
            CheckListItem(text, tokens, marks, k, ref state.List);
        }

        if (marks[k] != 0 || !IsTerminal(t))
        {
            return k;
        }

        // Closing quotes and brackets attached to the terminal go with it.
        int j = k;
        while (j + 1 < n && Joined(text, tokens[j], tokens[j + 1]) && IsCloser(text, tokens[j + 1]))
        {
            j++;
        }

        // So do footnote marks attached to it ("eat.[1] Clinics", "eat.[a][b]", "eat.¹ Clinics").
        j = SkipFootnoteMarks(text, tokens, j);

        if (j + 1 >= n)
        {
            return j;
        }

        // Spaced ellipsis ". . ." or ". . . ." after a period.
        if (kind == TokenKind.Punctuation && t.Length == 1 && text[t.Start] == '.' && j == k && IsSpacedDot(text, tokens, k + 1, t.End))
        {
            return MarkSpacedDots(text, tokens, marks, k);
        }

        // No space after it ("mean...see", "U.S.-led"): not an end, unless a capitalised word
        // follows a word's period, question or exclamation mark ("collapsed.Sanctions").
        if ((!Joined(text, tokens[j], tokens[j + 1]) || IsGluedSentence(text, tokens, k, j + 1)) && EndsHere(text, tokens, k, j + 1))
        {
            marks[j] = Break;
        }

        return j;
    }

    /// <summary>
    /// Whether the sentence mark at <paramref name="k"/> (".", "?" or "!", after a word of
    /// lower-case letters only, not "Yahoo!") and the word at <paramref name="next"/>, written without a space between
    /// them (after any closing quotation marks), are two sentences glued together where a
    /// paragraph break was lost: the word is capitalised and goes on in lower case
    /// ("collapsed.Sanctions", "fell.”Aid"), not an initialism or a name in capitals.
    /// </summary>
    private static bool IsGluedSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k, int next)
    {
        var mark = tokens[k];
        var word = tokens[next];
        if (k == 0 || !mark.IsTerminalPunctuation || mark.Length != 1 || word.Kind != TokenKind.Word || word.Length < 2)
        {
            return false;
        }

        var before = tokens[k - 1];
        if (before.Kind != TokenKind.Word || !Joined(text, before, mark) || before.Length < 2 || !char.IsUpper(text[word.Start]) || !char.IsLower(text[word.Start + 1]))
        {
            return false;
        }

        foreach (char c in before.GetWord(text))
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool EndsHere(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k, int next)
    {
        var t = tokens[k];
        var nt = tokens[next];
        char first = text[nt.Start];
        // Look through an opening quote or bracket to the word it opens.
        int word = next;
        if (nt.Kind == TokenKind.Punctuation && IsOpener(first) && next + 1 < tokens.Length)
        {
            word = next + 1;
        }

        var wt = tokens[word];
        char wfirst = text[wt.Start];

        if (t.Kind == TokenKind.Abbreviation)
        {
            switch (t.AbbreviationKind)
            {
                case AbbreviationKind.Prefix:
                    return false;
                case AbbreviationKind.End:
                    // "Samsung Electronics Co. Ltd.": a company's second suffix continues its name.
                    return char.IsUpper(wfirst) && !(word == next && wt.AbbreviationKind == AbbreviationKind.End);
                default:
                    return _abbreviations.IsSentenceStarter(wt.GetWord(text));
            }
        }

        char c = text[t.Start];
        if (c == '.' && t.Length >= 2 || c == '\u2026')
        {
            // An ellipsis: an omission in brackets "[...]" never ends a sentence.
            if (k > 0 && Joined(text, tokens[k - 1], t) && text[tokens[k - 1].Start] == '[')
            {
                return false;
            }

            return char.IsUpper(wfirst) || (first == '(' && IsBracketedMarker(text, tokens, next));
        }

        // "(1) Aid is blocked. (2) Rights are violated.": a marker in brackets opens the next item.
        if (first == '(' && IsBracketedMarker(text, tokens, next))
        {
            return true;
        }

        if (char.IsLower(wfirst) || IsContinuation(first))
        {
            return false;
        }

        if (c is '?' or '!' && next - 1 > k && IsQuoteMark(text[tokens[next - 1].Start]) && word == next && IsAttribution(text, tokens, next))
        {
            // "“Why should food wait?” Kim asked.": the quotation's speaker goes with it.
            return false;
        }

        if (c == '.' && (char.IsDigit(wfirst) || wt.Kind == TokenKind.Number))
        {
            // "p. 55", "No. 1026.253.553": a number after a period continues the sentence.
            return false;
        }

        return true;
    }

    /// <summary>
    /// A period followed by spaced dots. Three spaced dots are an ellipsis inside the sentence. Four
    /// are a period and an ellipsis: when the first dot is attached to the word before it, that
    /// period ends the sentence and the ellipsis opens the next; when it stands apart, the
    /// sentence ends after the fourth. Either way only before a capital.
    /// </summary>
    private static int MarkSpacedDots(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> marks, int k)
    {
        int g = k;
        while (g + 1 < tokens.Length && IsSpacedDot(text, tokens, g + 1, tokens[g].End))
        {
            g++;
        }

        int count = g - k + 1;
        bool attached = k > 0 && Joined(text, tokens[k - 1], tokens[k]);
        int after = g + 1;
        while (after < tokens.Length && Joined(text, tokens[after - 1], tokens[after]) && IsCloser(text, tokens[after]))
        {
            after++;
        }

        if (count >= 4 && after < tokens.Length && char.IsUpper(text[tokens[after].Start]))
        {
            marks[attached ? k : after - 1] = Break;
        }

        return after - 1;
    }

    /// <summary>Whether token <paramref name="i"/> is a period one space after <paramref name="previousEnd"/> (". . ."), invisible characters aside.</summary>
    private static bool IsSpacedDot(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, int previousEnd) =>
        i < tokens.Length && tokens[i].Length == 1 && text[tokens[i].Start] == '.' && tokens[i].Start > previousEnd
        && OneSpace(text[previousEnd..tokens[i].Start]);

    /// <summary>Whether <paramref name="gap"/> is one space, with any invisible characters beside it.</summary>
    private static bool OneSpace(ReadOnlySpan<char> gap)
    {
        int spaces = 0;
        foreach (char c in gap)
        {
            if (c == ' ')
            {
                spaces++;
            }
            else if (!CharClass.IsInvisible(c))
            {
                return false;
            }
        }

        return spaces == 1;
    }

    /// <summary>
    /// Whether token <paramref name="b"/> follows <paramref name="a"/> with nothing between them
    /// but invisible characters (<see cref="CharClass.IsInvisible"/>, which the tokenizer reads
    /// as separators): a closing quotation mark after <c>.\u200F</c> is as attached to the period
    /// as without the mark. White space between them is a gap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Joined(ReadOnlySpan<char> text, Token a, Token b) =>
        b.Start == a.End || (b.Start > a.End && text[a.End] >= '\u00AD' && OnlyInvisible(text[a.End..b.Start]));

    private static bool OnlyInvisible(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
        {
            if (!CharClass.IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a token can end a sentence: terminal punctuation (., !, ?, …, and their CJK forms) or an abbreviation with its period.</summary>
    internal static bool IsTerminal(Token t) => t.Kind == TokenKind.Abbreviation || t.IsTerminalPunctuation;

    /// <summary>Whether a token can follow a sentence's end mark and still belong to the sentence: a closing bracket or quotation mark, or a further ! or ?.</summary>
    internal static bool IsCloser(ReadOnlySpan<char> text, Token t)
    {
        if (t.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        char c = text[t.Start];
        return c is ')' or ']' or '}' or '"' or '\'' or '\u2019' or '\u201D' or '\u00BB' or '\u203A'
            || (t.Length >= 1 && text[t.Start] is '!' or '?');
    }

    /// <summary>
    /// The last token of the footnote marks attached after token <paramref name="j"/>: each a
    /// number or a word of at most three characters in square brackets ("[1]", "[12]", "[a]",
    /// "[iv]") or numbers joined by commas or dashes in them ("[3–5]", "[3, 4]"), a run of
    /// superscript digits ("¹", "²³"), or, right after a period, one to three digits or
    /// several joined by commas or dashes ("decade.1 That", "decade.3,4 That", which the
    /// tokenizer splits after a word). Without any, <paramref name="j"/>.
    /// </summary>
    private static int SkipFootnoteMarks(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int j)
    {
        while (j + 1 < tokens.Length && Joined(text, tokens[j], tokens[j + 1]))
        {
            var next = tokens[j + 1];
            if (next.Kind == TokenKind.Word && IsSuperscriptDigits(next.GetText(text)))
            {
                j++;
                continue;
            }

            if (next.Kind is TokenKind.Number or TokenKind.Word && tokens[j].Kind == TokenKind.Punctuation && text[tokens[j].Start] == '.')
            {
                // "decade.1", "decade.3,4", "decade.3–5": the numbers attached after the period.
                int last = NumberRun(text, tokens, j + 1, attached: true);
                if (last > j)
                {
                    j = last;
                    continue;
                }
            }

            if (j + 3 < tokens.Length && next.Length == 1 && text[next.Start] == '[' && Joined(text, next, tokens[j + 2]))
            {
                var inner = tokens[j + 2];
                bool single = (inner.Kind == TokenKind.Word && inner.Length <= 3)
                    || (inner.Kind == TokenKind.Number && text[tokens[j + 3].Start] == ']');
                int last = single ? j + 2 : NumberRun(text, tokens, j + 2, attached: false);
                if (last > j + 1 && last + 1 < tokens.Length && Joined(text, tokens[last], tokens[last + 1])
                    && tokens[last + 1].Length == 1 && text[tokens[last + 1].Start] == ']')
                {
                    j = last + 1;
                    continue;
                }
            }

            break;
        }

        return j;
    }

    /// <summary>
    /// The last token of a footnote reference starting at <paramref name="i"/>: numbers of one to
    /// three digits joined by commas or dashes ("3", "3,4", "3–5", "3, 4"; the scan stops once
    /// four numbers are read), each token touching the one before when
    /// <paramref name="attached"/>; without one,
    /// <paramref name="i"/> − 1.
    /// </summary>
    private static int NumberRun(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, bool attached)
    {
        int last = i - 1;
        int numbers = 0;
        for (int m = i; m < tokens.Length && numbers < 4; m++)
        {
            if (m > i && attached && !Joined(text, tokens[m - 1], tokens[m]))
            {
                break;
            }

            var s = tokens[m].GetText(text);
            bool expectNumber = m == i || last != m - 1; // after a number, a comma or a dash
            if (tokens[m].Kind is TokenKind.Number or TokenKind.Word && expectNumber && IsFootnoteNumber(s))
            {
                last = m;
                numbers += s.Count(',') + s.Count('-') + 1;
            }
            else if (!expectNumber && s is "," or "-" or "\u2013" && m + 1 < tokens.Length)
            {
                continue;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    /// <summary>One to three digits, or such numbers joined by commas or hyphens without spaces ("3,4", "3-5").</summary>
    private static bool IsFootnoteNumber(ReadOnlySpan<char> s)
    {
        int run = 0;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c) && run < 3)
            {
                run++;
            }
            else if (c is ',' or '-' && run > 0)
            {
                run = 0;
            }
            else
            {
                return false;
            }
        }

        return run > 0;
    }

    private static bool IsSuperscriptDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!CharClass.IsSuperscriptDigit(c))
            {
                return false;
            }
        }

        return !word.IsEmpty;
    }

    /// <summary>
    /// Whether the line of tokens <paramref name="from"/> to <paramref name="next"/> − 1, which a
    /// single line break ends, is a title or a heading rather than a line of wrapped prose. It
    /// starts a sentence (the text's first line, the first after a blank line, or a line after
    /// a sentence's end), ends in a word or a number (no punctuation), has at most eight words,
    /// and the next line does not begin in lower case; and it is either in capitals ("KEY
    /// FINDINGS", "FOR IMMEDIATE RELEASE") before a line that does not begin with two words in
    /// capitals (text written in capitals is prose), or it opens a block, has at most five words, at
    /// least half of them capitalized, and the next line is the block's last ("By Jane Writer"
    /// before "Nov. 3, 2026" and a blank line). The first lines of a paragraph of wrapped prose
    /// are followed by more lines ("The UN Security" before "Council met …" and its next line).
    /// </summary>
    private static bool IsTitleLine(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> marks, int from, int next)
    {
        var last = tokens[next - 1];
        bool opensBlock = from == 0 || tokens[from].FollowsBlankLine;
        if (last.Kind is not (TokenKind.Word or TokenKind.Number) || next - from > 2 * MaxTitleWords
            || !(opensBlock || marks[from - 1] == Break) || char.IsLower(text[tokens[next].Start]))
        {
            return false;
        }

        int words = 0;
        int capitalized = 0;
        int letters = 0;
        bool lower = false;
        for (int i = from; i < next; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation)
            {
                if (++words > MaxTitleWords)
                {
                    return false;
                }

                capitalized += char.IsUpper(text[t.Start]) ? 1 : 0;
            }

            foreach (char ch in t.GetText(text))
            {
                letters += char.IsLetter(ch) ? 1 : 0;
                lower |= char.IsLower(ch);
            }

            if (lower && !opensBlock)
            {
                return false;
            }
        }

        if (!lower && letters >= 2)
        {
            return !StartsInCapitals(text, tokens, next);
        }

        char first = text[tokens[next].Start];
        return opensBlock && words <= MaxShortTitleWords && 2 * capitalized >= words && (char.IsUpper(first) || char.IsDigit(first)) && EndsBlock(tokens, next);
    }

    /// <summary>
    /// A numbered or lettered heading or item that opens a line where a sentence starts: a marker
    /// of one or two digits, a capital letter or a capital roman numeral (II to XXXIX), with its
    /// period attached, then a space and a capital on the same line ("4. Recommendations", "II.
    /// Background", "A. The problem"), after any Markdown heading or emphasis marks ("## 4.
    /// Recommendations", "**II. Background**"). The marker's period does not end a sentence, and a
    /// sentence ends before the marker. A sentence starts at the text's start, after a blank line,
    /// after a sentence end already found; and, for a letter or a roman numeral, after a line that
    /// ends in terminal punctuation. A number after a period and a single line break is left to the
    /// rule that a number after a period continues the sentence ("see para." before "80. The"):
    /// in wrapped text a reference can end a line.
    /// </summary>
    private static void MarkHeadingMarker(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> marks, int k)
    {
        // Markdown's heading and emphasis marks before the marker, on the same line.
        int m = k;
        while (m < tokens.Length && m - k < 3 && (m == k || !tokens[m].FollowsLineBreak) && IsMarkdownMark(tokens[m].GetText(text)))
        {
            m++;
        }

        if (m >= tokens.Length || (m > k && tokens[m].FollowsLineBreak))
        {
            return;
        }

        var t = tokens[m];
        var s = t.GetText(text);
        int period;
        bool number = false;
        if (t.Kind == TokenKind.Abbreviation && s.Length == 2 && char.IsAsciiLetterUpper(s[0]))
        {
            // "A." and the single-letter numerals "I.", "V.", "X." are one token.
            period = m;
        }
        else if ((number = t.Kind == TokenKind.Number && s.Length <= 2 && !s.ContainsAnyExceptInRange('0', '9'))
            || (t.Kind == TokenKind.Word && CharClass.IsRomanNumeral(s)))
        {
            period = m + 1;
            if (period >= tokens.Length || !Joined(text, t, tokens[period]) || tokens[period].Length != 1 || text[tokens[period].Start] != '.')
            {
                return;
            }
        }
        else
        {
            return;
        }

        int next = period + 1;
        if (next >= tokens.Length || tokens[next].FollowsLineBreak || Joined(text, tokens[period], tokens[next]) || !char.IsUpper(text[tokens[next].Start])
            || marks[period] != 0)
        {
            return;
        }

        bool opens = k == 0 || tokens[k].FollowsBlankLine || marks[k - 1] == Break || (!number && EndsWithTerminal(text, tokens, k - 1));
        if (!opens)
        {
            return;
        }

        if (k > 0 && marks[k - 1] == 0)
        {
            marks[k - 1] = Break;
        }

        marks[period] = Keep;
    }

    /// <summary>A Markdown heading or emphasis mark: a run of '#', '*' or '_'.</summary>
    private static bool IsMarkdownMark(ReadOnlySpan<char> s) =>
        !s.IsEmpty && (!s.ContainsAnyExcept('#') || !s.ContainsAnyExcept('*') || !s.ContainsAnyExcept('_'));

    /// <summary>Whether token <paramref name="j"/>, after any closing quotation marks and brackets, is terminal punctuation (not an abbreviation's period: "p.", "U.S.").</summary>
    private static bool EndsWithTerminal(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int j)
    {
        while (j > 0 && !tokens[j].IsTerminalPunctuation && IsCloser(text, tokens[j]))
        {
            j--;
        }

        return tokens[j].IsTerminalPunctuation;
    }

    /// <summary>Whether the line that starts at token <paramref name="start"/> begins with two words in capitals (text written in capitals, whose lines are not headings).</summary>
    private static bool StartsInCapitals(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int start)
    {
        int words = 0;
        for (int i = start; i < tokens.Length && words < 2; i++)
        {
            var t = tokens[i];
            if (i > start && t.FollowsLineBreak)
            {
                break;
            }

            if (t.Kind is not (TokenKind.Word or TokenKind.Abbreviation))
            {
                continue;
            }

            var word = t.GetText(text);
            if (word.Length < 2 || word.ContainsAnyInRange('a', 'z') || !char.IsUpper(word[0]))
            {
                return false;
            }

            words++;
        }

        return words == 2;
    }

    /// <summary>Whether the line that starts at token <paramref name="start"/> is its block's last: a blank line or the end of the text follows it.</summary>
    private static bool EndsBlock(ReadOnlySpan<Token> tokens, int start)
    {
        for (int i = start + 1; i < tokens.Length; i++)
        {
            if (tokens[i].FollowsLineBreak)
            {
                return tokens[i].FollowsBlankLine;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether an opening bracket at <paramref name="open"/> holds a list marker and is followed
    /// by a space: one or two digits, a lower-case letter or a lower-case roman numeral up to
    /// "x", closed at once ("(2) ", "(b) ", "(iv) ").
    /// </summary>
    private static bool IsBracketedMarker(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int open)
    {
        if (open + 2 >= tokens.Length)
        {
            return false;
        }

        var marker = tokens[open + 1];
        var close = tokens[open + 2];
        if (!Joined(text, tokens[open], marker) || !Joined(text, marker, close) || text[close.Start] != ')' || close.Length != 1
            || (open + 3 < tokens.Length && Joined(text, close, tokens[open + 3])))
        {
            return false;
        }

        var s = marker.GetText(text);
        return marker.Kind switch
        {
            TokenKind.Number => s.Length <= 2 && !s.ContainsAnyExceptInRange('0', '9'),
            TokenKind.Word => (s.Length == 1 && char.IsAsciiLetterLower(s[0])) || s is "ii" or "iii" or "iv" or "vi" or "vii" or "viii" or "ix",
            _ => false,
        };
    }

    private static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u2019' or '\u201D' or '\u00BB';

    /// <summary>
    /// Whether the tokens from <paramref name="i"/> attribute a quotation: one to four
    /// capitalised words or abbreviations (a name or a title: "Kim", "Sen. Marsh", "Amnesty
    /// International"), then a reporting verb, then the end of the text, <c>. , ; :</c>, a
    /// word that opens a phrase of time or place ("in a statement", "on Monday"), or, after a
    /// verb that takes an object ("told", "asked", "warned"), any word; not when the first word
    /// is a listed sentence starter ("The Government said …") or a "that" follows the verb
    /// before the next punctuation ("Officials said on Monday that …").
    /// </summary>
    private bool IsAttribution(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        if (_abbreviations.IsSentenceStarter(tokens[i].GetWord(text)))
        {
            return false; // "The Government said …" opens a sentence of its own
        }

        int names = 0;
        while (i < tokens.Length && names < 4 && tokens[i].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[tokens[i].Start]))
        {
            names++;
            i++;
        }

        if (names == 0 || i >= tokens.Length || tokens[i].Kind != TokenKind.Word)
        {
            return false;
        }

        var verb = tokens[i].GetWord(text);
        bool takesObject = verb is "told" or "tells" or "asked" or "asks" or "warned" or "warns" or "urged" or "urges" or "reminded";
        if (!takesObject && verb is not ("said" or "says" or "added" or "adds" or "wrote" or "writes" or "replied" or "replies"
            or "insisted" or "insists" or "argued" or "argues" or "declared" or "declares" or "noted" or "notes" or "explained"
            or "explains" or "continued" or "shouted" or "cried" or "demanded" or "demands" or "wondered" or "recalled" or "tweeted" or "posted"))
        {
            return false;
        }

        if (++i >= tokens.Length)
        {
            return true;
        }

        var after = tokens[i].GetWord(text);
        if (!(after is "." or "," or ";" or ":" or "in" or "on" or "at" or "during" or "after" or "before" or "from" or "to"
            or "last" or "this" or "later" or "then" or "again" or "yesterday" or "today"
            || (takesObject && tokens[i].Kind == TokenKind.Word)))
        {
            return false;
        }

        // "Officials said on Monday that deliveries would resume." reports a statement of its own.
        for (int m = i; m < tokens.Length && m < i + 8 && tokens[m].Kind != TokenKind.Punctuation; m++)
        {
            if (tokens[m].GetWord(text) is "that" && !(m + 1 < tokens.Length && tokens[m + 1].GetWord(text) is "day" or "night" or "morning"
                or "afternoon" or "evening" or "week" or "month" or "year" or "was" or "is" or "were" or "are" or "has" or "had"))
            {
                return false; // not "that afternoon" nor "a statement that was released"
            }
        }

        return true;
    }

    private const int MaxTitleWords = 8;
    private const int MaxShortTitleWords = 5;

    private static bool IsOpener(char c) => c is '(' or '[' or '{' or '"' or '\'' or '\u2018' or '\u201C' or '\u00AB' or '\u2039';

    private static bool IsContinuation(char c) => c is ',' or ';' or ':' or ')' or ']' or '}' or '%' or '-' or '\u2013' or '\u2014';

    private static bool IsLineItemStart(char c) => c is '#' or '*' or '-' || CharClass.IsBullet(c);

    private struct ListState
    {
        public int PreviousValue;
        public bool PreviousLetter;
        public int PreviousItem;
        public int PreviousMarker;
        public int PreviousMarkerEnd;
        public int SkipUntil;
    }

    private static bool MayStartListItem(ReadOnlySpan<char> text, Token t) => t.Kind switch
    {
        TokenKind.Punctuation or TokenKind.Symbol => t.IsBullet,
        TokenKind.Number => t.Length <= 2,
        TokenKind.Abbreviation => t.Length == 2,
        TokenKind.Word => t.Length == 1,
        _ => false,
    };

    /// <summary>
    /// List items: a bullet after white space starts a sentence; so does a numbered or lettered
    /// marker ("1.", "2)", "3.)", "a.", "b)") when it and the marker before it form a sequence
    /// (1 then 2, a then b), and no sentence ends right after such a marker.
    /// </summary>
    private static void CheckListItem(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> marks, int k, ref ListState list)
    {
        int m = k;
        if (tokens[k].IsBullet)
        {
            if (k > 0)
            {
                marks[k - 1] = Break;
            }

            if (k + 1 >= tokens.Length)
            {
                return;
            }

            m = k + 1;
        }

        if (!TryListMarker(text, tokens, m, out int value, out bool letter, out int markerEnd))
        {
            return;
        }

        if (list.PreviousItem >= 0 && letter == list.PreviousLetter && value == list.PreviousValue + 1)
        {
            StartItem(marks, list.PreviousItem, list.PreviousMarker, list.PreviousMarkerEnd);
            StartItem(marks, k, m, markerEnd);
        }

        list.PreviousValue = value;
        list.PreviousLetter = letter;
        list.PreviousItem = k;
        list.PreviousMarker = m;
        list.PreviousMarkerEnd = markerEnd;
        list.SkipUntil = markerEnd;
    }

    private static void StartItem(Span<byte> marks, int item, int marker, int markerEnd)
    {
        if (item > 0)
        {
            marks[item - 1] = Break;
        }

        marks[marker..(markerEnd + 1)].Fill(Keep);
    }

    private static bool TryListMarker(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int m, out int value, out bool letter, out int markerEnd)
    {
        value = 0;
        letter = false;
        markerEnd = m;
        var t = tokens[m];
        var s = t.GetText(text);
        int next = m + 1;
        if (t.Kind == TokenKind.Number && s.Length <= 2 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]))
        {
            value = s.Length == 1 ? s[0] - '0' : ((s[0] - '0') * 10) + (s[1] - '0');
        }
        else if (t.Kind == TokenKind.Abbreviation && s.Length == 2 && char.IsAsciiLetterLower(s[0]))
        {
            value = s[0] - 'a';
            letter = true;
            markerEnd = m;
            // "a." is one token; it may still be followed by ")".
            if (next < tokens.Length && Joined(text, t, tokens[next]) && text[tokens[next].Start] == ')')
            {
                markerEnd = next;
                next++;
            }

            return next < tokens.Length && !Joined(text, tokens[markerEnd], tokens[next]);
        }
        else if (t.Kind == TokenKind.Word && s.Length == 1 && char.IsAsciiLetterLower(s[0]))
        {
            value = s[0] - 'a';
            letter = true;
        }
        else
        {
            return false;
        }

        // Then ".", ")" or ".)", attached, and then a space.
        int p = next;
        if (p < tokens.Length && Joined(text, tokens[p - 1], tokens[p]) && tokens[p].Length == 1 && text[tokens[p].Start] == '.' && !letter)
        {
            p++;
        }

        if (p < tokens.Length && Joined(text, tokens[p - 1], tokens[p]) && tokens[p].Length == 1 && text[tokens[p].Start] == ')')
        {
            p++;
        }

        if (p == next && !letter && t.FollowsLineBreak && p < tokens.Length && !Joined(text, t, tokens[p]) && char.IsUpper(text[tokens[p].Start]))
        {
            // A bare number that opens a line before a capital ("1 See Rahimi, …" in a list of
            // notes): a marker too, when the next line's number follows it.
            markerEnd = m;
            return true;
        }

        if (p == next || p >= tokens.Length || Joined(text, tokens[p - 1], tokens[p]))
        {
            return false;
        }

        markerEnd = p - 1;
        return true;
    }

}
