using System.Buffers;
using System.Globalization;
using System.Text;

namespace PolicyText.Text;

/// <summary>
/// The normalized form used for matching: lower case (invariant), with curly and prime
/// apostrophes unified to <c>'</c>, curly and low double quotes to <c>"</c>, hyphens, dashes
/// and the minus sign to <c>-</c>, and full-width letters and digits to ASCII. It maps one UTF-16 code unit to one, so a normalized text has
/// exactly the offsets of its source and a token's normalized form is the same slice of it.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normalized form of one character.</summary>
    /// <param name="c">A UTF-16 code unit.</param>
    /// <returns>Its normalized form; surrogates are returned unchanged.</returns>
    public static char Normalize(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\uFF07' or '\u00B4':
                return '\'';
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' or '\uFF02':
                return '"';
            case '\u2212' or '\uFE63' or '\uFF0D':
                return '-';
            case '\u0130':
                // The capital I with a dot (Turkish and Azerbaijani: "İstanbul", "İzmir"), which
                // the invariant culture leaves as it is: its one-character lower case, the "i"
                // every other spelling of the name has, so that it matches `istanbul`.
                return 'i';
            case (>= '\uFF10' and <= '\uFF19') or (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A'):
                // The full-width letters and digits (text from Chinese, Japanese and Korean
                // sources): their ASCII letter, lower case, or digit. Full-width punctuation is
                // left as it is (but for the apostrophe, quotation mark and hyphen above): the
                // tokenizer does not read it as ASCII punctuation, so neither does matching.
                return Normalize((char)(c - 0xFEE0));
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        return char.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : char.ToLowerInvariant(c);
    }

    /// <summary>Writes the normalized form of <paramref name="source"/> to <paramref name="destination"/>.</summary>
    /// <param name="source">The text.</param>
    /// <param name="destination">A span at least as long as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void Normalize(ReadOnlySpan<char> source, Span<char> destination) => NormalizeText(source, destination);

    /// <summary>
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char})"/>, saying whether the text holds one of
    /// <see cref="PolicyText.Internals.CharClass.Respelled"/> (a soft hyphen, a ligature), seen on the way:
    /// they are not ASCII, so only the characters of the slow path are looked at.
    /// </summary>
    /// <returns>Whether the text holds a character of <see cref="PolicyText.Internals.CharClass.Respelled"/>.</returns>
    internal static bool NormalizeText(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        // ASCII runs are lower-cased vectorized (exactly what Normalize(char) does below 128);
        // Ascii.ToLower stops at the first other character, which takes the slow path.
        bool respelled = false;
        int i = 0;
        while (i < source.Length)
        {
            if (Ascii.ToLower(source[i..], destination[i..], out int written) == OperationStatus.Done)
            {
                break;
            }

            i += written;
            char c = source[i];
            respelled |= PolicyText.Internals.CharClass.Respelled.Contains(c);
            destination[i] = Normalize(c);
            i++;
        }

        return respelled;
    }

    /// <summary>The normalized form of <paramref name="text"/>, with the same length.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalized text.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (dest, src) => Normalize(src.AsSpan(), dest));
    }
}
