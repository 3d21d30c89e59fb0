using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// Splits text into <see cref="Token"/>s over the original characters. Every character but white
/// space and invisible characters outside words (a zero-width space, a stray direction mark)
/// belongs to exactly one token, offsets are exact UTF-16 offsets, and no input
/// makes it throw. Enumeration allocates nothing per token. The conventions are in
/// docs/tokenization.md. Instances are immutable and thread-safe.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>A tokenizer with the shipped abbreviation list.</summary>
    public static Tokenizer Default { get; } = new(Abbreviations.Default);

    /// <summary>Creates a tokenizer that recognises the abbreviations in <paramref name="abbreviations"/>.</summary>
    /// <param name="abbreviations">The abbreviation and sentence-starter lists.</param>
    public Tokenizer(Abbreviations abbreviations)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        Abbreviations = abbreviations;
    }

    /// <summary>The abbreviation lists this tokenizer uses.</summary>
    public Abbreviations Abbreviations { get; }

    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A <c>ref struct</c> enumerator for <c>foreach</c>.</returns>
    public TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text, Abbreviations);

    /// <summary>Tokenizes <paramref name="text"/> into a new array.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens in text order.</returns>
    public Token[] Tokenize(ReadOnlySpan<char> text)
    {
        var list = new List<Token>(Math.Max(4, text.Length / 5));
        Tokenize(text, list);
        return [.. list];
    }

    /// <inheritdoc cref="Tokenize(ReadOnlySpan{char})"/>
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenize(text.AsSpan());
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">The list to append to; reuse it across documents to avoid allocation.</param>
    /// <returns>The number of tokens appended.</returns>
    public int Tokenize(ReadOnlySpan<char> text, List<Token> destination) => Tokenize(text, destination, out _);

    /// <inheritdoc cref="Tokenize(ReadOnlySpan{char}, List{Token})"/>
    /// <param name="text">The text.</param>
    /// <param name="destination">The list to append to.</param>
    /// <param name="spansLineBreak">Whether a word was hyphenated across a line break (<see cref="Token.SpansLineBreak"/>).</param>
    /// <remarks>Fully optimised from the first call: one call may tokenize a whole corpus, so it must not wait for tiered compilation.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Tokenize(ReadOnlySpan<char> text, List<Token> destination, out bool spansLineBreak)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int before = destination.Count;
        int count = before;

        // Write straight into the list's storage (grown ahead of need), not Add by Add.
        CollectionsMarshal.SetCount(destination, Math.Max(destination.Capacity, before + (text.Length / 4) + 16));
        var span = CollectionsMarshal.AsSpan(destination);
        var e = new TokenEnumerator(text, Abbreviations);
        while (e.MoveNext())
        {
            if (count == span.Length)
            {
                CollectionsMarshal.SetCount(destination, span.Length * 2);
                span = CollectionsMarshal.AsSpan(destination);
            }

            span[count++] = e.Current;
        }

        CollectionsMarshal.SetCount(destination, count);
        spansLineBreak = e.SpannedLineBreak;
        return count - before;
    }
}

/// <summary>The allocation-free token enumerator behind <see cref="Tokenizer.Enumerate"/>.</summary>
[StructLayout(LayoutKind.Auto)]
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Abbreviations _abbreviations;
    private int _pos;
    private Token _pending;
    private bool _hasPending;
    private uint _flags;

    internal TokenEnumerator(ReadOnlySpan<char> text, Abbreviations abbreviations)
    {
        _text = text;
        _abbreviations = abbreviations;
        _pos = 0;
        _pending = default;
        _hasPending = false;
        _flags = 0;
        Current = default;
        SpannedLineBreak = false;
    }

    /// <summary>Whether a word so far was hyphenated across a line break (<see cref="Token.SpansLineBreak"/>).</summary>
    internal bool SpannedLineBreak { get; private set; }

    /// <summary>The current token.</summary>
    public Token Current { get; private set; }

    /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="true"/> while there is a token.</returns>
    public bool MoveNext()
    {
        if (_hasPending)
        {
            Current = _pending;
            _hasPending = false;
            return true;
        }

        var text = _text;
        int i = _pos;
        _flags = 0;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && CharClass.IsSeparator(text[i]))
        {
            i = SkipWhiteSpace(i);
        }

        if (i >= text.Length)
        {
            _pos = i;
            return false;
        }

        // Fast path: an ASCII word followed by a space or the end (most tokens in English prose).
        char first = text[i];
        if (char.IsAsciiLetter(first))
        {
            int end = CharClass.SkipAsciiLettersAndDigits(text, i + 1);

            // A comma joins only digits, so a word before ", " ends there too.
            if ((end >= text.Length || text[end] == ' ' || (text[end] == ',' && (end + 1 >= text.Length || text[end + 1] == ' ')))
                && end - i <= Token.MaxLength)
            {
                Current = Token.Create(i, end - i, TokenKind.Word, _flags);
                _pos = end;
                return true;
            }

            ScanWord(i, i);
            return true;
        }

        // ASCII punctuation that is always a token of its own.
        if (first is ',' or ';' or ':' or '(' or ')' or '"' or '[' or ']' or '{' or '}')
        {
            Current = Token.Create(i, 1, TokenKind.Punctuation, _flags);
            _pos = i + 1;
            return true;
        }

        // A keycap ("#\uFE0F\u20E3", "1\uFE0F\u20E3"): the key and the marks after it are one symbol.
        if (first is '#' or '*' or (>= '0' and <= '9') && i + 1 < text.Length && text[i + 1] is '\uFE0F' or '\u20E3')
        {
            Emit(i, AbsorbSymbolModifiers(i + 1), TokenKind.Symbol);
            return true;
        }

        int width = CharClass.WordCharWidth(text, i);
        if (width > 0)
        {
            ScanWord(i, i);
        }
        else
        {
            ScanOther(i);
        }

        return true;
    }

    /// <summary>Skips white space and invisible characters outside words (<see cref="CharClass.IsSeparator"/>), noting line breaks for <see cref="Token.FollowsLineBreak"/> and <see cref="Token.FollowsBlankLine"/>.</summary>
    private int SkipWhiteSpace(int i)
    {
        var text = _text;
        int breaks = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!CharClass.IsSeparator(c))
            {
                break;
            }

            breaks += CharClass.LineBreaks(text, i);
            i++;
        }

        _flags = breaks == 0 ? 0 : breaks == 1 ? Token.LineBreakFlag : Token.LineBreakFlag | Token.BlankLineFlag;
        return i;
    }

    private void Emit(int start, int end, TokenKind kind, uint flags = 0)
    {
        if (end - start > Token.MaxLength)
        {
            // A run of 16 million characters without a space: cut it, never inside a surrogate pair.
            end = start + Token.MaxLength;
            if (char.IsHighSurrogate(_text[end - 1]))
            {
                end--;
            }
        }

        Current = Token.Create(start, end - start, kind, _flags | flags);
        _pos = end;
    }

    /// <summary>Scans a word-like token starting at <paramref name="bodyStart"/>; <paramref name="start"/> may be earlier (a currency sign).</summary>
    private void ScanWord(int start, int bodyStart) => ScanWord<Whole>(start, bodyStart);

    /// <summary>Whether <see cref="ScanWord{TWord}(int, int)"/> scans a word it has found to span a line break: a type, so that the usual word's code is compiled without the checks that case needs.</summary>
    private interface IWordShape;

    private struct Whole : IWordShape;

    private struct Broken : IWordShape;

    /// <summary><see cref="ScanWord(int, int)"/>; a word that turns out to span a line break is scanned again as <see cref="Broken"/> (rare).</summary>
    private void ScanWord<TWord>(int start, int bodyStart)
        where TWord : struct, IWordShape
    {
        bool broken = typeof(TWord) == typeof(Broken);
        var text = _text;
        int i = bodyStart;
        bool hasInnerPeriod = false;
        bool hasApostrophe = false;
        int lastHyphen = -1;
        while (true)
        {
            // The run of word characters: ASCII letters and digits first, the rest of Unicode after.
            i = CharClass.SkipAsciiLettersAndDigits(text, i);
            if (i >= text.Length)
            {
                break;
            }

            char sep = text[i];
            if (sep == ' ')
            {
                break;
            }

            // A footnote mark in superscript digits glued to a word of three or more letters ("the
            // right to food\u00B9 in") is not part of the word: the word ends before it. After a
            // shorter one it is a unit's or a formula's ("km\u00B2", "mc\u00B2").
            if (sep >= 128 && CharClass.IsSuperscriptDigit(sep) && i - bodyStart >= 3 && LettersBefore(text, bodyStart, i) >= 3)
            {
                break;
            }

            // The modifier letter apostrophe (U+02BC) is a letter to Unicode but an apostrophe in
            // English between two letters ("don\u02BCt", "Korea\u02BCs"): the rules for apostrophes
            // below read it there. Anywhere else it is a letter, as before.
            bool modifierApostrophe = sep == '\u02BC' && i > bodyStart && CharClass.IsLetter(text[i - 1]) && i + 1 < text.Length && CharClass.IsLetter(text[i + 1]);
            if ((sep >= 128 && !modifierApostrophe) || sep == '_')
            {
                int w = CharClass.WordCharWidth(text, i);
                if (w > 0)
                {
                    i += w;
                    continue;
                }
            }

            if (i + 1 >= text.Length)
            {
                break;
            }

            char next = text[i + 1];
            char prev = text[i - 1];
            bool join;
            if (CharClass.IsHyphen(sep))
            {
                join = CharClass.WordCharWidth(text, i + 1) > 0;
                if (join)
                {
                    lastHyphen = i;
                }
                else if (WordAfterLineBreak(text, i) is int resume and > 0)
                {
                    // "sanc-" at the end of a line and "tions" on the next, as PDF extraction and
                    // hard-wrapped text leave a hyphenated word: one word (Token.SpansLineBreak).
                    if (!broken)
                    {
                        ScanWord<Broken>(start, bodyStart);
                        return;
                    }

                    join = true;
                    lastHyphen = resume - 1;
                    i = resume - 1;
                }
            }
            else if (sep == '.')
            {
                join = CharClass.IsAsciiLetterOrDigit(next) || (next >= 128 && CharClass.IsLetter(next));
                if (join && !hasInnerPeriod && char.IsLower(prev) && IsGluedSentenceStart(text, lastHyphen < 0 ? bodyStart : lastHyphen + 1, i))
                {
                    // Two sentences glued where a paragraph break was lost ("collapsed.Sanctions",
                    // from HTML without its tags): the word ends at the period, which the
                    // segmenter reads as the end of the sentence.
                    join = false;
                }
                else if (join && char.IsAsciiDigit(next) && char.IsAsciiLetterLower(prev) && !hasInnerPeriod && IsFootnoteAfterWord(text, lastHyphen < 0 ? start : lastHyphen + 1, i))
                {
                    // A footnote number after a sentence's last word ("decade.1 That"): the word
                    // ends at the period, which the segmenter then reads with its footnote.
                    join = false;
                }

                hasInnerPeriod |= join;
            }
            else if (sep == ',' || sep == '/')
            {
                join = CharClass.IsDigit(prev) && CharClass.IsDigit(next);
            }
            else if (CharClass.IsApostrophe(sep))
            {
                join = CharClass.IsLetter(prev) && CharClass.IsLetter(next);
                hasApostrophe |= join;
            }
            else if (CharClass.IsIgnorable(sep))
            {
                // Invisible characters between letters (a soft hyphen: "sanc\u00ADtions", from hyphenated
                // web or PDF text; a run of them, "fo\u00AD\u00ADod") are invisible: the word goes on through them.
                int run = i + 1;
                while (run < text.Length && CharClass.IsIgnorable(text[run]))
                {
                    run++;
                }

                join = CharClass.IsLetter(prev) && run < text.Length && CharClass.IsLetter(text[run]);
                if (join)
                {
                    i = run - 1;
                }
                else if (LineEndHyphen(text, i, run) is int hyphen and >= 0 && WordAfterLineBreak(text, hyphen) is int resume and > 0)
                {
                    // A hyphen after invisible characters, or a soft hyphen among them, at a line
                    // end, with the rest of the word on the next line. (The same steps as for a
                    // hyphen above: one shared check after the branches measured 1-2 % slower.)
                    if (!broken)
                    {
                        ScanWord<Broken>(start, bodyStart);
                        return;
                    }

                    join = true;
                    lastHyphen = resume - 1;
                    i = resume - 1;
                }
            }
            else if (sep == '&')
            {
                join = char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(next);
            }
            else if (sep == ':' && next == '/' && i + 2 < text.Length && text[i + 2] == '/' && !broken && IsScheme(text[bodyStart..i]))
            {
                EmitUrl(start, i + 3);
                return;
            }
            else if (sep == '@' && start == bodyStart && !broken && TryScanEmailDomain(i + 1, out int emailEnd))
            {
                Emit(start, emailEnd, TokenKind.Email);
                return;
            }
            else
            {
                join = false;
            }

            if (!join)
            {
                break;
            }

            i++;
        }

        int end = i;
        if (end == start)
        {
            // Never an empty token (the tokenizer would stand still): a word always takes its first character.
            end = start + Math.Max(1, CharClass.WordCharWidth(text, start));
        }

        if (hasInnerPeriod && start == bodyStart && !broken && CharClass.StartsWithAsciiIgnoreCase(text, start, "www.") && end - start > 4)
        {
            EmitUrl(start, end);
            return;
        }

        if (CharClass.IsDigit(text[bodyStart]) && !broken && IsNumberShape(text[bodyStart..end]))
        {
            if (end < text.Length && text[end] == '%')
            {
                end++;
            }

            Emit(start, end, TokenKind.Number);
            return;
        }

        if (start != bodyStart)
        {
            // A currency sign before something that is not a number: the sign stands alone.
            Emit(start, bodyStart, TokenKind.Symbol);
            return;
        }

        // A word hyphenated across a line break is never an abbreviation ("vitamin-" + "a.").
        if (end < text.Length && text[end] == '.' && !broken)
        {
            int partStart = lastHyphen < 0 ? start : lastHyphen + 1;
            var lastPart = text[partStart..end];
            var listed = !hasInnerPeriod && lastPart.Length > 1 ? _abbreviations.Lookup(lastPart) : AbbreviationKind.None;

            // In a hyphenated word only a capitalised title decides ("then-Sen.", "ex-Gov."): a
            // listed word in lower case after a hyphen is the end of an ordinary compound
            // ("op-ed.", "next-gen."), which ends its sentence.
            if (lastHyphen >= 0 && (listed != AbbreviationKind.Prefix || !char.IsUpper(lastPart[0])))
            {
                listed = AbbreviationKind.None;
            }
            else if (listed == AbbreviationKind.Number)
            {
                // "No. 5" numbers what follows; "The answer is no." ends with a word.
                listed = IsNumberAfter(text, partStart, end + 1) ? AbbreviationKind.Prefix : AbbreviationKind.None;
            }

            if (listed != AbbreviationKind.None && IsCapitals(lastPart) && IsSentenceStarterAfter(text, end + 1))
            {
                // A listed word in capitals before a sentence starter is an acronym ending its
                // sentence ("according to the FT. The paper", "10 a.m. EST. It"); before a name
                // ("MR. Kim", "ST. Louis", "MR. KIM") it stays the abbreviation.
                listed = AbbreviationKind.None;
            }

            // A letter right after a degree sign is a unit ("-20°C."), not an initial.
            bool initial = IsSingleLetter(lastPart) && (partStart == 0 || text[partStart - 1] != '\u00B0');
            bool isAbbreviation = hasInnerPeriod ? IsInitialism(lastPart) : initial || listed != AbbreviationKind.None;
            if (isAbbreviation && end + 1 - start <= Token.MaxLength)
            {
                uint flags = listed switch
                {
                    AbbreviationKind.Prefix => Token.PrefixAbbreviationFlag,
                    AbbreviationKind.End => Token.EndAbbreviationFlag,
                    _ => 0,
                };
                Current = Token.Create(start, end + 1 - start, TokenKind.Abbreviation, _flags | flags);
                _pos = end + 1;
                return;
            }
        }

        // A word too long for one token is cut (Emit) and spans no line break as a token.
        uint wordFlags = broken && end - start <= Token.MaxLength ? Token.SpansLineBreakFlag : 0;
        if (wordFlags != 0)
        {
            SpannedLineBreak = true;
        }

        if (hasApostrophe && end - start <= Token.MaxLength && TrySplitClitic(start, end, wordFlags, wordFlags != 0 ? lastHyphen + 1 : start))
        {
            return;
        }

        Emit(start, end, TokenKind.Word, wordFlags);
    }

    /// <summary>The hyphen that may end a line after the invisible characters [<paramref name="from"/>, <paramref name="run"/>): a hyphen right after them, else the last soft hyphen among them; -1 when there is none.</summary>
    private static int LineEndHyphen(ReadOnlySpan<char> text, int from, int run)
    {
        if (run < text.Length && CharClass.IsHyphen(text[run]))
        {
            return run;
        }

        int soft = text[from..run].LastIndexOf('\u00AD');
        return soft < 0 ? -1 : from + soft;
    }

    /// <summary>
    /// The word whose letters (any letter, or only lower-case ones with <paramref name="lowerOnly"/>)
    /// start at <paramref name="from"/>, read on through invisible characters between letters and
    /// through line-end hyphenation (<see cref="WordAfterLineBreak"/>), as the tokenizer joins
    /// them; <paramref name="end"/> is where it stops. Null when it is the plain slice from
    /// <paramref name="from"/> to <paramref name="end"/> (no allocation), else its letters alone.
    /// </summary>
    private static string? ReadWord(ReadOnlySpan<char> text, int from, bool lowerOnly, out int end)
    {
        System.Text.StringBuilder? whole = null;
        int segment = from;
        int i = from;
        while (true)
        {
            while (i < text.Length && (lowerOnly ? char.IsLower(text[i]) : CharClass.IsLetter(text[i])))
            {
                i++;
            }

            if (i == segment || i >= text.Length)
            {
                break;
            }

            int run = i;
            while (run < text.Length && CharClass.IsIgnorable(text[run]))
            {
                run++;
            }

            int resume = run > i && run < text.Length && (lowerOnly ? char.IsLower(text[run]) : CharClass.IsLetter(text[run])) ? run
                : LineEndHyphen(text, i, run) is int hyphen and >= 0 ? WordAfterLineBreak(text, hyphen)
                : -1;
            if (resume <= 0)
            {
                break;
            }

            (whole ??= new()).Append(text[segment..i]);
            segment = resume;
            i = resume;
        }

        end = i;
        return whole?.Append(text[segment..i]).ToString();
    }

    /// <summary>
    /// Where a word hyphenated across a line break goes on: for the hyphen (or soft hyphen) at
    /// <paramref name="hyphen"/>, right after a letter or combining mark, followed by spaces, tabs
    /// or no-break spaces, one line break (LF, CR LF or CR), such spaces and a lower-case letter,
    /// the index of that letter; else -1. A blank line, a capital ("Jong-" + "Un") or a digit after
    /// the break does not join. Invisible characters (<see cref="CharClass.IsInvisible"/>) count as
    /// spaces here, also between CR and LF; before the hyphen, those a word may hold
    /// (<see cref="CharClass.IsIgnorable"/>) are passed over; a soft hyphen must stand right before
    /// the line break (invisible characters aside).
    /// </summary>
    internal static int WordAfterLineBreak(ReadOnlySpan<char> text, int hyphen)
    {
        // The letter before, past the invisible characters a word may hold; a combining mark counts
        // as its letter's ("cafe\u0301-").
        int before = hyphen - 1;
        while (before >= 0 && CharClass.IsIgnorable(text[before]))
        {
            before--;
        }

        if (before < 0 || !(CharClass.IsLetter(text[before]) || char.GetUnicodeCategory(text[before]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
        {
            return -1;
        }

        // A soft hyphen is the line end itself: no space may follow it before the break.
        int j = SkipLineGap(text, hyphen + 1, spaces: text[hyphen] != '\u00AD');
        if (j < text.Length && text[j] == '\r')
        {
            int lf = SkipLineGap(text, j + 1, spaces: false);
            j = lf < text.Length && text[lf] == '\n' ? lf + 1 : j + 1;
        }
        else if (j < text.Length && text[j] == '\n')
        {
            j++;
        }
        else
        {
            return -1;
        }

        j = SkipLineGap(text, j);
        return j < text.Length && char.IsLower(text[j]) ? j : -1;
    }

    /// <summary>
    /// In a word that spans a line break, the next line end from <paramref name="from"/> on: the
    /// index of its hyphen (or soft hyphen), with <paramref name="resume"/> where the word goes on
    /// (<see cref="WordAfterLineBreak"/>); -1 when there is none. <see cref="Token.GetWord"/> and
    /// the document's normalized text read a joined word's line ends with it.
    /// </summary>
    internal static int NextLineEnd(ReadOnlySpan<char> word, int from, out int resume)
    {
        for (int k = from; k < word.Length; k++)
        {
            if ((CharClass.IsHyphen(word[k]) || word[k] == '\u00AD') && (resume = WordAfterLineBreak(word, k)) > 0)
            {
                return k;
            }
        }

        resume = -1;
        return -1;
    }

    /// <summary>Past spaces, tabs, no-break spaces and invisible characters (only the invisible ones without <paramref name="spaces"/>).</summary>
    private static int SkipLineGap(ReadOnlySpan<char> text, int i, bool spaces = true)
    {
        while (i < text.Length && ((spaces && text[i] is ' ' or '\t' or '\u00A0') || CharClass.IsInvisible(text[i])))
        {
            i++;
        }

        return i;
    }

    /// <summary>Splits a clitic off the word [<paramref name="start"/>, <paramref name="end"/>) unless that would leave the word no character from <paramref name="wordFrom"/> on (the part after a line break it spans).</summary>
    private bool TrySplitClitic(int start, int end, uint wordFlags, int wordFrom)
    {
        var text = _text;
        int length = end - start;

        // "n't": do|n't, is|n't, ca|n't.
        if (length >= 4 && end - 3 > wordFrom && CharClass.IsApostrophe(text[end - 2]) && (text[end - 1] | 0x20) == 't' && (text[end - 3] | 0x20) == 'n')
        {
            int split = end - 3;
            Current = Token.Create(start, split - start, TokenKind.Word, _flags | wordFlags);
            _pending = Token.Create(split, 3, TokenKind.Clitic);
            _hasPending = true;
            _pos = end;
            return true;
        }

        int apostrophe = text[start..end].LastIndexOfAny(CharClass.Apostrophes);
        if (apostrophe > 0 && start + apostrophe > wordFrom && IsCliticSuffix(text.Slice(start + apostrophe + 1, length - apostrophe - 1)))
        {
            int split = start + apostrophe;
            Current = Token.Create(start, split - start, TokenKind.Word, _flags | wordFlags);
            _pending = Token.Create(split, end - split, TokenKind.Clitic);
            _hasPending = true;
            _pos = end;
            return true;
        }

        return false;
    }

    private static bool IsCliticSuffix(ReadOnlySpan<char> s)
    {
        if (s.Length == 1)
        {
            char c = (char)(s[0] | 0x20);
            return c is 's' or 'm' or 'd';
        }

        if (s.Length == 2)
        {
            char a = (char)(s[0] | 0x20);
            char b = (char)(s[1] | 0x20);
            return (a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e');
        }

        return false;
    }

    private static bool IsScheme(ReadOnlySpan<char> s) =>
        s.Length is >= 2 and <= 10 && !s.ContainsAnyExceptInRange('a', 'z') ||
        s.Equals("HTTP", StringComparison.OrdinalIgnoreCase) || s.Equals("HTTPS", StringComparison.OrdinalIgnoreCase);

    private static bool IsSingleLetter(ReadOnlySpan<char> s) => s.Length == 1 && CharClass.IsLetter(s[0]);

    /// <summary>Two or more letters, all capitals ("FT", "EST").</summary>
    private static bool IsCapitals(ReadOnlySpan<char> s) => s.Length >= 2 && !s.ContainsAnyExceptInRange('A', 'Z');

    /// <summary>
    /// Whether, after white space and opening quotes from <paramref name="i"/>, the next word is a
    /// listed sentence starter ("The", "A", "It").
    /// </summary>
    private bool IsSentenceStarterAfter(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (CharClass.IsSeparator(text[i]) || text[i] is '"' or '\'' or '\u201C' or '\u2018'))
        {
            i++;
        }

        // A starter hyphenated across a line break ("How-" + "ever") is read whole.
        int start = i;
        var whole = ReadWord(text, start, lowerOnly: false, out i);
        if (whole is not null)
        {
            return _abbreviations.IsSentenceStarter(whole);
        }

        // A one-letter word with a period is an initial ("MR. A. Kim"), not "A" or "I".
        return i > start && !(i - start == 1 && i < text.Length && text[i] == '.') && _abbreviations.IsSentenceStarter(text[start..i]);
    }

    /// <summary>
    /// Whether a number or an identifier follows the period of a <c>number</c> abbreviation
    /// whose word starts at <paramref name="wordStart"/>, from <paramref name="i"/> on: after
    /// spaces and an optional "#", a run of non-space characters (up to <c>. , ; : )</c>) that
    /// starts with a digit ("No. 5", "no.12", "No. #12"). When the abbreviation is titled (a
    /// capital, after a capitalised word: "Case No.", "Law No."), also a run that holds a digit
    /// ("Case No. ICC-01/04", "Law No. (8)") or a roman numeral of two or more letters
    /// ("Protocol No. XII"), and the run may start on the next line ("Decree No.\n5").
    /// </summary>
    private static bool IsNumberAfter(ReadOnlySpan<char> text, int wordStart, int i)
    {
        bool titled = char.IsUpper(text[wordStart]) && FollowsCapitalisedWord(text, wordStart);
        int lineBreaks = 0;
        while (i < text.Length && CharClass.IsSeparator(text[i]))
        {
            lineBreaks += CharClass.LineBreaks(text, i);
            if (lineBreaks > (titled ? 1 : 0))
            {
                return false;
            }

            i++;
        }

        if (i < text.Length && text[i] == '#')
        {
            i++;
        }

        int start = i;
        bool digit = false;
        while (i < text.Length && !CharClass.IsSeparator(text[i]) && text[i] is not ('.' or ',' or ';' or ':' or ')'))
        {
            digit |= char.IsAsciiDigit(text[i]);
            i++;
        }

        if (i == start)
        {
            return false;
        }

        return char.IsAsciiDigit(text[start]) || (titled && (digit || CharClass.IsRomanNumeral(text[start..i])));
    }

    /// <summary>Whether the word ending before <paramref name="wordStart"/> (past spaces) starts with a capital ("Case", "Protocol").</summary>
    private static bool FollowsCapitalisedWord(ReadOnlySpan<char> text, int wordStart)
    {
        int j = wordStart - 1;
        if (j < 0 || !(text[j] == ' ' || CharClass.IsInvisible(text[j])))
        {
            return false;
        }

        while (j >= 0 && (text[j] == ' ' || CharClass.IsInvisible(text[j])))
        {
            j--;
        }

        int end = j;
        while (j >= 0 && CharClass.IsLetter(text[j]))
        {
            j--;
        }

        return end > j && char.IsUpper(text[j + 1]);
    }

    /// <summary>
    /// Whether the period at <paramref name="period"/> joins two sentences whose paragraph break was
    /// lost ("collapsed.Sanctions"), not the parts of a name, a domain, a file or an identifier:
    /// the word before it is all lower-case letters (not "System.Text", "iPhone.Apple"); the word
    /// after it is capitalised, in lower case after its first letter, and ends at white space, the
    /// end of the text or punctuation that closes a word (not "Console.WriteLine",
    /// "jane.Doe@example.com", "john.Smith-Jones@", "example.Org/about"); and a word of three
    /// letters or fewer is a listed sentence starter ("The", "It", not "Com", "Pdf", "Md").
    /// </summary>
    private bool IsGluedSentenceStart(ReadOnlySpan<char> text, int wordStart, int period)
    {
        if (period - wordStart < 2)
        {
            return false;
        }

        foreach (char c in text[wordStart..period])
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        int start = period + 1;
        if (start >= text.Length || !char.IsUpper(text[start]))
        {
            return false;
        }

        // A word hyphenated across a line break ("Sa-" + "nctions") goes on on the next line.
        var rest = ReadWord(text, start + 1, lowerOnly: true, out int end);
        string? whole = rest is null ? null : text[start] + rest;
        if (end - start < 2 || (end < text.Length && !CharClass.IsSeparator(text[end]) && text[end] is not (',' or ';' or ':' or '.' or '!' or '?' or ')' or '"' or '\u201D' or '\u2019')))
        {
            return false;
        }

        // A period and a letter after it: a domain name ("www.Example.org").
        if (end + 1 < text.Length && text[end] == '.' && CharClass.IsLetter(text[end + 1]))
        {
            return false;
        }

        return (whole?.Length ?? end - start) > 3 || _abbreviations.IsSentenceStarter(whole ?? text[start..end]);
    }

    /// <summary>The letters in <paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static int LettersBefore(ReadOnlySpan<char> text, int from, int to)
    {
        int letters = 0;
        foreach (char c in text[from..to])
        {
            letters += CharClass.IsLetter(c) ? 1 : 0;
        }

        return letters;
    }

    /// <summary>Letters in groups of one or two separated by periods: "U.S", "p.m", "Ph.D", "U.S.A".</summary>
    internal static bool IsInitialism(ReadOnlySpan<char> s)
    {
        int group = 0;
        foreach (char c in s)
        {
            if (c == '.')
            {
                if (group == 0)
                {
                    return false;
                }

                group = 0;
            }
            else if (CharClass.IsLetter(c) && ++group <= 2)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return group > 0;
    }

    /// <summary>
    /// Whether the period at <paramref name="period"/>, after the word part starting at
    /// <paramref name="partStart"/> (whose last letter the caller has checked is lower case), is
    /// followed by a footnote number: the part is two or more ASCII letters, neither a listed
    /// abbreviation nor a word that numbers a part of a text ("para.3", "Art.5", "fig.2",
    /// "sec.4" stay whole), and one to three digits follow the period, or several such numbers
    /// joined by commas or dashes ("scarce.3,4", "scarce.3–5"), then white space or the end of
    /// the text.
    /// </summary>
    private bool IsFootnoteAfterWord(ReadOnlySpan<char> text, int partStart, int period)
    {
        var part = text[partStart..period];
        if (part.Length < 2 || part.ContainsAnyExcept(AsciiLetters) || NumbersAPart(part))
        {
            return false;
        }

        int j = period + 1;
        while (true)
        {
            int digits = j;
            while (j < text.Length && j - digits < 3 && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j == digits || (j < text.Length && char.IsAsciiDigit(text[j])))
            {
                return false;
            }

            if (j + 1 < text.Length && text[j] is ',' or '-' or '\u2013' && char.IsAsciiDigit(text[j + 1]))
            {
                j++;
                continue;
            }

            break;
        }

        return (j == text.Length || CharClass.IsSeparator(text[j])) && _abbreviations.Lookup(part) == AbbreviationKind.None;
    }

    /// <summary>Words that number a part of a text or a reference ("para", "art", "fig", "sec", "sect", "ch", "chap", "vol", "no", "op", "pp", "eq", "ref", "annex"), in any case, with or without a plural "s".</summary>
    private static bool NumbersAPart(ReadOnlySpan<char> part)
    {
        Span<char> lower = stackalloc char[8];
        if (part.Length > lower.Length)
        {
            return false;
        }

        int n = part.ToLowerInvariant(lower);
        var word = lower[..n];
        if (word.Length > 2 && word[^1] == 's')
        {
            word = word[..^1];
        }

        return word is "para" or "art" or "fig" or "sec" or "sect" or "ch" or "chap" or "vol" or "no" or "op" or "pp" or "eq" or "ref" or "annex";
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Digits with inner grouping and decimals, and at most a short letter suffix ("1990s", "5th", "10km").</summary>
    private static bool IsNumberShape(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && (CharClass.IsDigit(s[i]) || s[i] is '.' or ',' or '/'))
        {
            i++;
        }

        int suffix = s.Length - i;
        return suffix == 0 || (suffix <= 3 && !s[i..].ContainsAnyExceptInRange('a', 'z'));
    }

    private bool TryScanEmailDomain(int i, out int end)
    {
        var text = _text;
        end = i;
        bool dot = false;
        int j = i;
        while (j < text.Length)
        {
            char c = text[j];
            if (CharClass.IsAsciiLetterOrDigit(c) || c == '-' || (c >= 128 && CharClass.IsLetter(c)))
            {
                j++;
            }
            else if (c == '.' && j > i && j + 1 < text.Length && (CharClass.IsAsciiLetterOrDigit(text[j + 1]) || (text[j + 1] >= 128 && CharClass.IsLetter(text[j + 1]))))
            {
                dot = true;
                j++;
            }
            else
            {
                break;
            }
        }

        if (!dot || j == i)
        {
            return false;
        }

        end = j;
        return true;
    }

    /// <summary>A URL runs to the next white space, less trailing punctuation that ends the sentence or closes a bracket, and trailing invisible characters.</summary>
    private void EmitUrl(int start, int from)
    {
        var text = _text;
        int end = from;
        while (end < text.Length && !CharClass.IsWhiteSpace(text[end]))
        {
            end++;
        }

        // Invisible characters at the end go too (a direction mark after "report."), as separators.
        while (end > from && (text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ')' or ']' or '>' or '\u2019' or '\u201D' || CharClass.IsInvisible(text[end - 1])))
        {
            end--;
        }

        Emit(start, end, TokenKind.Url);
    }

    private void ScanOther(int start)
    {
        var text = _text;
        char c = text[start];
        int end = start + 1;
        switch (c)
        {
            case '.':
                while (end < text.Length && text[end] == '.')
                {
                    end++;
                }

                Emit(start, end, TokenKind.Punctuation, Token.TerminalFlag);
                return;
            case '!' or '?':
                while (end < text.Length && text[end] is '!' or '?')
                {
                    end++;
                }

                Emit(start, end, TokenKind.Punctuation, Token.TerminalFlag);
                return;
            case '-':
                while (end < text.Length && text[end] == '-')
                {
                    end++;
                }

                Emit(start, end, TokenKind.Punctuation);
                return;
            case '\'' or '\u2019':
                // A clitic after a token that ends in a period: "Jr.'s".
                if (start > 0 && !CharClass.IsSeparator(text[start - 1]))
                {
                    int j = end;
                    while (j < text.Length && char.IsAsciiLetter(text[j]))
                    {
                        j++;
                    }

                    if (j > end && IsCliticSuffix(text[end..j]) && (j == text.Length || CharClass.WordCharWidth(text, j) == 0))
                    {
                        Emit(start, j, TokenKind.Clitic);
                        return;
                    }
                }

                Emit(start, end, TokenKind.Punctuation);
                return;
        }

        var category = CharClass.CategoryAt(text, start, out int width);
        end = start + width;
        if (category == UnicodeCategory.CurrencySymbol && end < text.Length && CharClass.IsDigit(text[end]))
        {
            ScanWord(start, end);
            return;
        }

        switch (category)
        {
            case UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation:
                Emit(start, end, TokenKind.Punctuation, PunctuationFlags(c));
                return;
            case UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol:
                if (IsRegionalIndicator(text, start) && IsRegionalIndicator(text, end))
                {
                    end += 2; // a flag is two regional indicator letters ("🇰🇷")
                }

                Emit(start, AbsorbSymbolModifiers(end), TokenKind.Symbol, PunctuationFlags(c));
                return;
            default:
                Emit(start, end, TokenKind.Other);
                return;
        }
    }

    /// <summary>Marks sentence-final punctuation and bullets for the segmenter.</summary>
    private static uint PunctuationFlags(char c) => c switch
    {
        '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u3002' or '\uFF01' or '\uFF1F' or '\uFF61' => Token.TerminalFlag,
        _ => CharClass.IsBullet(c) ? Token.BulletFlag : 0,
    };

    /// <summary>Whether a regional indicator letter (U+1F1E6 to U+1F1FF, half of a flag) starts at <paramref name="i"/>.</summary>
    private static bool IsRegionalIndicator(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && text[i] == '\uD83C' && text[i + 1] is >= '\uDDE6' and <= '\uDDFF';

    /// <summary>Keeps an emoji whole: variation selectors, skin tones, joiners, keycaps and tag sequences.</summary>
    private readonly int AbsorbSymbolModifiers(int end)
    {
        var text = _text;
        while (end < text.Length)
        {
            char c = text[end];
            if (c is '\uFE0E' or '\uFE0F' or '\u20E3')
            {
                end++;
            }
            else if (c == '\u200D' && end + 1 < text.Length && (char.IsHighSurrogate(text[end + 1]) || char.GetUnicodeCategory(text[end + 1]) == UnicodeCategory.OtherSymbol))
            {
                // The joiner and the pictograph after it (an emoji outside the BMP, or a symbol such
                // as \u2695 or \u2764); before anything else (a letter, a period) the joiner is left
                // dangling, a separator, and the emoji ends.
                end += char.IsHighSurrogate(text[end + 1]) && end + 2 < text.Length && char.IsLowSurrogate(text[end + 2]) ? 3 : 2;
            }
            else if (c == '\uD83C' && end + 1 < text.Length && text[end + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                end += 2; // skin tone modifier
            }
            else if (c == '\uDB40' && end + 1 < text.Length && text[end + 1] is >= '\uDC20' and <= '\uDC7F')
            {
                end += 2; // tag character (subdivision flags)
            }
            else if (char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end;
    }
}
