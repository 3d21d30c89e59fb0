using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Tagging;

/// <summary>
/// A text with no sentence-ending punctuation is one sentence, however long (scraped lists,
/// transcripts). The cue rules that look for matches around a position once read every match
/// of the sentence, so such a text took time in proportion to its length squared: 3.3 s for
/// 40,000 repetitions of "Aid must flow", minutes for a few megabytes. They now read only the
/// matches that can reach the position. This is a guard against that complexity coming back,
/// not a speed target: the limit is far above what the linear code takes and far below what
/// the quadratic code took.
/// </summary>
public class LongSentenceTests
{
    [Theory]
    [InlineData("Aid must flow ")]
    [InlineData("Aid must not be tied to rights but we said no ")]
    public async Task A_very_long_sentence_is_analysed_in_time_proportional_to_its_length(string phrase)
    {
        var text = string.Concat(Enumerable.Repeat(phrase, 160_000));
        var document = TextDocument.Parse(text);
        Assert.Single(document.Sentences.ToArray());
        var analysis = Task.Run(() => TextAnalyzer.CreateDefault().Analyze(document));
        var finished = await Task.WhenAny(analysis, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == analysis, "analysing one sentence of 160,000 phrases took more than 30 s");
        Assert.NotEmpty((await analysis).Sentences[0].Evidence);
    }

    [Fact]
    public void Windowed_rules_read_a_long_sentence_as_they_read_its_parts()
    {
        // The negation, the lament and the instrument rules give the same counts per phrase
        // in a sentence of many phrases as in a sentence of one.
        var extractor = new CueExtractor(LexiconSet.Default);
        const string phrase = "Aid should never be held hostage to the talks and relief should not be tied to rights ";
        var one = TextDocument.Parse(phrase);
        var many = TextDocument.Parse(string.Concat(Enumerable.Repeat(phrase, 50)));
        var a = extractor.Extract(one, one.Sentences[0]);
        var b = extractor.Extract(many, many.Sentences[0]);
        Assert.Equal((a.Pro * 50, a.Anti * 50, a.Negated * 50, a.Pressure * 50, a.Engagement * 50), (b.Pro, b.Anti, b.Negated, b.Pressure, b.Engagement));
        Assert.Equal(a.Evidence.Count(e => e.Cue == CueType.Negation) * 50, b.Evidence.Count(e => e.Cue == CueType.Negation));
    }
}
