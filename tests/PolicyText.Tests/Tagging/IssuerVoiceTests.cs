using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Tagging;

/// <summary>
/// In a press release the issuing organisation is the author (docs/codebook.md, rule 1): what it
/// and its own people say in the third person is not reported speech. Elsewhere, the same words
/// are a report.
/// </summary>
public class IssuerVoiceTests
{
    private const string Body =
        "(Geneva, March 4, 2026) – Governments should keep food aid apart from the nuclear talks, Rights Watchers International (RWI) said today. " +
        "The group said that delays punish children.\n\n" +
        "“Tying a child's vaccine to a missile deal does nothing for human rights,” said Ana Lopez, Asia director at Rights Watchers International. " +
        "“Aid must never be a bargaining chip,” Lopez said. " +
        "RWI also said the exemptions should take days. " +
        "The foreign ministry said aid would resume only after the talks. " +
        "The ministry's reply to Rights Watchers International said aid would resume. " +
        "According to the organisation, the shipments have waited seven months.";

    private const string Release = "FOR IMMEDIATE RELEASE\n\nKeep food aid out of the talks\n\n" + Body + "\n\nMedia contact: press@example.org";

    private static int[] Attributions(string text)
    {
        var document = TextDocument.Parse(text);
        return [.. new CueExtractor(LexiconSet.Default).ExtractAll(document).Select(c => c.Attribution)];
    }

    private static int AttributionsOf(string text, string sentenceStart)
    {
        var document = TextDocument.Parse(text);
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        int index = Array.FindIndex(document.Sentences.ToArray(), s => text[s.Start..].StartsWith(sentenceStart, StringComparison.Ordinal));
        Assert.True(index >= 0, sentenceStart);
        // The public one-sentence extraction reads the same voice as the whole document's.
        Assert.Equal(cues[index].Attribution, new CueExtractor(LexiconSet.Default).Extract(document, document.Sentences[index]).Attribution);
        return cues[index].Attribution;
    }

    /// <summary>The openings of the sentences in which the issuer or its people speak.</summary>
    public static TheoryData<string> IssuerSentences => new() { "(Geneva", "The group said", "“Tying", "“Aid must", "RWI also said", "According to the organisation" };

    [Theory]
    [MemberData(nameof(IssuerSentences))]
    public void In_a_release_the_issuer_and_its_people_speak_as_the_author(string sentence) =>
        Assert.Equal(0, AttributionsOf(Release, sentence));

    [Theory]
    [InlineData("The foreign ministry said")]
    [InlineData("The ministry's reply")]
    public void In_a_release_others_are_still_reported(string sentence) =>
        Assert.True(AttributionsOf(Release, sentence) > 0);

    [Theory]
    [MemberData(nameof(IssuerSentences))]
    public void Without_a_release_mark_the_same_words_are_a_report(string sentence) =>
        Assert.True(AttributionsOf(Body, sentence) > 0);

    [Fact]
    public void Without_a_name_that_said_today_nothing_changes()
    {
        var text = Release.Replace("said today", "said on Tuesday", StringComparison.Ordinal);
        Assert.Equal(Attributions(Body.Replace("said today", "said on Tuesday", StringComparison.Ordinal)).Sum(), Attributions(text).Sum());
        Assert.True(Attributions(text).Sum() >= 7);
    }

    [Fact]
    public void The_issuer_is_the_name_that_said_today_with_its_abbreviation_and_people()
    {
        var document = TextDocument.Parse(Release);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Subset(
            new HashSet<string>(voice.Names),
            new HashSet<string> { "rights watchers international", "watchers international", "rwi", "the group", "the organisation", "ana lopez", "lopez" });
        // A pronoun or a sentence with no capitalised name before "said today" names no issuer.
        foreach (var text in (string[])["Press release\n\nAid must flow, it said today.", "Press release\n\nIt said today that aid must flow."])
        {
            var pronoun = TextDocument.Parse(text);
            Assert.Null(IssuerVoice.Find(pronoun, pronoun.NormalizedSpan()));
        }
    }

    [Theory]
    [InlineData("FOR IMMEDIATE RELEASE\n\n")]
    [InlineData("Press release\n\n")]
    [InlineData("", "\n\nNotes to editors: the report is attached.")]
    [InlineData("", "\n\n###")]
    [InlineData("", "\n\n-ENDS-")]
    public void A_release_is_known_by_a_mark_on_a_line_of_its_own(string before, string after = "")
    {
        var document = TextDocument.Parse(before + Body + after);
        Assert.NotNull(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    // The mark inside a sentence is not a release's mark.
    [InlineData("The ministry issued a press release on Monday.\n\n")]
    [InlineData("News release\u00A0of the week: nothing new.\n\n")]
    public void A_mark_inside_a_sentence_is_not_a_release(string before)
    {
        var document = TextDocument.Parse(before + Body);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Fact]
    public void A_staff_quotation_in_a_release_is_the_author_s_not_made_neutral_as_a_quotation()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        SentenceAnalysis Quote(string text)
        {
            var analysis = analyzer.Analyze(text);
            return analysis.Sentences.Single(s => text[s.Start..s.End].StartsWith("“Aid must", StringComparison.Ordinal));
        }

        var release = Quote(Release);
        Assert.DoesNotContain(release.Evidence, e => e.Cue == CueType.Rule);
        Assert.Equal(LinkageStance.AntiLinkage, release.Linkage);
        // In a news report, the same quotation is reported speech.
        var news = Quote(Body);
        Assert.Equal(LinkageStance.Neutral, news.Linkage);
    }
}
