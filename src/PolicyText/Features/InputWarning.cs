using System.Globalization;
using PolicyText.Internals;
using PolicyText.Text;

namespace PolicyText.Features;

/// <summary>
/// A problem with a text itself, which the analysis reads through as written but cannot repair
/// without changing the offsets: the text must be fixed at its source. The codes are those of
/// errors.csv (docs/csv-schema.md).
/// </summary>
/// <param name="Code"><c>mojibake_suspected</c> (UTF-8 that was read as Windows-1252 or Latin-1: <c>donâ€™t</c>), <c>markup_suspected</c> (HTML tags or character references: <c>&lt;p&gt;</c>, <c>&amp;rsquo;</c>) or <c>long_sentence</c> (a sentence of more than <see cref="LongSentenceWords"/> words: text whose sentence ends were lost or never written).</param>
/// <param name="Count">How many such sequences (for <c>long_sentence</c>, sentences) the text holds.</param>
/// <param name="Message">What was found, what it does to the analysis, and what to do.</param>
public sealed record InputWarning(string Code, int Count, string Message)
{
    /// <summary>
    /// Words (tokens that are words, numbers, abbreviations, URLs or e-mail addresses, as
    /// <see cref="TextStatistics.Words"/> counts them) in a sentence above which it is flagged
    /// <c>long_sentence</c>. The corpus's longest sentence has 53 words; a sentence of hundreds
    /// is almost always text without its sentence ends (a transcript, text pasted without its
    /// periods, a list of keywords), which the segmenter cannot split.
    /// </summary>
    public const int LongSentenceWords = 250;

    /// <summary>The warnings for a text: none for a clean one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The warnings, mojibake first.</returns>
    public static IReadOnlyList<InputWarning> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of(text, null);
    }

    /// <summary>The warnings for a text and its sentences: those of <see cref="Of(string)"/>, then <c>long_sentence</c> when a sentence has more than <see cref="LongSentenceWords"/> words.</summary>
    /// <param name="document">The text's tokens and sentences.</param>
    /// <returns>The warnings, mojibake first.</returns>
    public static IReadOnlyList<InputWarning> Of(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.Text, document);
    }

    private static IReadOnlyList<InputWarning> Of(string text, TextDocument? document)
    {
        int mojibake = Mojibake.Count(text);
        int markup = Markup.Count(text);
        var (longSentences, longest) = document is null ? (0, default) : LongSentences(document);
        if (mojibake == 0 && markup == 0 && longSentences == 0)
        {
            return [];
        }

        var warnings = new List<InputWarning>(2);
        if (mojibake > 0)
        {
            warnings.Add(new InputWarning("mojibake_suspected", mojibake, string.Create(CultureInfo.InvariantCulture,
                $"The text looks like UTF-8 that was read as Windows-1252 or Latin-1 before it reached PolicyText ({mojibake} {(mojibake == 1 ? "sequence" : "sequences")} such as 'â€™' for '’' or 'Ã©' for 'é'): apostrophes, quotation marks and accented letters are garbled, which changes tokens, lexicon matches and labels. Re-decode the source as UTF-8. The document was analysed as it is.")));
        }

        if (markup > 0)
        {
            warnings.Add(new InputWarning("markup_suspected", markup, string.Create(CultureInfo.InvariantCulture,
                $"The text holds {markup} HTML {(markup == 1 ? "tag or character reference" : "tags or character references")} (such as '<p>' or '&rsquo;'): PolicyText reads plain text, so they are read as words and punctuation ('don&rsquo;t' loses its negation). Strip the tags and unescape the references first. The document was analysed as it is.")));
        }

        if (longSentences > 0)
        {
            var (words, start, end) = longest;
            warnings.Add(new InputWarning("long_sentence", longSentences, string.Create(CultureInfo.InvariantCulture,
                $"The text holds {(longSentences == 1 ? "a sentence" : $"{longSentences} sentences")} of more than {LongSentenceWords} words ({(longSentences == 1 ? "it has" : "the longest has")} {words}, characters {start} to {end} as sentences.csv counts them): no sentence end was found in {(longSentences == 1 ? "it" : "them")}, as in text whose punctuation was lost or never written (a transcript, text pasted without its periods, lines of keywords). Such a run is read, labelled and counted as one sentence, and the document's labels, sentence counts and readability rest on that. Restore the sentence ends, or split the text where its sentences end, first. The document was analysed as it is.")));
        }

        return warnings;
    }

    /// <summary>How many sentences have more than <see cref="LongSentenceWords"/> words, and the longest one's words and code point offsets.</summary>
    private static (int Count, (int Words, long Start, long End) Longest) LongSentences(TextDocument document)
    {
        var tokens = document.Tokens;
        int count = 0;
        int most = 0;
        Sentence longest = default;
        foreach (var sentence in document.Sentences)
        {
            if (sentence.TokenCount <= LongSentenceWords)
            {
                continue;
            }

            int words = 0;
            foreach (var t in tokens.Slice(sentence.FirstToken, sentence.TokenCount))
            {
                words += t.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation or TokenKind.Url or TokenKind.Email ? 1 : 0;
            }

            if (words > LongSentenceWords)
            {
                count++;
                if (words > most)
                {
                    most = words;
                    longest = sentence;
                }
            }
        }

        if (count == 0)
        {
            return (0, default);
        }

        var text = document.Text;
        if (!CodePoints.HasSurrogates(text))
        {
            return (count, (most, longest.Start, longest.End));
        }

        var map = CodePoints.Utf16ToCodePoint(text);
        return (count, (most, map[longest.Start], map[longest.End]));
    }
}
