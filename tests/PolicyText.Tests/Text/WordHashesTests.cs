using System.Runtime.Intrinsics.X86;
using CsCheck;
using PolicyText.Internals;
using PolicyText.Text;

namespace PolicyText.Tests.Text;

/// <summary>
/// The word hashes that the lexicon matcher and the featurizer read: <see cref="WordHashes.Compute"/>
/// hashes a document's tokens in bulk (eight at a time in vector lanes where the processor has
/// AVX2) and must give, token by token, what <see cref="WordHashes.Fnv"/> gives for the token's text.
/// </summary>
public class WordHashesTests
{
    private static readonly string[] Words =
    [
        "a", "of", "the", "food", "rights", "sanctions", "denuclearization", "humanitarianism", "co-operation",
        "internationally-recognised", "don't", "1,300", "북한", "e\u0301", "👍", "", "x", "\u00E9t\u00E9",
        "cdhf\u34A8", // whose FNV-1a is 0, which the hashes give as 1
    ];

    // Words from the list and random ones of 0 to 40 characters (past one and two vectors of eight).
    private static readonly Gen<string> Word =
        Gen.OneOf(Gen.OneOf(Words.Select(Gen.Const).ToArray()), Gen.Char['a', 'z'].Array[0, 40].Select(c => new string(c)), Gen.Char.Array[1, 12].Select(c => new string(c)));

    private static readonly Gen<string> Separator = Gen.OneOf(Gen.Const(" "), Gen.Const(", "), Gen.Const(".\n"), Gen.Const("  ("), Gen.Const(""));

    private static readonly Gen<string> Texts =
        Gen.Select(Word, Separator, (w, s) => w + s).Array[0, 80].Select(string.Concat);

    [Fact]
    public void Bulk_hashes_of_tokenized_text_are_each_tokens_fnv() =>
        Texts.Sample(text =>
        {
            var document = TextDocument.Parse(text);
            var normalized = document.NormalizedSpan();
            var hashes = new uint[document.Tokens.Length + 3];
            WordHashes.Compute(normalized, document.Tokens, hashes);
            for (int k = 0; k < document.Tokens.Length; k++)
            {
                Assert.Equal(WordHashes.Fnv(document.Tokens[k].GetText(normalized)), hashes[k]);
            }

            Assert.Equal([0u, 0u, 0u], hashes[^3..]);
        });

    // Tokens anywhere in the text (in text order, as a document's are), overlapping, empty, or
    // running to its very end: the bulk hashes may not lean on the tokenizer's layout.
    // Letters, and any UTF-16 code unit from U+8000 up (whose top bit a widening with the sign
    // would spread), except those the normalizer rewrites.
    private static readonly Gen<char> AnyChar =
        Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['\u8000', '\uFFFF'].Where(c => !CharClass.Respelled.Contains(c)));

    private static readonly Gen<(string Text, Token[] Tokens)> AnyTokens =
        AnyChar.Array[0, 70].Select(c => new string(c)).SelectMany(text =>
            Gen.Int[0, text.Length].SelectMany(start => Gen.Int[0, text.Length - start].Select(length => Token.Create(start, length, TokenKind.Word)))
                .Array[0, 40]
                .Select(tokens => (text, tokens.OrderBy(t => t.Start).ToArray())));

    [Fact]
    public void Bulk_hashes_of_any_tokens_in_the_text_are_each_tokens_fnv() =>
        AnyTokens.Sample(x =>
        {
            var hashes = new uint[x.Tokens.Length];
            WordHashes.Compute(x.Text, x.Tokens, hashes);
            for (int k = 0; k < x.Tokens.Length; k++)
            {
                Assert.Equal(WordHashes.Fnv(x.Tokens[k].GetText(x.Text)), hashes[k]);
            }
        });

    [Fact]
    public void A_word_whose_fnv_is_zero_hashes_to_one_in_bulk_too()
    {
        // 0 marks "no hash" where hashes are kept (the lexicon matcher's tables), so a word whose
        // FNV-1a is 0 is given 1. Nine of them: eight through the vector lanes, one after.
        const string Word = "cdhf\u34A8";
        Assert.Equal(1u, WordHashes.Fnv(Word));
        var document = TextDocument.Parse(string.Join(' ', Enumerable.Repeat(Word, 9)));
        Assert.Equal(9, document.Tokens.Length);
        var hashes = new uint[9];
        WordHashes.Compute(document.NormalizedSpan(), document.Tokens, hashes);
        Assert.All(hashes, h => Assert.Equal(1u, h));
    }

    [Fact]
    public void Eight_tokens_at_a_time_are_hashed_in_vector_lanes_where_the_processor_has_avx2()
    {
        // The vector path is the one the analysis takes on such a processor: if it stopped
        // hashing (a wrong bounds test), the tests above would still pass on the scalar path.
        var document = TextDocument.Parse("Humanitarian cooperation on food, water and health is the practical way forward, and sanctions relief is not.");
        var hashes = new uint[document.Tokens.Length];
        Assert.Equal(20, hashes.Length);
        if (Avx2.IsSupported)
        {
            int hashed = WordHashes.ComputeEight(document.NormalizedSpan(), document.Tokens, hashes);
            Assert.Equal(16, hashed);
            for (int k = 0; k < hashed; k++)
            {
                Assert.Equal(WordHashes.Fnv(document.Tokens[k].GetText(document.NormalizedSpan())), hashes[k]);
            }
        }
    }
}
