using System.Globalization;
using System.Text;

namespace PolicyText.Internals;

/// <summary>
/// How many columns of a fixed-width (monospaced) table a string takes: one per character,
/// two for the wide and full-width characters of East Asian scripts and for emoji, none for
/// combining marks, format characters and Hangul's conjoining vowels and finals. Used to keep a report's rows aligned when a
/// name holds such characters.
/// </summary>
internal static class ColumnWidth
{
    /// <summary>The columns <paramref name="text"/> takes.</summary>
    public static int Of(string text)
    {
        int columns = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            columns += Of(rune);
        }

        return columns;
    }

    /// <summary>The columns one character takes: 0, 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        int c = rune.Value;
        if (c < 0x300)
        {
            return 1;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format || IsConjoiningJamo(c))
        {
            return 0;
        }

        return IsWide(c) ? 2 : 1;
    }

    /// <summary><paramref name="text"/> followed by spaces to fill <paramref name="columns"/> columns (nothing added when it is as wide or wider).</summary>
    public static string PadRight(string text, int columns)
    {
        int width = Of(text);
        return width >= columns ? text : text + new string(' ', columns - width);
    }

    /// <summary>The longest start of <paramref name="text"/>, cut between whole characters (with their marks), that fits in <paramref name="columns"/> columns.</summary>
    public static string Truncate(string text, int columns)
    {
        int width = 0;
        int end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            int w = Of((string)elements.Current);
            if (width + w > columns)
            {
                break;
            }

            width += w;
            end = elements.ElementIndex + ((string)elements.Current).Length;
        }

        return text[..end];
    }

    // The characters of East Asian Width W and F (Unicode's EastAsianWidth.txt), mostly by
    // block: Hangul Jamo's leading consonants, the emoji of the symbol blocks, CJK radicals to
    // Yi, Hangul syllables, compatibility ideographs, vertical and small forms, full-width
    // forms, Tangut, Khitan and kana supplements, the pictograph and emoji blocks, and the
    // supplementary ideographic planes. The pictograph blocks hold a few characters of width 1
    // (drawn as text unless an emoji selector follows), counted 2 here.
    private static bool IsWide(int c) => c switch
    {
        >= 0x1100 and <= 0x115F => true,
        0x231A or 0x231B or 0x2329 or 0x232A or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 => true,
        0x25FD or 0x25FE or 0x2614 or 0x2615 or (>= 0x2648 and <= 0x2653) or 0x267F or 0x2693 or 0x26A1 => true,
        0x26AA or 0x26AB or 0x26BD or 0x26BE or 0x26C4 or 0x26C5 or 0x26CE or 0x26D4 or 0x26EA => true,
        0x26F2 or 0x26F3 or 0x26F5 or 0x26FA or 0x26FD or 0x2705 or 0x270A or 0x270B or 0x2728 => true,
        0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757 or (>= 0x2795 and <= 0x2797) or 0x27B0 or 0x27BF => true,
        0x2B1B or 0x2B1C or 0x2B50 or 0x2B55 => true,
        >= 0x2E80 and <= 0x303E => true,
        >= 0x3041 and <= 0x33FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xA000 and <= 0xA4CF => true,
        >= 0xA960 and <= 0xA97F => true,
        >= 0xAC00 and <= 0xD7A3 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFE10 and <= 0xFE19 => true,
        >= 0xFE30 and <= 0xFE6F => true,
        >= 0xFF00 and <= 0xFF60 => true,
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x16FE0 and <= 0x16FE4 => true,
        >= 0x17000 and <= 0x18D08 => true,
        >= 0x1AFF0 and <= 0x1B2FF => true,
        0x1F004 or 0x1F0CF or 0x1F18E or (>= 0x1F191 and <= 0x1F19A) => true,
        >= 0x1F200 and <= 0x1F2FF => true,
        >= 0x1F300 and <= 0x1F64F => true,
        >= 0x1F680 and <= 0x1F6FF => true,
        >= 0x1F7E0 and <= 0x1F7F0 => true,
        >= 0x1F90C and <= 0x1F9FF => true,
        >= 0x1FA70 and <= 0x1FAFF => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };

    // Hangul's conjoining vowels and final consonants, which join the leading consonant before
    // them into one syllable of two columns (decomposed Korean, as macOS writes file names).
    private static bool IsConjoiningJamo(int c) => c is (>= 0x1160 and <= 0x11FF) or (>= 0xD7B0 and <= 0xD7FF);
}
