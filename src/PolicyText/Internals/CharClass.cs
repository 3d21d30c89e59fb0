using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace PolicyText.Internals;

/// <summary>Character classes for the tokenizer, with an ASCII table as the fast path.</summary>
internal static class CharClass
{
    private const byte Space = 1;
    private const byte Letter = 2;
    private const byte Digit = 4;

    /// <summary>ASCII classes (1 white space, 2 letter, 4 digit), as constant data so lookups need no static initialisation.</summary>
    private static ReadOnlySpan<byte> Ascii =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    ];

    /// <summary>The characters that join the parts of a compound: hyphen-minus, hyphen, non-breaking hyphen.</summary>
    public static readonly SearchValues<char> Hyphens = SearchValues.Create("-\u2010\u2011");

    /// <summary>The first index at or after <paramref name="i"/> that is not an ASCII letter or digit.</summary>
    /// <remarks>
    /// Eight characters at a time where the text has them: where a word ends is data the branch
    /// predictor cannot guess, so one compare of a whole block and a count of its trailing
    /// matches replace a loop whose exit is mispredicted once a word.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipAsciiLettersAndDigits(ReadOnlySpan<char> text, int i)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (i >= 0 && i <= text.Length - Vector128<ushort>.Count)
            {
                var block = Vector128.LoadUnsafe(ref start, (nuint)i);

                // A letter once its case bit is set lies in 'a'..'z'; a digit in '0'..'9' (unsigned
                // differences, so everything below wraps to a large number).
                var letter = Vector128.LessThan((block | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
                var digit = Vector128.LessThan(block - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
                uint other = ~(letter | digit).ExtractMostSignificantBits() & 0xFF;
                if (other != 0)
                {
                    return i + BitOperations.TrailingZeroCount(other);
                }

                i += Vector128<ushort>.Count;
            }
        }

        var table = Ascii;
        while ((uint)i < (uint)text.Length)
        {
            char c = text[i];
            if (c >= 128 || (table[c] & (Letter | Digit)) == 0)
            {
                break;
            }

            i++;
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(char c) => c < 128 ? Ascii[c] == Space : char.IsWhiteSpace(c);

    /// <summary>
    /// What lies between tokens and belongs to none: white space (<see cref="char.IsWhiteSpace(char)"/>)
    /// and the invisible characters (<see cref="IsInvisible"/>) where no word holds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c) => c < 128 ? Ascii[c] == Space : char.IsWhiteSpace(c) || IsInvisible(c);

    /// <summary>
    /// An invisible character: the zero-width space (U+200B), which separates words as a space
    /// does, and the characters a word may hold (<see cref="IsIgnorable"/>), which separate
    /// tokens like white space where they do not stand between two letters of a word.
    /// </summary>
    public static bool IsInvisible(char c) => c == '\u200B' || IsIgnorable(c);

    /// <summary>
    /// How many line breaks the character at <paramref name="i"/> makes: 1 for LF, NEL (U+0085),
    /// the line separator (U+2028), a form feed (a page break in text extracted from PDFs) or a
    /// vertical tab (a word processor's manual line break) with no other line break beside it,
    /// and a CR not followed by LF (so CR LF counts once, at its LF);
    /// 2 for the paragraph separator (U+2029), which stands for a blank line; 0 otherwise. The one
    /// definition of a line break that the tokenizer's flags and the paragraph numbering share.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LineBreaks(ReadOnlySpan<char> text, int i)
    {
        // A fast exit for the characters that are not breaks (nearly all): one comparison for ASCII.
        char c = text[i];
        if (c > '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029')
        {
            return 0;
        }

        return c switch
        {
            '\n' or '\u0085' or '\u2028' => 1,

            // A page break (form feed) or a manual line break (vertical tab) with no line break
            // beside it: pdftotext writes "\n\f" at a page's end, often inside a sentence, and
            // that is one line break, the LF's.
            // Invisible characters between them (a direction mark, U+FEFF) are looked through.
            '\f' or '\v' => IsBreakCharacter(Visible(text, i, -1)) || IsBreakCharacter(Visible(text, i, 1)) ? 0 : 1,
            '\u2029' => 2,
            '\r' => Visible(text, i, 1) == '\n' ? 0 : 1,
            _ => 0,
        };
    }

    /// <summary>The nearest character before (<paramref name="step"/> −1) or after (+1) position <paramref name="i"/> that is not invisible (<see cref="IsInvisible"/>), or NUL at the text's edge.</summary>
    private static char Visible(ReadOnlySpan<char> text, int i, int step)
    {
        for (int j = i + step; (uint)j < (uint)text.Length; j += step)
        {
            if (!IsInvisible(text[j]))
            {
                return text[j];
            }
        }

        return '\0';
    }

    /// <summary>Whether <paramref name="c"/> breaks a line: LF, CR, a form feed, a vertical tab, NEL, U+2028 or U+2029.</summary>
    public static bool IsBreakCharacter(char c) => c is '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>The line breaks in <paramref name="text"/>, each counted as <see cref="LineBreaks"/> counts it.</summary>
    public static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        int n = 0;
        for (int k = 0; k < text.Length; k++)
        {
            n += LineBreaks(text, k);
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetterOrDigit(char c) => c < 128 && (Ascii[c] & (Letter | Digit)) != 0;

    /// <summary>
    /// The characters a word is read without, spelled out or composed with, by word hashes and the
    /// lexicon matcher (<see cref="Respell"/>): invisible characters that hyphenated web pages, PDFs
    /// and right-to-left editors leave inside words (<see cref="IsIgnorable"/>), typographic
    /// ligatures (U+FB00 to U+FB06) that PDF extraction leaves for "ff", "fi", "fl", "ffi", "ffl", "st"
    /// (<see cref="Ligature"/>), and the combining diacritical marks (U+0300 to U+036F) of text in
    /// decomposed form (NFD: "de\u0301tente" for "détente").
    /// </summary>
    public static readonly SearchValues<char> Respelled = SearchValues.Create(IgnorableCharacters + "\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06" + CombiningMarks());

    /// <summary>The combining diacritical marks, U+0300 to U+036F (a method: <see cref="Respelled"/> is made from it before any later field is set).</summary>
    private static string CombiningMarks() => string.Create(0x70, 0, static (marks, _) =>
    {
        for (int k = 0; k < marks.Length; k++)
        {
            marks[k] = (char)(0x300 + k);
        }
    });

    // Letter and mark (letter << 16 | mark) → the composed character (Composition.Triples).
    private static readonly FrozenDictionary<int, char> Compositions = Enumerable.Range(0, Composition.Triples.Length / 3)
        .ToFrozenDictionary(k => (Composition.Triples[3 * k] << 16) | Composition.Triples[(3 * k) + 1], k => Composition.Triples[(3 * k) + 2]);

    /// <summary>
    /// A word as word hashes and the lexicon matcher read it: invisible characters left out,
    /// ligatures spelled out, and a combining mark composed with the letter before it where
    /// Unicode composes them (canonical composition, NFC, one mark after another: "de\u0301tente"
    /// reads as "détente"; a mark that composes with nothing stays). The table of compositions is
    /// PolicyText's own (<see cref="Composition"/>), so the result is the same whatever the
    /// host's globalization settings.
    /// </summary>
    public static string Respell(ReadOnlySpan<char> word)
    {
        var letters = new StringBuilder(word.Length + 4);
        foreach (char c in word)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                if (letters.Length > 0 && Compositions.TryGetValue((letters[^1] << 16) | c, out char composed))
                {
                    letters[^1] = composed;
                }
                else
                {
                    letters.Append(c);
                }
            }
            else if (Respelled.Contains(c))
            {
                // Invisible: left out; a ligature: its letters.
                letters.Append(Ligature(c));
            }
            else
            {
                letters.Append(c);
            }
        }

        return letters.ToString();
    }

    // The characters IsIgnorable accepts, the one list for it and for Respelled.
    private const string IgnorableCharacters = "\u00AD\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF";

    private static readonly SearchValues<char> Ignorables = SearchValues.Create(IgnorableCharacters);

    /// <summary>The characters <see cref="IsInvisible"/> accepts.</summary>
    public static readonly SearchValues<char> Invisibles = SearchValues.Create(IgnorableCharacters + "\u200B");

    /// <summary>
    /// An invisible character a word may hold without being split: the soft hyphen (U+00AD), the
    /// zero-width non-joiner and joiner (U+200C, U+200D), the left-to-right and
    /// right-to-left marks (U+200E, U+200F), the bidirectional embeddings, overrides and isolates
    /// (U+202A to U+202E, U+2066 to U+2069), the word joiner (U+2060) and the zero-width no-break
    /// space (U+FEFF). The zero-width space (U+200B) is not one: it separates words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIgnorable(char c) => Ignorables.Contains(c);

    /// <summary><paramref name="line"/> without its invisible characters (<see cref="IsInvisible"/>; rare: one scan says so), as a line of text is read.</summary>
    public static ReadOnlySpan<char> VisibleLine(ReadOnlySpan<char> line)
    {
        if (!line.ContainsAny(Invisibles))
        {
            return line;
        }

        var visible = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (!IsInvisible(c))
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    /// <summary>The letters a typographic ligature stands for ("fi" for U+FB01), or empty for another character.</summary>
    public static string Ligature(char c) => c switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => string.Empty,
    };

    /// <summary>A superscript digit (¹ ² ³ ⁰ ⁴ … ⁹), as footnote marks are written.</summary>
    public static bool IsSuperscriptDigit(char c) => c is '\u00B9' or '\u00B2' or '\u00B3' or '\u2070' or (>= '\u2074' and <= '\u2079');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c == '-' || c == '\u2010' || c == '\u2011';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => Apostrophes.Contains(c);

    /// <summary>The apostrophes <see cref="IsApostrophe"/> accepts: <c>'</c>, the right single quotation mark, the modifier letter apostrophe (U+02BC) and the acute accent that some keyboards type for one (U+00B4, <c>don´t</c>).</summary>
    public static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u02BC\u00B4");

    /// <summary>
    /// A list bullet: • ‣ ⁃ ◦ ▪ ● ∙ and the symbols word processors put before items (■ □ ○ ► ▶ ➢ ❖).
    /// The tokenizer flags them and the segmenter starts a sentence at one after white space.
    /// </summary>
    public static bool IsBullet(char c) => c is '\u2022' or '\u2023' or '\u2043' or '\u25E6' or '\u25AA' or '\u25CF' or '\u2219'
        or '\u25A0' or '\u25A1' or '\u25CB' or '\u25BA' or '\u25B6' or '\u27A2' or '\u2756';

    /// <summary>
    /// The width in UTF-16 code units (1 or 2) of the word character at <paramref name="i"/>, or 0
    /// when it is not one. Word characters are letters, digits (any script), combining marks and
    /// the connector underscore.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WordCharWidth(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < 128)
        {
            return (Ascii[c] & (Letter | Digit)) != 0 || c == '_' ? 1 : 0;
        }

        return NonAsciiWordCharWidth(text, i);
    }

    private static int NonAsciiWordCharWidth(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                return IsWordCategory(Rune.GetUnicodeCategory(rune)) ? 2 : 0;
            }

            return 0;
        }

        if (char.IsLowSurrogate(c))
        {
            return 0;
        }

        return IsWordCategory(char.GetUnicodeCategory(c)) ? 1 : 0;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    /// <summary>True for a letter of any script (not a digit or a mark), BMP only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (Ascii[c] & Letter) != 0 : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    /// <summary>The Unicode category of the code point at <paramref name="i"/> and its width.</summary>
    public static UnicodeCategory CategoryAt(ReadOnlySpan<char> text, int i, out int width)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return Rune.GetUnicodeCategory(new Rune(c, text[i + 1]));
        }

        width = 1;
        return char.IsSurrogate(c) ? UnicodeCategory.Surrogate : char.GetUnicodeCategory(c);
    }

    /// <summary>Case-insensitive ASCII comparison of <paramref name="text"/> at <paramref name="i"/> with a lower-case ASCII literal.</summary>
    public static bool StartsWithAsciiIgnoreCase(ReadOnlySpan<char> text, int i, string lowerLiteral)
    {
        if (text.Length - i < lowerLiteral.Length)
        {
            return false;
        }

        for (int k = 0; k < lowerLiteral.Length; k++)
        {
            char c = text[i + k];
            if (c < 128 && char.IsAsciiLetterUpper(c))
            {
                c = (char)(c | 0x20);
            }

            if (c != lowerLiteral[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A roman numeral from II to XXXIX in capitals ("XII", "IV").</summary>
    public static bool IsRomanNumeral(ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        int i = 0;
        while (i < s.Length && i < 3 && s[i] == 'X')
        {
            i++;
        }

        var rest = s[i..];
        return rest is "" or "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX";
    }
}
