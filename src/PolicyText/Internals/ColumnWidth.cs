using System.Globalization;
using System.Text;

namespace PolicyText.Internals;

/// <summary>
/// How many columns of a fixed-width (monospaced) table a string takes: one per character,
/// two for the wide and full-width characters of East Asian scripts (and pictographs), none
/// for combining marks and format characters. Used to keep a report's rows aligned when a
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
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
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

    // The blocks of East Asian Width W and F (Unicode's EastAsianWidth.txt), by block: Hangul
    // Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs, vertical and small
    // forms, full-width forms, pictographs and emoji, and the supplementary ideographic planes.
    private static bool IsWide(int c) => c switch
    {
        >= 0x1100 and <= 0x115F => true,
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
        >= 0x1F300 and <= 0x1F64F => true,
        >= 0x1F900 and <= 0x1F9FF => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };
}
