using System.Runtime.InteropServices;

namespace PolicyText.Text;

/// <summary>
/// One sentence: a view over the text from the start of its first token to the end of its last,
/// and over the token array (<see cref="FirstToken"/>, <see cref="TokenCount"/>).
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct Sentence
{
    /// <summary>Creates a sentence.</summary>
    /// <param name="start">UTF-16 offset of the first character.</param>
    /// <param name="length">Number of UTF-16 code units.</param>
    /// <param name="firstToken">Index of the first token.</param>
    /// <param name="tokenCount">Number of tokens.</param>
    /// <exception cref="ArgumentOutOfRangeException">An offset, a length or a count is negative (as <see cref="Token"/>'s are refused).</exception>
    public Sentence(int start, int length, int firstToken, int tokenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(firstToken);
        ArgumentOutOfRangeException.ThrowIfNegative(tokenCount);
        Start = start;
        Length = length;
        FirstToken = firstToken;
        TokenCount = tokenCount;
    }

    /// <summary>UTF-16 offset of the first character (the start of the first token).</summary>
    public int Start { get; }

    /// <summary>Number of UTF-16 code units, up to the end of the last token.</summary>
    public int Length { get; }

    /// <summary>UTF-16 offset one past the last character (end exclusive).</summary>
    public int End => Start + Length;

    /// <summary>Index of the sentence's first token in the document's token array.</summary>
    public int FirstToken { get; }

    /// <summary>Number of tokens in the sentence; always at least one.</summary>
    public int TokenCount { get; }

    /// <summary>The sentence's characters in <paramref name="text"/>.</summary>
    /// <param name="text">The text the sentence was found in.</param>
    /// <returns>The slice of <paramref name="text"/> the sentence covers.</returns>
    public ReadOnlySpan<char> GetText(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>The sentence's tokens in <paramref name="tokens"/>.</summary>
    /// <param name="tokens">The document's tokens.</param>
    /// <returns>The slice of <paramref name="tokens"/> in this sentence.</returns>
    public ReadOnlySpan<Token> GetTokens(ReadOnlySpan<Token> tokens) => tokens.Slice(FirstToken, TokenCount);
}
