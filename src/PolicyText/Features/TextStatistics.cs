using PolicyText.Text;

namespace PolicyText.Features;

/// <summary>Standard text statistics of a document (docs/csv-schema.md gives the definitions).</summary>
/// <param name="Chars">Length in Unicode code points.</param>
/// <param name="Tokens">Number of tokens.</param>
/// <param name="Words">Number of words: tokens that are words, numbers, abbreviations, URLs or e-mail addresses (not punctuation, symbols or clitics).</param>
/// <param name="Types">Number of distinct words, compared in normalized form.</param>
/// <param name="Sentences">Number of sentences.</param>
/// <param name="Syllables">Estimated syllables of the words (vowel groups, a silent final e dropped, at least one per word).</param>
/// <param name="TypeTokenRatio">Types / Words; NaN without words.</param>
/// <param name="MeanSentenceLength">Words / Sentences; NaN without sentences.</param>
/// <param name="FleschReadingEase">206.835 − 1.015 × words/sentences − 84.6 × syllables/words; NaN without words.</param>
public sealed record TextStatistics(
    int Chars,
    int Tokens,
    int Words,
    int Types,
    int Sentences,
    int Syllables,
    double TypeTokenRatio,
    double MeanSentenceLength,
    double FleschReadingEase)
{
    /// <summary>Computes the statistics of a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The statistics.</returns>
    public static TextStatistics Of(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var norm = document.NormalizedText;
        var types = new HashSet<string>(StringComparer.Ordinal);
        var lookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0;
        int syllables = 0;
        foreach (var t in document.Tokens)
        {
            if (IsWord(t.Kind))
            {
                words++;
                var w = t.GetWord(norm);
                lookup.Add(w);
                syllables += t.Kind == TokenKind.Word ? CountSyllables(w) : 1;
            }
        }

        int sentences = document.Sentences.Length;
        int chars = document.ToCodePointOffset(document.Text.Length);
        double ttr = words == 0 ? double.NaN : types.Count / (double)words;
        double msl = sentences == 0 ? double.NaN : words / (double)sentences;
        double flesch = words == 0 || sentences == 0 ? double.NaN : 206.835 - (1.015 * words / sentences) - (84.6 * syllables / words);
        return new TextStatistics(chars, document.Tokens.Length, words, types.Count, sentences, syllables, ttr, msl, flesch);
    }

    /// <summary>An English syllable estimate: groups of vowels (a, e, i, o, u, y), less a silent final e (not after a consonant and "l": "table" has two), at least one (none for an empty word).</summary>
    /// <param name="word">A normalized (lower-case) word.</param>
    /// <returns>The estimate.</returns>
    public static int CountSyllables(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return 0;
        }

        int count = 0;
        bool previousVowel = false;
        foreach (char c in word)
        {
            bool vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        // A final e is silent ("whole", "file", "stale"), except in a consonant and "le", which is
        // a syllable of its own ("ta-ble", "peo-ple").
        if (word.Length > 2 && word[^1] == 'e' && count > 1 && !(word[^2] == 'l' && word[^3] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y')))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    /// <summary>Whether a token of this kind counts as a word (<see cref="Words"/>): a word, number, abbreviation, URL or e-mail address; not punctuation, a symbol or a clitic.</summary>
    internal static bool IsWord(TokenKind kind) => kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation or TokenKind.Url or TokenKind.Email;
}
