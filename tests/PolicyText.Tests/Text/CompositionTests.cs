using PolicyText.Internals;

namespace PolicyText.Tests.Text;

/// <summary>Combining marks are composed with their letter by PolicyText's own table, the same on every host.</summary>
public class CompositionTests
{
    [Theory]
    [InlineData("de\u0301tente", "d\u00E9tente")]
    [InlineData("nai\u0308ve", "na\u00EFve")]
    [InlineData("c\u0327a", "\u00E7a")]
    [InlineData("nguye\u0302\u0303n", "nguy\u1EC5n")]
    [InlineData("vie\u0323\u0302t", "vi\u1EC7t")]
    [InlineData("\u0438\u0306", "\u0439")]
    [InlineData("\u03B1\u0301", "\u03AC")]
    [InlineData("\u0292\u030C", "\u01EF")]
    // A mark with no composition stays; so does a mark at the start of a word.
    [InlineData("q\u0301", "q\u0301")]
    [InlineData("\u0301a", "\u0301a")]
    // Invisible characters are left out and ligatures spelled out on the way.
    [InlineData("sanc\u00ADtions \uFB01", "sanctions fi")]
    public void Respelling_composes_marks_with_their_letter(string word, string expected) =>
        Assert.Equal(expected, CharClass.Respell(word));

    [Fact]
    public void Every_composition_in_the_table_is_a_letter_made_of_a_letter_and_a_mark()
    {
        var triples = Composition.Triples;
        Assert.Equal(0, triples.Length % 3);
        Assert.True(triples.Length / 3 > 1000);
        for (int k = 0; k < triples.Length; k += 3)
        {
            Assert.True(char.IsLetter(triples[k]), $"{k}");
            Assert.InRange(triples[k + 1], '\u0300', '\u036F');
            Assert.True(char.IsLetter(triples[k + 2]), $"{k}");
        }
    }

    [Fact]
    public void A_decomposed_word_hashes_as_the_composed_word() =>
        Assert.Equal(WordHashes.Fnv("d\u00E9tente"), WordHashes.Fnv("de\u0301tente"));
}
