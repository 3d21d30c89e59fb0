using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

        uint h = Offset;
        foreach (char ch in word)
        {
            h = (h ^ ch) * Prime;
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

        // Eight tokens at a time in vector lanes where the processor has AVX2 (their first eight
        // characters; the same hashes), then the rest as below.
        int i = Avx2.IsSupported ? ComputeEight(normalizedText, tokens, destination) : 0;

        // FNV is one multiply after another: two tokens hashed side by side keep the multiplier
        // busy with two independent chains (the same hashes, about twice as fast).
        for (; i + 1 < tokens.Length; i += 2)
        {
            var a = tokens[i].GetText(normalizedText);
            var b = tokens[i + 1].GetText(normalizedText);
            uint ha = Offset;
            uint hb = Offset;
            int common = Math.Min(a.Length, b.Length);
            for (int k = 0; k < common; k++)
            {
                ha = (ha ^ a[k]) * Prime;
                hb = (hb ^ b[k]) * Prime;
            }

            for (int k = common; k < a.Length; k++)
            {
                ha = (ha ^ a[k]) * Prime;
            }

            for (int k = common; k < b.Length; k++)
            {
                hb = (hb ^ b[k]) * Prime;
            }

            destination[i] = ha == 0 ? 1 : ha;
            destination[i + 1] = hb == 0 ? 1 : hb;
        }

        if (i < tokens.Length)
        {
            destination[i] = Fnv(tokens[i].GetText(normalizedText));
        }
    }

    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>
    /// FNV-1a of eight tokens at once, one vector lane each, for as many groups of eight as can be
    /// read: each token's first eight characters are read as one vector (so the text must go on
    /// eight characters past every token's start), the eight vectors are transposed so that
    /// vector k holds every token's character k, and each lane takes character k only when its
    /// token is longer than k. A token longer than eight characters goes on from its lane's hash,
    /// one character at a time. Integer arithmetic throughout: the same hashes as <see cref="Fnv"/>,
    /// bit for bit, on any processor.
    /// </summary>
    /// <returns>The number of tokens hashed (a multiple of eight, from the first).</returns>
    internal static int ComputeEight(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<uint> destination)
    {
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int lastStart = text.Length - 8;
        Span<uint> lanes = stackalloc uint[8];
        int i = 0;
        for (; i + 8 <= tokens.Length; i += 8)
        {
            var group = tokens.Slice(i, 8);
            int s0 = group[0].Start, s1 = group[1].Start, s2 = group[2].Start, s3 = group[3].Start;
            int s4 = group[4].Start, s5 = group[5].Start, s6 = group[6].Start, s7 = group[7].Start;
            if ((s0 | s1 | s2 | s3 | s4 | s5 | s6 | s7) < 0 || Math.Max(Math.Max(Math.Max(s0, s1), Math.Max(s2, s3)), Math.Max(Math.Max(s4, s5), Math.Max(s6, s7))) > lastStart)
            {
                break;
            }

            // A token is two ints, its start and its length (with its kind in the top bits): the
            // eight lengths are the odd ints of the group, gathered by one permutation per half.
            ref int fields = ref Unsafe.As<Token, int>(ref MemoryMarshal.GetReference(group));
            var odd = Vector256.Create(1, 3, 5, 7, 1, 3, 5, 7);
            var lengths = Vector256.Create(
                Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref fields), odd).GetLower(),
                Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref fields, 8), odd).GetLower()) & Vector256.Create(Token.MaxLength);

            // Rows: the eight tokens' first eight characters. Three rounds of interleaving
            // (16-, 32- and 64-bit) turn them into columns: character k of every token.
            var a0 = Sse2.UnpackLow(Vector128.LoadUnsafe(ref chars, (nuint)s0), Vector128.LoadUnsafe(ref chars, (nuint)s1));
            var a1 = Sse2.UnpackHigh(Vector128.LoadUnsafe(ref chars, (nuint)s0), Vector128.LoadUnsafe(ref chars, (nuint)s1));
            var a2 = Sse2.UnpackLow(Vector128.LoadUnsafe(ref chars, (nuint)s2), Vector128.LoadUnsafe(ref chars, (nuint)s3));
            var a3 = Sse2.UnpackHigh(Vector128.LoadUnsafe(ref chars, (nuint)s2), Vector128.LoadUnsafe(ref chars, (nuint)s3));
            var a4 = Sse2.UnpackLow(Vector128.LoadUnsafe(ref chars, (nuint)s4), Vector128.LoadUnsafe(ref chars, (nuint)s5));
            var a5 = Sse2.UnpackHigh(Vector128.LoadUnsafe(ref chars, (nuint)s4), Vector128.LoadUnsafe(ref chars, (nuint)s5));
            var a6 = Sse2.UnpackLow(Vector128.LoadUnsafe(ref chars, (nuint)s6), Vector128.LoadUnsafe(ref chars, (nuint)s7));
            var a7 = Sse2.UnpackHigh(Vector128.LoadUnsafe(ref chars, (nuint)s6), Vector128.LoadUnsafe(ref chars, (nuint)s7));
            var b0 = Sse2.UnpackLow(a0.AsUInt32(), a2.AsUInt32());
            var b1 = Sse2.UnpackHigh(a0.AsUInt32(), a2.AsUInt32());
            var b2 = Sse2.UnpackLow(a1.AsUInt32(), a3.AsUInt32());
            var b3 = Sse2.UnpackHigh(a1.AsUInt32(), a3.AsUInt32());
            var b4 = Sse2.UnpackLow(a4.AsUInt32(), a6.AsUInt32());
            var b5 = Sse2.UnpackHigh(a4.AsUInt32(), a6.AsUInt32());
            var b6 = Sse2.UnpackLow(a5.AsUInt32(), a7.AsUInt32());
            var b7 = Sse2.UnpackHigh(a5.AsUInt32(), a7.AsUInt32());

            var h = Vector256.Create(Offset);
            h = Step(h, Sse2.UnpackLow(b0.AsUInt64(), b4.AsUInt64()), lengths, 0);
            h = Step(h, Sse2.UnpackHigh(b0.AsUInt64(), b4.AsUInt64()), lengths, 1);
            h = Step(h, Sse2.UnpackLow(b1.AsUInt64(), b5.AsUInt64()), lengths, 2);
            h = Step(h, Sse2.UnpackHigh(b1.AsUInt64(), b5.AsUInt64()), lengths, 3);
            h = Step(h, Sse2.UnpackLow(b2.AsUInt64(), b6.AsUInt64()), lengths, 4);
            h = Step(h, Sse2.UnpackHigh(b2.AsUInt64(), b6.AsUInt64()), lengths, 5);
            h = Step(h, Sse2.UnpackLow(b3.AsUInt64(), b7.AsUInt64()), lengths, 6);
            h = Step(h, Sse2.UnpackHigh(b3.AsUInt64(), b7.AsUInt64()), lengths, 7);

            var target = destination.Slice(i, 8);
            uint longer = Vector256.GreaterThan(lengths, Vector256.Create(8)).ExtractMostSignificantBits();
            if (longer != 0)
            {
                // Tokens of more than eight characters: the rest of each, one at a time.
                h.CopyTo(lanes);
                for (; longer != 0; longer &= longer - 1)
                {
                    int j = BitOperations.TrailingZeroCount(longer);
                    var word = group[j].GetText(text);
                    uint x = lanes[j];
                    for (int k = 8; k < word.Length; k++)
                    {
                        x = (x ^ word[k]) * Prime;
                    }

                    lanes[j] = x;
                }

                h = Vector256.Create((ReadOnlySpan<uint>)lanes);
            }

            // As Fnv: a hash of 0 is 1.
            Vector256.ConditionalSelect(Vector256.Equals(h, Vector256<uint>.Zero), Vector256<uint>.One, h).CopyTo(target);
        }

        return i;
    }

    /// <summary>One FNV-1a step in every lane whose token is longer than <paramref name="k"/>; the column's characters widened to 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Step(Vector256<uint> h, Vector128<ulong> column, Vector256<int> lengths, int k)
    {
        var next = (h ^ Avx2.ConvertToVector256Int32(column.AsUInt16()).AsUInt32()) * Vector256.Create(Prime);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(lengths, Vector256.Create(k)).AsUInt32(), next, h);
    }
}
