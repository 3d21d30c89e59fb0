using System.Numerics;
using System.Runtime.CompilerServices;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// A text with its normalized form, its tokens and its sentences. The document owns the text
/// and the arrays; <see cref="Token"/> and <see cref="Sentence"/> are views into them.
/// Immutable and thread-safe once created.
/// </summary>
public sealed class TextDocument
{
    private readonly Token[] _tokens;
    private readonly Sentence[] _sentences;
    // Made when first asked for. Two threads may both make it: they store equal arrays, and
    // either is right (so a document needs no lock object of its own).
    private int[]? _codePointPrefix;
    private bool _codePointsChecked;

    // Parse's reusable token list, one per thread (documents are parsed on several at once),
    // given up after a very long document so that a thread does not keep a huge buffer.
    private const int MaxScratchTokens = 1 << 20;
    [ThreadStatic]
    private static List<Token>? t_tokens;

    // The normalized text is made when first asked for: an analysis normalizes into a per-thread
    // buffer instead (NormalizedSpan), so most documents never allocate a second copy of their text.
    // Two threads may both normalize: they store equal strings, and either is right.
    private string? _normalized;

    // Whether the text holds a soft hyphen, a joiner or a ligature (CharClass.Respelled): -1 not known yet,
    // else 0 or 1, found by NormalizedSpan on the way or by a scan. Two threads may both set it, to
    // the same value.
    private int _respelled = -1;

    // NormalizedSpan's per-thread buffer, given up after a very long document.
    private const int MaxScratchChars = 1 << 22;
    [ThreadStatic]
    private static char[]? t_normalized;

    // Whether a word spans a line break (Token.SpansLineBreak): its hyphen and white space are
    // left out of the normalized text's reading.
    private readonly bool _spansLineBreak;

    private TextDocument(string text, Token[] tokens, Sentence[] sentences, bool spansLineBreak, IReadOnlyList<(int Start, int End)>? pageFurniture, string layout)
    {
        Text = text;
        LayoutText = layout;
        _tokens = tokens;
        _sentences = sentences;
        _spansLineBreak = spansLineBreak;
        PageFurniture = pageFurniture ?? [];
    }

    /// <summary>The source text, unchanged.</summary>
    public string Text { get; }

    /// <summary>
    /// The text as the tokenizer and the segmenter read it: <see cref="Text"/> itself but in text
    /// with page breaks, where the page furniture is blanked out and a page break within a
    /// sentence is one line break (<see cref="PageLayout"/>), and in text with a web page's
    /// furniture, blanked out too (<see cref="WebFurniture"/>). Same length and offsets; what
    /// reads the white space between tokens (paragraphs) reads this.
    /// </summary>
    internal string LayoutText { get; }

    /// <summary>
    /// The normalized text (see <see cref="TextNormalizer"/>), with the same offsets as <see cref="Text"/>.
    /// In a word hyphenated across a line break (<see cref="Token.SpansLineBreak"/>) the hyphen and
    /// the white space are soft hyphens (U+00AD), which word hashes and the lexicon matcher leave out,
    /// so "sanc-", a line break and "tions" read as "sanctions".
    /// </summary>
    public string NormalizedText => _normalized ??= Normalized();

    private string Normalized() => string.Create(Text.Length, this, static (destination, document) =>
    {
        TextNormalizer.Normalize(document.Text, destination);
        if (document._spansLineBreak)
        {
            document.JoinLines(destination);
        }
    });

    /// <summary>In each word that spans a line break, the hyphen before the break and the white space after it made soft hyphens.</summary>
    private void JoinLines(Span<char> normalized)
    {
        var text = Text.AsSpan();
        foreach (var t in _tokens)
        {
            if (!t.SpansLineBreak)
            {
                continue;
            }

            var word = t.GetText(text);
            for (int k = TokenEnumerator.NextLineEnd(word, 0, out int resume); k >= 0; k = TokenEnumerator.NextLineEnd(word, resume, out resume))
            {
                normalized.Slice(t.Start + k, resume - k).Fill('\u00AD');
            }
        }
    }

    /// <summary>
    /// The normalized text without allocating it: <see cref="NormalizedText"/> when it is already
    /// made, else the text normalized into a per-thread buffer. Valid until the same thread asks
    /// again, so one analysis uses it and lets it go.
    /// </summary>
    internal ReadOnlySpan<char> NormalizedSpan()
    {
        if (_normalized is not null)
        {
            return _normalized;
        }

        var buffer = t_normalized;
        if (buffer is null || buffer.Length < Text.Length)
        {
            bool keep = Text.Length <= MaxScratchChars;
            buffer = new char[keep ? Math.Max(4096, (int)BitOperations.RoundUpToPowerOf2((uint)Text.Length)) : Text.Length];
            t_normalized = keep ? buffer : null;
        }

        var span = buffer.AsSpan(0, Text.Length);
        _respelled = TextNormalizer.NormalizeText(Text, span) ? 1 : 0;
        if (_spansLineBreak)
        {
            JoinLines(span);
        }

        return span;
    }

    /// <summary>Whether the text holds one of <see cref="CharClass.Respelled"/> (a soft hyphen inside a word, a ligature) or a word that spans a line break (whose normalized form holds soft hyphens), which word hashes and the lexicon matcher leave out or spell out (normalization does not change them, so the source text tells).</summary>
    internal bool HoldsRespelled
    {
        get
        {
            if (_respelled < 0)
            {
                _respelled = Text.AsSpan().ContainsAny(CharClass.Respelled) ? 1 : 0;
            }

            return _respelled == 1 || _spansLineBreak;
        }
    }

    /// <summary>The tokens, in text order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>
    /// The furniture of the page, as UTF-16 (start, end) spans in text order: the page numbers,
    /// running heads and running footers of text extracted from a PDF with form feeds between
    /// its pages (pdftotext's output), and the lines of a web page's furniture that a scraped
    /// article keeps ("Advertisement", "Share this article", "Related: …"). They are in no
    /// token, so no sentence reads them (a sentence that runs on over a page break holds a
    /// PDF's furniture in its span, not in its tokens). Empty for a text without either. The
    /// rules are in docs/segmentation.md (*Page breaks*, *Web page furniture*).
    /// </summary>
    public IReadOnlyList<(int Start, int End)> PageFurniture { get; }

    /// <summary>The sentences, in text order.</summary>
    public ReadOnlySpan<Sentence> Sentences => _sentences;

    /// <summary>Tokenizes and segments <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokenizer">The tokenizer, or <see langword="null"/> for <see cref="Tokenizer.Default"/>.</param>
    /// <param name="segmenter">The segmenter, or <see langword="null"/> for <see cref="SentenceSegmenter.Default"/>.</param>
    /// <returns>The document.</returns>
    public static TextDocument Parse(string text, Tokenizer? tokenizer = null, SentenceSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Text from a PDF with its page breaks (form feeds): the tokenizer and the segmenter read
        // it with its page numbers, running heads and footers blanked out (PageLayout).
        var (layout, furniture, _) = Layout(text);

        // The tokenizer writes into a list grown ahead of need; a per-thread one is reused, so
        // only the exact-size copy is allocated per document.
        var scratch = t_tokens ??= [];
        scratch.Clear();
        (tokenizer ?? Tokenizer.Default).Tokenize(layout.AsSpan(), scratch, out bool spansLineBreak);
        var tokens = scratch.ToArray();
        if (scratch.Capacity > MaxScratchTokens)
        {
            t_tokens = null;
        }

        var sentences = (segmenter ?? SentenceSegmenter.Default).SegmentTokenized(layout, tokens);
        return new TextDocument(text, tokens, sentences, spansLineBreak, furniture, layout);
    }

    /// <summary>
    /// The text the tokenizer reads and the furniture blanked out of it: a PDF's page furniture
    /// (<see cref="PageLayout.Layout"/>) and a web page's (<see cref="WebFurniture"/>), in text
    /// order (the text itself when there is none), and the web page's alone.
    /// </summary>
    internal static (string Layout, IReadOnlyList<(int Start, int End)>? Furniture, IReadOnlyList<(int Start, int End)>? Web) Layout(string text)
    {
        var layout = PageLayout.Layout(text, out var pages) ?? text;
        var web = WebFurniture.Find(layout, pages is null ? default : text.AsSpan());
        if (web is null)
        {
            return (layout, pages, null);
        }

        var (blanked, furniture) = WithWebFurniture(layout, pages, web);
        return (blanked, furniture, web.AsReadOnly());
    }

    /// <summary><paramref name="layout"/> with the web furniture blanked out, and all the furniture in text order (rare: a method of its own keeps <see cref="Layout"/> small).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string Layout, IReadOnlyList<(int Start, int End)> Furniture) WithWebFurniture(string layout, IReadOnlyList<(int Start, int End)>? pages, List<(int Start, int End)> web)
    {
        var blanked = layout.ToCharArray();
        PageLayout.Blank(blanked, web);

        var furniture = new List<(int Start, int End)>(web);
        if (pages is not null)
        {
            furniture.AddRange(pages);
            furniture.Sort();
        }

        return (new string(blanked), furniture.AsReadOnly());
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> but takes the sentences as given (for pre-segmented data
    /// such as a gold corpus): one sentence per span, holding the tokens that start inside it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="sentenceSpans">UTF-16 (start, end) spans, in order, not overlapping.</param>
    /// <param name="tokenizer">The tokenizer, or <see langword="null"/> for <see cref="Tokenizer.Default"/>.</param>
    /// <returns>The document; <see cref="Sentences"/> has one entry per span (a span with no token start in it has no tokens).</returns>
    /// <exception cref="ArgumentException">A span is outside the text, reversed, or not after the span before it.</exception>
    public static TextDocument WithSentences(string text, IReadOnlyList<(int Start, int End)> sentenceSpans, Tokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentenceSpans);
        int previousEnd = 0;
        for (int s = 0; s < sentenceSpans.Count; s++)
        {
            var (start, end) = sentenceSpans[s];
            if (start < previousEnd || end < start || end > text.Length)
            {
                throw new ArgumentException($"Sentence span {s} [{start}, {end}) is out of the text (length {text.Length}), reversed, or starts before the span before it ends ({previousEnd}): the spans must be in order and not overlap.", nameof(sentenceSpans));
            }

            previousEnd = end;
        }

        var (layout, furniture, _) = Layout(text);
        var tokens = (tokenizer ?? Tokenizer.Default).Tokenize(layout.AsSpan());
        var sentences = new Sentence[sentenceSpans.Count];
        int k = 0;
        for (int s = 0; s < sentenceSpans.Count; s++)
        {
            var (start, end) = sentenceSpans[s];
            while (k < tokens.Length && tokens[k].Start < start)
            {
                k++;
            }

            int first = k;
            while (k < tokens.Length && tokens[k].Start < end)
            {
                k++;
            }

            sentences[s] = k > first
                ? new Sentence(tokens[first].Start, tokens[k - 1].End - tokens[first].Start, first, k - first)
                : new Sentence(start, 0, first, 0);
        }

        return new TextDocument(text, tokens, sentences, AnySpansLineBreak(tokens), furniture, layout);
    }

    private static bool AnySpansLineBreak(ReadOnlySpan<Token> tokens)
    {
        foreach (var t in tokens)
        {
            if (t.SpansLineBreak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The normalized form of <paramref name="token"/>, a slice of <see cref="NormalizedText"/>.</summary>
    /// <param name="token">A token of this document.</param>
    /// <returns>Its normalized characters.</returns>
    public ReadOnlySpan<char> GetNormalized(Token token) => token.GetText(NormalizedText);

    /// <summary>
    /// Converts a UTF-16 offset into this text to a Unicode code point offset, the unit of the
    /// CSV files (so that Python's <c>text[start:end]</c> and R's <c>substring()</c> agree).
    /// </summary>
    /// <param name="utf16Offset">An offset from 0 to the text's length.</param>
    /// <returns>The number of code points before <paramref name="utf16Offset"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is outside the text.</exception>
    public int ToCodePointOffset(int utf16Offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Offset, Text.Length);
        var prefix = CodePointPrefix();
        return prefix is null ? utf16Offset : prefix[utf16Offset];
    }

    /// <summary>Null when the text has no surrogate pairs (offsets are then the same in both units).</summary>
    private int[]? CodePointPrefix()
    {
        if (Volatile.Read(ref _codePointsChecked))
        {
            return _codePointPrefix;
        }

        var prefix = BuildPrefix(Text);
        _codePointPrefix = prefix;
        Volatile.Write(ref _codePointsChecked, true);
        return prefix;
    }

    private static int[]? BuildPrefix(string text) => CodePoints.HasSurrogates(text) ? CodePoints.Utf16ToCodePoint(text) : null;
}
