using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// One token: a view over the original text given by its UTF-16 <see cref="Start"/> and
/// <see cref="Length"/>. A token never owns text; slice the source (or the normalized text,
/// which has the same offsets) with <see cref="GetText(ReadOnlySpan{char})"/>.
/// </summary>
/// <remarks>
/// A token is 8 bytes: the length, the kind and two line-break flags share one 32-bit field, so a token is at most
/// <see cref="MaxLength"/> UTF-16 code units long; the tokenizer cuts a longer run of
/// non-white-space (16 million characters without a space) into several tokens.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Token
{
    /// <summary>The longest token, in UTF-16 code units (2^24 − 1).</summary>
    public const int MaxLength = (1 << 24) - 1;

    internal const uint LineBreakFlag = 1u << 28;
    internal const uint BlankLineFlag = 1u << 29;
    // Bits 30 and 31 depend on the kind: for an abbreviation its class in the abbreviation list,
    // for punctuation and symbols whether the token can end a sentence or is a bullet, for a word
    // whether it spans a line break.
    internal const uint PrefixAbbreviationFlag = 1u << 30;
    internal const uint EndAbbreviationFlag = 1u << 31;
    internal const uint SpansLineBreakFlag = 1u << 30;
    internal const uint TerminalFlag = 1u << 30;
    internal const uint BulletFlag = 1u << 31;

    /// <summary>The packed value below which every token is a word of two or more characters, punctuation that
    /// neither ends a sentence nor is a bullet, or a clitic, with no line break before it.</summary>
    internal const uint PlainLimit = (uint)(TokenKind.Number) << 24;

    private readonly int _start;
    private readonly uint _lengthAndKind;

    /// <summary>Creates a token.</summary>
    /// <param name="start">UTF-16 offset of the first character.</param>
    /// <param name="length">Number of UTF-16 code units, from 0 to <see cref="MaxLength"/>.</param>
    /// <param name="kind">What the token is.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or <paramref name="length"/> out of range.</exception>
    public Token(int start, int length, TokenKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        _start = start;
        _lengthAndKind = (uint)length | ((uint)kind << 24);
    }

    private Token(int start, uint lengthAndKind)
    {
        _start = start;
        _lengthAndKind = lengthAndKind;
    }

    /// <summary>The tokenizer's constructor: the arguments are known to be in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Token Create(int start, int length, TokenKind kind, uint flags = 0) => new(start, (uint)length | ((uint)kind << 24) | flags);

    /// <summary>UTF-16 offset of the first character in the source text.</summary>
    public int Start => _start;

    /// <summary>Number of UTF-16 code units.</summary>
    public int Length => (int)(_lengthAndKind & MaxLength);

    /// <summary>UTF-16 offset one past the last character (end exclusive).</summary>
    public int End => _start + Length;

    /// <summary>What the token is.</summary>
    public TokenKind Kind => (TokenKind)((_lengthAndKind >> 24) & 0xF);

    /// <summary>Whether the white space before this token holds at least one line break
    /// (LF, CR, NEL, U+2028, U+2029, a form feed or a vertical tab).</summary>
    public bool FollowsLineBreak => (_lengthAndKind & LineBreakFlag) != 0;

    /// <summary>Whether the white space before this token holds a blank line: two or more line
    /// breaks (CR LF counts as one), or a paragraph separator U+2029.</summary>
    public bool FollowsBlankLine => (_lengthAndKind & BlankLineFlag) != 0;

    /// <summary>
    /// For an <see cref="TokenKind.Abbreviation"/>, how the tokenizer's abbreviation list classes
    /// it at a sentence boundary: <see cref="AbbreviationKind.Prefix"/>, <see cref="AbbreviationKind.End"/>,
    /// or <see cref="AbbreviationKind.Other"/> (which includes initialisms and initials); a listed
    /// <see cref="AbbreviationKind.Number"/> word, which is an abbreviation only before a number,
    /// reports <see cref="AbbreviationKind.Prefix"/>; otherwise <see cref="AbbreviationKind.None"/>.
    /// </summary>
    public AbbreviationKind AbbreviationKind =>
        Kind != TokenKind.Abbreviation ? AbbreviationKind.None
        : (_lengthAndKind & PrefixAbbreviationFlag) != 0 ? AbbreviationKind.Prefix
        : (_lengthAndKind & EndAbbreviationFlag) != 0 ? AbbreviationKind.End
        : AbbreviationKind.Other;

    /// <summary>
    /// Whether this word was hyphenated across a line break, as PDF text extraction and
    /// hard-wrapped text leave words: "sanc-", a line break and "tions" are one token, read as
    /// "sanctions" (the hyphen and the white space are left out of its normalized form, see
    /// <see cref="TextDocument.NormalizedText"/>). A hyphen (or a soft hyphen) after a letter, at the
    /// end of a line, before a line that goes on with a lower-case letter joins; docs/tokenization.md
    /// gives the rule in full (the spaces and invisible characters allowed around the break, what
    /// does not join).
    /// </summary>
    public bool SpansLineBreak => Kind == TokenKind.Word && (_lengthAndKind & SpansLineBreakFlag) != 0;

    /// <summary>Whether this is punctuation that can end a sentence (., !, ?, their runs, …, and their full-width and ideographic forms).</summary>
    internal bool IsTerminalPunctuation => Kind == TokenKind.Punctuation && (_lengthAndKind & TerminalFlag) != 0;

    /// <summary>Whether this is a bullet (•, ‣, ⁃, ◦, ▪, ●, ∙).</summary>
    internal bool IsBullet => Kind is TokenKind.Punctuation or TokenKind.Symbol && (_lengthAndKind & BulletFlag) != 0;

    /// <summary>Length, kind and flags in one field: a word of two or more characters with no
    /// line break before it is a value from 2 to <see cref="MaxLength"/>, one comparison.</summary>
    internal uint Packed => _lengthAndKind;

    /// <summary>The token's characters in <paramref name="text"/>, which must be the text it was
    /// produced from, or a text with the same offsets (such as the normalized text).</summary>
    /// <param name="text">The source or normalized text.</param>
    /// <returns>The slice of <paramref name="text"/> the token covers.</returns>
    public ReadOnlySpan<char> GetText(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>
    /// The token's characters as a word is read, for the rules that compare a word with a list
    /// ("cannot", "However"): a word hyphenated across a line break without its hyphen and white
    /// space, and, as word hashes read it (<see cref="CharClass.Respell"/>), without invisible
    /// characters, with ligatures spelled out and combining marks composed. The token's own text
    /// (no allocation) when it has none of these, as almost every token.
    /// </summary>
    /// <param name="text">The source or normalized text.</param>
    internal ReadOnlySpan<char> GetWord(ReadOnlySpan<char> text)
    {
        var word = GetText(text);
        if (!SpansLineBreak && !word.ContainsAny(CharClass.Respelled))
        {
            return word;
        }

        if (SpansLineBreak)
        {
            var whole = new System.Text.StringBuilder(word.Length);
            int at = 0;
            for (int k = TokenEnumerator.NextLineEnd(word, 0, out int resume); k >= 0; k = TokenEnumerator.NextLineEnd(word, resume, out resume))
            {
                whole.Append(word[at..k]);
                at = resume;
            }

            word = whole.Append(word[at..]).ToString();
        }

        return word.ContainsAny(CharClass.Respelled) ? CharClass.Respell(word) : word;
    }

    /// <summary>
    /// The hyphen-separated parts of a compound token ("Sino-U.S." gives "Sino" and "U.S.",
    /// "COVID-19" gives "COVID" and "19"). A token without an inner hyphen, or of nothing but
    /// hyphens ("--"), has one part: itself.
    /// The hyphen of a word hyphenated across a line break (<see cref="SpansLineBreak"/>) does not
    /// separate parts: "sanc-" + line break + "tions" is one part, as written.
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
    private bool _any;

    internal TokenPartEnumerator(ReadOnlySpan<char> token, int offset, TokenKind kind)
    {
        _token = token;
        _offset = offset;
        _kind = kind;
        _next = 0;
        _any = false;
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
            int end = start;
            while (true)
            {
                int rel = _token[end..].IndexOfAny(CharClass.Hyphens);
                end = rel < 0 ? _token.Length : end + rel;

                // The hyphen at the line end of a word hyphenated across a line break is inside a part.
                if (rel >= 0 && _kind == TokenKind.Word && end + 1 < _token.Length && (char.IsWhiteSpace(_token[end + 1]) || CharClass.IsInvisible(_token[end + 1])))
                {
                    end++;
                    continue;
                }

                break;
            }

            _next = end + 1;
            if (end > start)
            {
                Current = new Token(_offset + start, end - start, _kind);
                _any = true;
                return true;
            }
        }

        // A token of nothing but hyphens ("-", "--") has no inner hyphen: one part, itself.
        if (!_any && !_token.IsEmpty)
        {
            Current = new Token(_offset, _token.Length, _kind);
            _any = true;
            return true;
        }

        return false;
    }
}
