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
    // The characters a UTF-8 lead byte of the sequences looked for reads as: â (E2, as in
    // E2 80 99, the right single quotation mark), Ã (C3, Latin-1 letters) and Â (C2, Latin-1 signs).
    private static readonly SearchValues<char> Leads = SearchValues.Create("\u00E2\u00C3\u00C2");

    // What Windows-1252 makes of the continuation bytes 80 to 9F (the Latin-1 controls where it has none).
    private static readonly SearchValues<char> Windows1252High = SearchValues.Create(
        "\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>
    /// The number of such marks in <paramref name="text"/>: <c>â€</c> (the first two bytes of
    /// the quotation marks, dashes, ellipsis and bullet), <c>Ã</c> or <c>Â</c> followed by what
    /// a continuation byte (80 to BF) reads as. None of these pairs occurs in ordinary English,
    /// and in other languages only where a capital Ã or Â is followed by a sign, not a letter.
    /// </summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        int i = text.IndexOfAny(Leads);
        while (i >= 0 && i + 1 < text.Length)
        {
            char next = text[i + 1];
            bool mark = text[i] == '\u00E2'
                ? next == '\u20AC'
                : (next >= '\u00A0' && next <= '\u00BF') || Windows1252High.Contains(next);
            count += mark ? 1 : 0;
            int rest = text[(i + 1)..].IndexOfAny(Leads);
            i = rest < 0 ? -1 : i + 1 + rest;
        }

        return count;
    }
}
