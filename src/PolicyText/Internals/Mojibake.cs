using System.Buffers;

namespace PolicyText.Internals;

/// <summary>
/// Finds the marks of UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere before
/// it reached PolicyText ("mojibake": <c>donâ€™t</c> for <c>don’t</c>, <c>rÃ©gime</c> for
/// <c>régime</c>, <c>Â°</c> for <c>°</c>). Such text is tokenized as written, so its apostrophes,
/// quotation marks and accented letters are lost to the lexicons and the models; it cannot be
/// repaired here without changing the offsets, so it is reported.
/// </summary>
internal static class Mojibake
{
    // What the UTF-8 lead bytes of the sequences looked for read as: â (E2, the first byte of the
    // quotation marks, dashes, ellipsis, bullet, euro sign, arrows: E2 80 99 is ’) and Â Ã Ä Å Æ
    // (C2 to C6, the first byte of U+0080 to U+01BF: Latin-1 signs and letters, and Latin
    // Extended-A and B, such as Turkish ş, ğ, ı and Polish ł).
    private static readonly SearchValues<char> Leads = SearchValues.Create("\u00E2\u00C2\u00C3\u00C4\u00C5\u00C6");

    // What Windows-1252 makes of the continuation bytes 80 to 8F and 90 to 9F where it defines
    // them, and what Latin-1 makes of all of them (the C1 controls, also .NET's reading of the
    // bytes Windows-1252 leaves undefined).
    private const string Windows1252From80 = "\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D";
    private const string Windows1252From90 = "\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178";
    private const string Latin1From80 = "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F";
    private const string Latin1From90 = "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F";

    // The continuation bytes 80 to 9F, as either encoding reads them.
    private static readonly SearchValues<char> Windows1252High = SearchValues.Create(Windows1252From80 + Windows1252From90 + Latin1From80 + Latin1From90);

    // The continuation bytes 80 to 8F only: after â (E2), the bytes of U+2000 to U+23FF.
    private static readonly SearchValues<char> AfterE2 = SearchValues.Create(Windows1252From80 + Latin1From80);

    /// <summary>
    /// The number of such marks in <paramref name="text"/>: <c>â</c> followed by what a byte 80 to
    /// 8F reads as (<c>â€</c>, <c>â‚</c>, <c>â„</c>, <c>â†</c>, or a C1 control when the text was
    /// read as Latin-1), and <c>Â Ã Ä Å Æ</c> followed by what a byte 80 to BF reads as, unless a
    /// capital letter comes before them: in Portuguese, Vietnamese or Romanian capitals a real
    /// Ã or Â may end a word before a closing quotation mark, a dash or a no-break space
    /// (<c>“IRMÔ</c>, <c>CIDADÃ…</c>), while garbled letters sit inside lower-case words or open
    /// them (<c>rÃ©gime</c>, <c>Ã‰tat</c>). Garbled capitals after a capital (<c>CAFÃ‰</c>) are
    /// therefore not counted.
    /// </summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        int i = text.IndexOfAny(Leads);
        while (i >= 0 && i + 1 < text.Length)
        {
            char next = text[i + 1];
            bool mark = text[i] == '\u00E2'
                ? AfterE2.Contains(next)
                : ((next >= '\u00A0' && next <= '\u00BF') || Windows1252High.Contains(next)) && !(i > 0 && char.IsUpper(text[i - 1]));
            count += mark ? 1 : 0;
            int rest = text[(i + 1)..].IndexOfAny(Leads);
            i = rest < 0 ? -1 : i + 1 + rest;
        }

        return count;
    }
}
