using System.Runtime.InteropServices;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// One token: a view over the original text given by its UTF-16 <see cref="Start"/> and
/// <see cref="Length"/>. A token never owns text; slice the source (or the normalized text,
/// which has the same offsets) with <see cref="GetText(ReadOnlySpan{char})"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct Token
{
    /// <summary>Creates a token.</summary>
    /// <param name="start">UTF-16 offset of the first character.</param>
    /// <param name="length">Number of UTF-16 code units.</param>
    /// <param name="kind">What the token is.</param>
    public Token(int start, int length, TokenKind kind)
    {
        Start = start;
        Length = length;
        Kind = kind;
    }

    /// <summary>UTF-16 offset of the first character in the source text.</summary>
    public int Start { get; }

    /// <summary>Number of UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>UTF-16 offset one past the last character (end exclusive).</summary>
    public int End => Start + Length;

    /// <summary>What the token is.</summary>
    public TokenKind Kind { get; }

    /// <summary>The token's characters in <paramref name="text"/>, which must be the text it was
    /// produced from, or a text with the same offsets (such as the normalized text).</summary>
    /// <param name="text">The source or normalized text.</param>
    /// <returns>The slice of <paramref name="text"/> the token covers.</returns>
    public ReadOnlySpan<char> GetText(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>
    /// The hyphen-separated parts of a compound token ("Sino-U.S." gives "Sino" and "U.S.",
    /// "COVID-19" gives "COVID" and "19"). A token without an inner hyphen has one part: itself.
    /// </summary>
    /// <param name="text">The text the token was produced from.</param>
    /// <returns>An allocation-free enumerator of the parts, as tokens of this token's kind.</returns>
    public TokenPartEnumerator GetParts(ReadOnlySpan<char> text) => new(text.Slice(Start, Length), Start, Kind);
}

/// <summary>Enumerates the hyphen-separated parts of a token. See <see cref="Token.GetParts"/>.</summary>
[StructLayout(LayoutKind.Auto)]
public ref struct TokenPartEnumerator
{
    private readonly ReadOnlySpan<char> _token;
    private readonly int _offset;
    private readonly TokenKind _kind;
    private int _next;

    internal TokenPartEnumerator(ReadOnlySpan<char> token, int offset, TokenKind kind)
    {
        _token = token;
        _offset = offset;
        _kind = kind;
        _next = 0;
        Current = default;
    }

    /// <summary>The current part.</summary>
    public Token Current { get; private set; }

    /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenPartEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next part.</summary>
    /// <returns><see langword="true"/> while there is a part.</returns>
    public bool MoveNext()
    {
        while (_next <= _token.Length)
        {
            int start = _next;
            int rel = _token[start..].IndexOfAny(CharClass.Hyphens);
            int end = rel < 0 ? _token.Length : start + rel;
            _next = end + 1;
            if (end > start)
            {
                Current = new Token(_offset + start, end - start, _kind);
                return true;
            }
        }

        return false;
    }
}
