namespace PolicyText.Internals;

/// <summary>
/// Maps between UTF-16 offsets (C# strings) and Unicode code-point offsets (the unit of the CSV
/// files and the corpus, as in Python). A pair of surrogates is one code point; an unpaired
/// surrogate is one code point too.
/// </summary>
internal static class CodePoints
{
    /// <summary>Whether <paramref name="text"/> has a high surrogate (and so the two units can differ).</summary>
    public static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') >= 0;

    /// <summary>For each UTF-16 offset 0..Length, the number of code points before it.</summary>
    public static int[] Utf16ToCodePoint(string text)
    {
        var map = new int[text.Length + 1];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = count;
            if (!IsPairStart(text, i))
            {
                count++;
            }
        }

        map[text.Length] = count;
        return map;
    }

    /// <summary>For each code-point offset 0..(code points), the UTF-16 offset where it starts.</summary>
    public static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (IsPairStart(text, i))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }

    private static bool IsPairStart(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
