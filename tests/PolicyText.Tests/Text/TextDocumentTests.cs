using PolicyText.Text;

namespace PolicyText.Tests.Text;

public class TextDocumentTests
{
    [Fact]
    public void Given_sentence_spans_keep_their_tokens_and_order()
    {
        const string text = "Aid came. Then talks.  Nothing else";
        var doc = TextDocument.WithSentences(text, [(0, 9), (10, 21), (23, 35)]);
        Assert.Equal(3, doc.Sentences.Length);
        Assert.Equal("Aid came.", doc.Sentences[0].GetText(text).ToString());
        Assert.Equal("Then talks.", doc.Sentences[1].GetText(text).ToString());
        Assert.Equal("Nothing else", doc.Sentences[2].GetText(text).ToString());
        Assert.Equal(doc.Tokens.Length, doc.Sentences.ToArray().Sum(s => s.TokenCount));
    }

    [Fact]
    public void A_span_without_a_token_start_is_an_empty_sentence_so_indexes_stay_aligned()
    {
        const string text = "self-reliance matters";
        var doc = TextDocument.WithSentences(text, [(0, 5), (5, 13), (14, 21)]);
        Assert.Equal(3, doc.Sentences.Length);
        Assert.Equal(1, doc.Sentences[0].TokenCount);
        Assert.Equal(0, doc.Sentences[1].TokenCount);
        Assert.Equal("matters", doc.Sentences[2].GetText(text).ToString());
    }

    [Fact]
    public void Code_point_offsets_count_a_surrogate_pair_once()
    {
        var doc = TextDocument.Parse("👍 ok");
        Assert.Equal(0, doc.ToCodePointOffset(0));
        Assert.Equal(1, doc.ToCodePointOffset(2));
        Assert.Equal(4, doc.ToCodePointOffset(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.ToCodePointOffset(6));
    }
}
