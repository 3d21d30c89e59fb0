using System.Globalization;
using PolicyText.Internals;
using PolicyText.Text;

namespace PolicyText.Features;

/// <summary>
/// A problem with a text itself, which the analysis reads through as written but cannot repair
/// without changing the offsets: the text must be fixed at its source. The codes are those of
/// errors.csv (docs/csv-schema.md).
/// </summary>
/// <param name="Code"><c>mojibake_suspected</c> (UTF-8 that was read as Windows-1252 or Latin-1: <c>donâ€™t</c>), <c>markup_suspected</c> (HTML tags or character references: <c>&lt;p&gt;</c>, <c>&amp;rsquo;</c>), <c>empty_text</c> (no text, or a missing-value mark alone such as <c>NA</c>) or <c>long_sentence</c> (a sentence of more than <see cref="LongSentenceWords"/> words: usually text whose sentence ends were lost or never written).</param>
/// <param name="Count">How many such sequences (for <c>long_sentence</c>, sentences) the text holds.</param>
/// <param name="Message">What was found, what it does to the analysis, and what to do. For <c>long_sentence</c> it names the longest sentence by its index (from 0, the <c>sentence_index</c> of sentences.csv and the position in <see cref="DocumentAnalysis.Sentences"/>) and its start and end in code points, as the CSV files count them (<see cref="TextDocument.ToCodePointOffset"/>; <see cref="Sentence.Start"/> counts UTF-16 units).</param>
public sealed record InputWarning(string Code, int Count, string Message)
{
    /// <summary>
    /// Words (tokens that are words, numbers, abbreviations, URLs or e-mail addresses, as
    /// <see cref="TextStatistics.Words"/> counts them) in a sentence above which it is flagged
    /// <c>long_sentence</c>. The longest sentence PolicyText's segmenter finds in the bundled
    /// corpus has 89 words (a list run together with semicolons; the gold corpus's longest has
    /// 77); a sentence of hundreds is usually text without its sentence ends (a transcript, text
    /// pasted without its periods, lines of keywords), which the segmenter cannot split.
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

    /// <summary>The text without the white space and invisible characters at its ends (a byte order mark, zero-width spaces and joiners), which a text can hold alone.</summary>
    private static ReadOnlySpan<char> Visible(string text) => text.AsSpan().Trim().Trim("\uFEFF\u200B\u200C\u200D\u2060").Trim();

    /// <summary>Whether a text's whole visible text is a missing-value mark: <c>NA</c> as R writes a missing string, <c>NaN</c>, <c>nan</c>, <c>NULL</c>, <c>null</c>, <c>None</c> or <c>N/A</c>, which no document consists of.</summary>
    private static bool IsMissingMark(ReadOnlySpan<char> visible) => visible is "NA" or "NaN" or "nan" or "NULL" or "null" or "None" or "N/A";

    private static IReadOnlyList<InputWarning> Of(string text, TextDocument? document)
    {
        var visible = Visible(text);
        if (IsMissingMark(visible))
        {
            return [new InputWarning("empty_text", 1, $"The document's whole text is '{visible}', a mark of a missing value (as R writes NA and pandas or a database NaN or NULL), read here as a text of its own. Give the text, or leave the document out; the document was analysed as it is.")];
        }

        if (visible.IsEmpty || document is { Sentences.Length: 0 })
        {
            return [new InputWarning("empty_text", 1, "The document has no text to read (it is empty, white space or invisible characters, or holds only lines that are skipped, such as a front matter): its rows count no sentences. A text that failed to download or convert, or a missing value in a table, is the usual cause; the document was analysed as it is.")];
        }

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
            var (index, words, start, end) = longest;
            warnings.Add(new InputWarning("long_sentence", longSentences, string.Create(CultureInfo.InvariantCulture,
                $"The text holds {(longSentences == 1 ? "a sentence" : $"{longSentences} sentences")} of more than {LongSentenceWords} words ({(longSentences == 1 ? "it is" : "the longest is")} the sentence with sentence_index {index} in sentences.csv: {words} words, code points {start} to {end}). So long a sentence is usually text whose sentence ends were lost or never written (a transcript, text pasted without its periods, lines of keywords), which the segmenter cannot split: it is read, labelled and counted as one sentence, and the document's labels, sentence counts and readability rest on that. If the sentence ends are missing, restore them, or split the text where its sentences end, first. The document was analysed as it is.")));
        }

        return warnings;
    }

    /// <summary>How many sentences have more than <see cref="LongSentenceWords"/> words, and the longest one's index, words and code point offsets (the first of the longest).</summary>
    private static (int Count, (int Index, int Words, int Start, int End) Longest) LongSentences(TextDocument document)
    {
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        int count = 0;
        int most = 0;
        int longest = -1;
        for (int i = 0; i < sentences.Length; i++)
        {
            var sentence = sentences[i];
            if (sentence.TokenCount <= LongSentenceWords)
            {
                continue;
            }

            int words = 0;
            foreach (var t in tokens.Slice(sentence.FirstToken, sentence.TokenCount))
            {
                words += TextStatistics.IsWord(t.Kind) ? 1 : 0;
            }

            if (words > LongSentenceWords)
            {
                count++;
                if (words > most)
                {
                    most = words;
                    longest = i;
                }
            }
        }

        if (count == 0)
        {
            return (0, default);
        }

        var s = sentences[longest];
        return (count, (longest, most, document.ToCodePointOffset(s.Start), document.ToCodePointOffset(s.End)));
    }
}
