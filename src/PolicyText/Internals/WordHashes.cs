using PolicyText.Text;

namespace PolicyText.Internals;

/// <summary>
/// FNV-1a of a word's UTF-16 code units, never 0: the hash of the featurizer's unigrams and
/// bigrams, and the key of the lexicon matcher's lookups. An analysis hashes each token's
/// normalized text once (<see cref="Compute"/>) for both. A word with characters of
/// <see cref="CharClass.Respelled"/> is hashed as <see cref="CharClass.Respell"/> spells it: a soft
/// hyphen left out ("sanc\u00ADtions" hashes as "sanctions"), a ligature spelled out
/// ("\uFB01nancial" as "financial"), combining marks composed ("de\u0301tente" as "détente").
/// </summary>
internal static class WordHashes
{
    /// <summary>The hash of <paramref name="word"/>.</summary>
    public static uint Fnv(ReadOnlySpan<char> word)
    {
        // Rare: invisible characters, ligatures or combining marks, read as CharClass.Respell reads them.
        if (word.ContainsAny(CharClass.Respelled))
        {
            word = CharClass.Respell(word);
        }

        uint h = 2166136261;
        foreach (char ch in word)
        {
            h = (h ^ ch) * 16777619;
        }

        return h == 0 ? 1 : h;
    }

    /// <summary>Writes the hash of each token's text in <paramref name="normalizedText"/> to <paramref name="destination"/>.</summary>
    /// <param name="normalizedText">The normalized text.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="destination">One hash per token.</param>
    /// <param name="mayHoldRespelled">False when the caller knows the text holds none of <see cref="CharClass.Respelled"/> (<see cref="TextDocument.HoldsRespelled"/>).</param>
    public static void Compute(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, Span<uint> destination, bool mayHoldRespelled = true)
    {
        destination = destination[..tokens.Length];
        if (mayHoldRespelled && !tokens.IsEmpty && normalizedText[tokens[0].Start..tokens[^1].End].ContainsAny(CharClass.Respelled))
        {
            // Rare (one vectorized scan says so): hash each token as Fnv does, respelled.
            for (int k = 0; k < tokens.Length; k++)
            {
                destination[k] = Fnv(tokens[k].GetText(normalizedText));
            }

            return;
        }

        // FNV is one multiply after another: two tokens hashed side by side keep the multiplier
        // busy with two independent chains (the same hashes, about twice as fast).
        int i = 0;
        for (; i + 1 < tokens.Length; i += 2)
        {
            var a = tokens[i].GetText(normalizedText);
            var b = tokens[i + 1].GetText(normalizedText);
            uint ha = 2166136261;
            uint hb = 2166136261;
            int common = Math.Min(a.Length, b.Length);
            for (int k = 0; k < common; k++)
            {
                ha = (ha ^ a[k]) * 16777619;
                hb = (hb ^ b[k]) * 16777619;
            }

            for (int k = common; k < a.Length; k++)
            {
                ha = (ha ^ a[k]) * 16777619;
            }

            for (int k = common; k < b.Length; k++)
            {
                hb = (hb ^ b[k]) * 16777619;
            }

            destination[i] = ha == 0 ? 1 : ha;
            destination[i + 1] = hb == 0 ? 1 : hb;
        }

        if (i < tokens.Length)
        {
            destination[i] = Fnv(tokens[i].GetText(normalizedText));
        }
    }
}
