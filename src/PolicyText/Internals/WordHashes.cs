using PolicyText.Text;

namespace PolicyText.Internals;

/// <summary>
/// FNV-1a of a word's UTF-16 code units, never 0: the hash of the featurizer's unigrams and
/// bigrams, and the key of the lexicon matcher's lookups. An analysis hashes each token's
/// normalized text once (<see cref="Compute"/>) for both.
/// </summary>
internal static class WordHashes
{
    /// <summary>The hash of <paramref name="word"/>.</summary>
    public static uint Fnv(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char ch in word)
        {
            h = (h ^ ch) * 16777619;
        }

        return h == 0 ? 1 : h;
    }

    /// <summary>Writes the hash of each token's text in <paramref name="normalizedText"/> to <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, Span<uint> destination)
    {
        destination = destination[..tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            destination[i] = Fnv(tokens[i].GetText(normalizedText));
        }
    }
}
