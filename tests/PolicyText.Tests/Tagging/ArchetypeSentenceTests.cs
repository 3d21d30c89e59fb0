using PolicyText.Tagging;

namespace PolicyText.Tests.Tagging;

/// <summary>
/// The shipped default analyzer on single sentences whose labels a careful coder would not
/// hesitate over: the three examples and the rule cases of docs/tagging.md (negation,
/// conditions, attribution, evaluations of linking). A sentence of the corpus is never among
/// them. If retraining flips one, find out why before changing the expectation: the
/// "Connecting ... is a mistake" case failed while evaluation words reversed themselves.
/// </summary>
public class ArchetypeSentenceTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    [Theory]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.", "anti_linkage")]
    [InlineData("Connecting human rights and denuclearization negotiations is a mistake.", "anti_linkage")]
    [InlineData("The State Department announced it will deal with nuclear weapons and human rights together.", "neutral")]
    [InlineData("The envoy said Washington would link relief to human rights.", "neutral")]
    [InlineData("It would be a mistake to drop human rights from the agenda.", "pro_linkage")]
    // What one side fears, under a normative negation, keeps its side (linkage lexicon version 4).
    [InlineData("Human rights should not be sacrificed for a nuclear deal.", "pro_linkage")]
    [InlineData("Human rights must never be traded away for a nuclear deal.", "pro_linkage")]
    [InlineData("A child's breakfast should not be a bargaining chip.", "anti_linkage")]
    [InlineData("Making food aid conditional on reform is wrong.", "anti_linkage")]
    [InlineData("Sanctions relief must be earned through the release of political prisoners.", "pro_linkage")]
    [InlineData("Aid should flow regardless of progress on the nuclear file.", "anti_linkage")]
    [InlineData("Linking aid to human rights has failed for thirty years.", "anti_linkage")]
    // "Tying sanctions relief to human rights has worked before." (pro_linkage) was pinned up to
    // models version 8 (0.49); versions 9 to 12 read it neutral (0.52, 0.64), a close call that has flipped
    // between trainings (docs/evaluation.md, *Plain statements given alone*). Its cues, the
    // tying praised, are checked in CueExtractorTests.
    [InlineData("Exempt food and medicine from sanctions, now.", "anti_linkage")]
    [InlineData("Keep targeted sanctions on the officials responsible for the camps.", "pro_linkage")]
    [InlineData("Do not tie food aid to the nuclear talks.", "anti_linkage")]
    // Questions: open ones are neutral, rhetorical ones carry the stance of their evident answer
    // (codebook rule 6; cues lexicon version 5). The first two are the codebook's examples.
    [InlineData("Why should a child's vaccine wait for a missile deal?", "anti_linkage")]
    [InlineData("Will the envoy raise the detainees' case?", "neutral")]
    [InlineData("Who would seriously argue that the regime deserves relief while it jails protesters?", "pro_linkage")]
    // The text speaking for its authors is not reported speech (cues lexicon version 5).
    [InlineData("This report recommends that sanctions relief be tied to the release of political prisoners.", "pro_linkage")]
    public void The_linkage_stance_is_what_a_careful_coder_reads(string sentence, string stance)
    {
        var result = Assert.Single(Analyzer.Analyze(sentence).Sentences);
        Assert.Equal(stance, result.Linkage.ToCode());
    }

    [Theory]
    [InlineData("Everyone has the right to be free from starvation and to have drinkable water.", "economic_social")]
    [InlineData("Clinics in the north ran out of insulin by March.", "economic_social")]
    [InlineData("The country's human-rights record has not improved.", "general")]
    [InlineData("Uranium enrichment resumed last year.", "none")]
    [InlineData("Reporters who questioned the verdict were taken from their homes before dawn.", "freedom")]
    // A report or a press release is "released" too (the rights lexicon's ignore section).
    [InlineData("The group released a report on Tuesday.", "none")]
    [InlineData("The ministry said in a press release that talks would resume.", "none")]
    [InlineData("FOR IMMEDIATE RELEASE", "none")]
    [InlineData("The envoy demanded the immediate release of the journalist.", "freedom")]
    [InlineData("Police fired water cannons at the marchers.", "freedom")]
    // Five of seventeen codebook rights examples are missed, among them "The regime starves its
    // critics in labour camps." (both, read as freedom): docs/evaluation.md, *What is weak*.
    public void The_rights_category_is_what_a_careful_coder_reads(string sentence, string category)
    {
        var result = Assert.Single(Analyzer.Analyze(sentence).Sentences);
        Assert.Equal(category, result.Rights.ToCode());
    }
}
