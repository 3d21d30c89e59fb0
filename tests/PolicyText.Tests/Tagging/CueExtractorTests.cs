using PolicyText.Lexicons;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Tagging;

/// <summary>The rules, checked with small lexicons written here, so that the tests do not move when the shipped lexicons grow.</summary>
public class CueExtractorTests
{
    private static readonly LexiconSet Small = new(
        Lexicon.Parse("@lexicon rights\n@version 1\n[freedom]\ntortur*\npolitical prisoners\n[economic_social]\nfood\ndrinkable water\n[general]\nhuman rights\n"),
        Lexicon.Parse("@lexicon linkage\n@version 1\n[instrument]\nsanction*\ndenuclearization negotiations\nrelief\n[pro]\nlink*\nconnecting\ncondition*\n[anti]\nseparate*\nregardless of\n"),
        Lexicon.Parse("@lexicon cues\n@version 1\n[negation]\nnot\nn't\n[attribution]\nsaid\naccording to\n[endorsement]\nrightly\n[condition]\nuntil\n[hedge]\nperhaps\n[first_person]\nwe\n[rhetorical]\nwhy should\n"));

    private static SentenceCues Cues(string text)
    {
        var doc = TextDocument.Parse(text);
        return new CueExtractor(Small).Extract(doc, doc.Sentences[0]);
    }

    [Fact]
    public void An_ignore_entry_drops_the_shorter_rights_matches_inside_it()
    {
        var rights = Lexicon.Parse("@lexicon rights\n@version 1\n[freedom]\nreleas*\nrelease of detainees\nwater cannon\n[economic_social]\nwater\n[general]\nhuman rights\n[ignore]\npress release*\nwater cannon\n");
        var lexicons = Small.With(rights);
        SentenceCues Read(string text)
        {
            var doc = TextDocument.Parse(text);
            return new CueExtractor(lexicons).Extract(doc, doc.Sentences[0]);
        }

        // "release" inside "press release" is not counted, nor is it evidence; one outside is.
        var press = Read("The press release named no one.");
        Assert.Equal((0, 0), (press.Freedom, press.EconomicSocial));
        Assert.Empty(press.Evidence);
        Assert.True(press.Entries.IsEmpty);
        var both = Read("A press release demanded their release.");
        Assert.Equal(1, both.Freedom);
        Assert.Equal("release", Assert.Single(both.Evidence).Text);

        // "water" inside "water cannon" is dropped; the freedom entry as long as the ignore entry stays.
        var cannon = Read("Police turned a water cannon on the crowd.");
        Assert.Equal((1, 0), (cannon.Freedom, cannon.EconomicSocial));
        Assert.Equal("water cannon", Assert.Single(cannon.Evidence).Text);

        // A match only partly inside an ignore entry stays.
        var partly = Read("The press release of detainees was delayed.");
        Assert.Equal(1, partly.Freedom);
        Assert.Equal("release of detainees", Assert.Single(partly.Evidence).Text);

        // Without an ignore section, every match counts as before.
        var plain = Small.With(Lexicon.Parse("@lexicon rights\n@version 1\n[freedom]\nreleas*\nwater cannon\n[economic_social]\nwater\n[general]\nhuman rights\n"));
        var doc = TextDocument.Parse("The press release said a water cannon was used.");
        var all = new CueExtractor(plain).Extract(doc, doc.Sentences[0]);
        Assert.Equal((2, 1), (all.Freedom, all.EconomicSocial));
    }

    [Theory]
    [InlineData("Keep targeted sanctions on the jailers.", 1)]
    [InlineData("- Keep targeted sanctions on the jailers.", 1)]
    [InlineData("\u2022 Keep targeted sanctions on the jailers.", 1)]
    [InlineData("1. Keep targeted sanctions on the jailers.\n2. Lift the ban on food.", 1)]
    [InlineData("(b) Keep targeted sanctions on the jailers.", 1)]
    [InlineData("\u201CKeep the sanctions,\u201D she said.", 1)]
    [InlineData("Do not tie food aid to the talks.", 1)]
    [InlineData("Release the prisoners before any relief.", 1)]
    [InlineData("Release of the prisoners came first.", 0)]
    [InlineData("We will keep the sanctions on the jailers.", 0)]
    [InlineData("The talks keep failing.", 0)]
    [InlineData("I keep thinking about the camps.", 0)]
    [InlineData("Keep the sanctions, and we should add more.", 2)]
    public void An_imperative_counts_as_normative_only_when_its_verb_opens_the_sentence(string text, int normative)
    {
        var cues = Small.With(Lexicon.Parse("@lexicon cues\n@version 1\n[negation]\nnot\nn't\n[attribution]\nsaid\n[endorsement]\nrightly\n[condition]\nuntil\n[hedge]\nperhaps\n[first_person]\nwe\n[normative]\nshould\n[imperative]\nkeep\ndo not\nrelease the\n"));
        var doc = TextDocument.Parse(text);
        var read = new CueExtractor(cues).Extract(doc, doc.Sentences[0]);
        Assert.Equal(normative, read.Normative);

        // Without the optional section, no imperative is read.
        Assert.Equal(0, new CueExtractor(Small).Extract(doc, doc.Sentences[0]).Normative);
    }

    [Fact]
    public void A_negation_before_a_stance_word_flips_it()
    {
        var c = Cues("Human rights should not be linked to sanctions.");
        Assert.Equal((0, 1, 1), (c.Pro, c.Anti, c.Negated));
        Assert.Contains(c.Evidence, e => e.Cue == CueType.Negation && e.Text == "not");
    }

    [Fact]
    public void A_negation_after_a_stance_word_in_the_same_clause_flips_it()
    {
        var c = Cues("Connecting human rights and denuclearization negotiations is not the right approach.");
        Assert.Equal((0, 1), (c.Pro, c.Anti));
        Assert.Equal(1, c.Instrument);
        Assert.Equal(1, c.GeneralRights);
    }

    [Fact]
    public void A_sentence_final_no_is_a_negation_not_the_abbreviation_of_number()
    {
        var cues = Small.With(Lexicon.Parse("@lexicon cues\n@version 1\n[negation]\nnot\nno\n[attribution]\nsaid\n[endorsement]\nrightly\n[condition]\nuntil\n[hedge]\nperhaps\n[first_person]\nwe\n"));
        var doc = TextDocument.Parse("Our answer to linking food aid to the talks is no.");
        var c = new CueExtractor(cues).Extract(doc, doc.Sentences[0]);
        Assert.Equal((0, 1, 1), (c.Pro, c.Anti, c.Negated));
        Assert.Contains(c.Evidence, e => e.Cue == CueType.Negation && e.Text == "no");
    }

    // A lament (what one side fears) keeps its side under a normative negation and is reversed
    // by any other (linkage lexicon version 4).
    [Theory]
    [InlineData("Human rights should not be sacrificed for a nuclear deal.", 1, 0, 0)]
    [InlineData("Human rights must never be traded away.", 1, 0, 0)]
    [InlineData("Don't reward the regime for a freeze.", 1, 0, 0)]
    [InlineData("There should be no impunity for the camps.", 1, 0, 0)]
    [InlineData("A child's breakfast should not be a bargaining chip.", 0, 1, 0)]
    [InlineData("Aid cannot be held hostage to the talks.", 0, 1, 0)]
    [InlineData("Human rights were not sacrificed in the deal.", 0, 1, 1)]
    [InlineData("Vaccinating a child is not a reward to anyone.", 0, 1, 1)]
    [InlineData("Human rights should not be linked to sanctions.", 0, 1, 1)]
    [InlineData("Humanitarian aid should never be held to ransom by the nuclear talks.", 0, 1, 0)]
    // An opening "Do" past a list marker or an opening quotation mark, as a directive's verb.
    [InlineData("Do not sacrifice human rights for a nuclear deal.", 1, 0, 0)]
    [InlineData("- Do not sacrifice human rights for a nuclear deal.", 1, 0, 0)]
    [InlineData("1. Do not sacrifice human rights for a nuclear deal.", 1, 0, 0)]
    [InlineData("(b) Do not sacrifice human rights for a nuclear deal.", 1, 0, 0)]
    [InlineData("\u201CDo not sacrifice human rights for a nuclear deal.\u201D", 1, 0, 0)]
    // Not a "do" inside the sentence ("They do not sacrifice …" reports).
    [InlineData("They do not sacrifice human rights for a nuclear deal.", 0, 1, 1)]
    public void A_lament_keeps_its_side_under_a_normative_negation(string text, int pro, int anti, int negated)
    {
        var c = DefaultCues(text);
        Assert.Equal((pro, anti, negated), (c.Pro, c.Anti, c.Negated));
    }

    // Wordings of conditions and of separation added in linkage lexicon version 5, which the
    // corpus does not use: without them these sentences have no stance cue at all.
    [Theory]
    [InlineData("Food shipments should not hinge on how the government votes at the United Nations.", 0, 1, 1)]
    [InlineData("Any new loan should hinge on the release of the jailed editors.", 1, 0, 0)]
    [InlineData("Any deal should be predicated on access for UN investigators.", 1, 0, 0)]
    [InlineData("Food aid must be untied from the human rights dialogue.", 0, 1, 0)]
    [InlineData("The aid was held to ransom by the talks.", 0, 1, 0)]
    public void Conditions_and_separation_in_everyday_wording_are_stance_cues(string text, int pro, int anti, int negated)
    {
        var c = DefaultCues(text);
        Assert.Equal((pro, anti, negated), (c.Pro, c.Anti, c.Negated));
    }

    // "sanctions" inside "sanctions relief" is relief, not pressure; a negated stance wording
    // that is also an instrument counts as the other kind of instrument.
    [Theory]
    [InlineData("Sanctions relief is on the table.", 0, 1)]
    [InlineData("Sanctions remain in force.", 1, 0)]
    [InlineData("Sanctions relief should not be tied to human rights.", 0, 2)]
    [InlineData("Sanctions relief should be tied to human rights.", 1, 1)]
    public void Instruments_are_read_whole_and_after_negation(string text, int pressure, int engagement)
    {
        var c = DefaultCues(text);
        Assert.Equal((pressure, engagement), (c.Pressure, c.Engagement));
    }

    // A wording that opens the sentence as its gerund subject is reversed by a negation in the
    // predicate up to sixteen tokens on, past a long object; not by one inside a clause of the
    // subject, nor, without a verb between, by one that is still part of the subject.
    [Theory]
    [InlineData("Tying human rights to the nuclear talks would be a mistake.", 0, 1, 1)]
    [InlineData("Tying human rights to progress in the denuclearization talks is not the right approach.", 0, 1, 1)]
    [InlineData("Tying aid to the reforms that the regime says it will never make keeps children hungry.", 1, 0, 0)]
    [InlineData("Tying human rights to the nuclear talks, as the envoy proposed, would be a mistake.", 1, 0, 0)]
    [InlineData("Tying human rights to the nuclear talks and the sanctions without exception.", 1, 0, 0)]
    [InlineData("Human rights tied to the nuclear talks and the sanctions regime would be a mistake.", 1, 0, 0)]
    public void A_gerund_subject_is_reversed_by_a_negation_in_its_predicate(string text, int pro, int anti, int negated)
    {
        var c = DefaultCues(text);
        Assert.Equal((pro, anti, negated), (c.Pro, c.Anti, c.Negated));
    }

    [Fact]
    public void A_negation_in_another_clause_does_not_flip()
    {
        var c = Cues("Relief should be linked to reforms, not given away.");
        Assert.Equal((1, 0, 0), (c.Pro, c.Anti, c.Negated));
    }

    [Fact]
    public void Reported_speech_is_marked_unless_the_author_endorses_it()
    {
        Assert.True(Cues("The envoy said sanctions must be linked to rights.").Reported);
        Assert.False(Cues("The envoy rightly said sanctions must be linked to rights.").Reported);
        Assert.False(Cues("Sanctions must be linked to rights.").Reported);
    }

    /// <summary>
    /// A reporting word whose subject is the author ("we" or "I" before it, with at most two words
    /// and no punctuation between them) is the author speaking, not a report: no attribution, no
    /// attribution evidence. Anyone else's, or a first person elsewhere in the sentence, is.
    /// </summary>
    [Theory]
    [InlineData("We have argued for years that relief must wait for reforms.", false)]
    [InlineData("I would argue that sanctions relief must wait.", false)]
    [InlineData("I would not argue that sanctions relief must wait.", false)]
    [InlineData("We know that the envoy argued relief must wait.", true)]
    [InlineData("We therefore call for sanctions on the officials responsible.", false)]
    [InlineData("As I said, relief should wait for reforms.", false)]
    [InlineData("Critics argue that relief must wait for reforms.", true)]
    [InlineData("Our critics argue that relief must wait for reforms.", true)]
    [InlineData("We know the envoy said relief must wait.", true)]
    [InlineData("The minister told us that relief must wait.", true)]
    public void A_reporting_word_with_the_author_as_subject_is_not_a_report(string text, bool reported)
    {
        var c = DefaultCues(text);
        Assert.Equal(reported, c.Reported);
        Assert.Equal(reported, c.Evidence.Any(e => e.Cue == CueType.Attribution));
    }

    // The text speaking for its authors ("this report"), and a reporting word after "should",
    // "must", "ought" or "need" (what ought to be said), are no report (cues lexicon version 5).
    [Theory]
    [InlineData("This report recommends that relief be tied to the release of prisoners.", false)]
    [InlineData("This paper argues that aid must never be conditional on the talks.", false)]
    [InlineData("The report recommends that relief be tied to the release of prisoners.", true)]
    [InlineData("The panel recommended that relief wait for reforms.", true)]
    [InlineData("Western capitals should say plainly that relief must wait for reforms.", false)]
    [InlineData("Negotiators must also insist that prisoners are freed first.", false)]
    [InlineData("Governments should publicly say that relief must wait for reforms.", false)]
    [InlineData("Donors need to insist that aid reaches the camps.", false)]
    [InlineData("Governments ought to say plainly that relief must wait for reforms.", false)]
    [InlineData("Some will say that relief must wait for reforms.", true)]
    // A call that opens with "Let" and names who speaks (forty-ninth session).
    [InlineData("Let the diplomats argue about centrifuges.", false)]
    [InlineData("Let me also say what I am not asking for.", false)]
    [InlineData("They let the diplomats argue about centrifuges.", true)]
    [InlineData("Let the five diplomats from the region argue about centrifuges.", true)]
    [InlineData("Let them, the diplomats, argue about centrifuges.", true)]
    // Not a modal and an adverb, and not the text as subject: reports.
    [InlineData("Families in need said that relief must wait for reforms.", true)]
    [InlineData("Should Italy say that relief must wait for reforms?", true)]
    [InlineData("Readers of this column have argued that relief must wait for reforms.", true)]
    public void The_author_s_own_text_and_a_prescribed_reporting_word_are_not_reports(string text, bool reported)
    {
        var c = DefaultCues(text);
        Assert.Equal(reported, c.Reported);
        Assert.Equal(reported, c.Evidence.Any(e => e.Cue == CueType.Attribution));
    }

    // A question with a rhetorical marker has the evident answer no: its stance wordings are
    // read reversed and its reporting words are the author's (codebook rule 6; cues lexicon
    // version 5). The same question without a marker, or the marker outside a question, is read
    // as written.
    [Theory]
    [InlineData("Why should food aid be tied to the nuclear talks?", true, 0, 1, 1, false)]
    [InlineData("Should food aid be tied to the nuclear talks?", false, 1, 0, 0, false)]
    [InlineData("Food aid should really be tied to the nuclear talks.", false, 1, 0, 0, false)]
    [InlineData("Why should food aid not be tied to the nuclear talks?", true, 1, 0, 0, false)]
    [InlineData("Who would seriously argue that relief should be tied to the talks?", true, 0, 1, 1, false)]
    [InlineData("Who argued that relief should be tied to the talks?", false, 1, 0, 0, true)]
    // A lament keeps its side, as under a normative negation.
    [InlineData("Why should human rights be sacrificed for a nuclear deal?", true, 1, 0, 0, false)]
    [InlineData("Why should a child's breakfast be a bargaining chip?", true, 0, 1, 0, false)]
    // A reporting word before the marker reports the question.
    [InlineData("The minister said, \"Why should food aid be tied to the nuclear talks?\"", true, 0, 1, 1, true)]
    public void A_rhetorical_question_is_read_reversed(string text, bool rhetorical, int pro, int anti, int negated, bool reported)
    {
        var c = DefaultCues(text);
        Assert.Equal(text.TrimEnd('"').EndsWith('?'), c.Question);
        Assert.Equal(rhetorical, c.Rhetorical);
        Assert.Equal((pro, anti, negated, reported), (c.Pro, c.Anti, c.Negated, c.Reported));
        Assert.Equal(rhetorical, c.Evidence.Any(e => e.Cue == CueType.Question && e.Category == "rhetorical"));
    }

    [Theory]
    [InlineData("Why should food aid be tied to the nuclear talks?", 0, 2)]
    [InlineData("Should food aid be tied to the nuclear talks?", 1, 1)]
    public void A_rhetorical_question_reverses_a_stance_wording_that_is_an_instrument(string text, int pressure, int engagement)
    {
        var c = DefaultCues(text);
        Assert.Equal((pressure, engagement), (c.Pressure, c.Engagement));
    }

    [Fact]
    public void A_rhetorical_question_reverses_its_evaluations()
    {
        var asked = DefaultCues("What good has pressure done for the prisoners?");
        var open = DefaultCues("How has pressure done good for the prisoners?");
        Assert.True(asked.Rhetorical);
        Assert.False(open.Rhetorical);
        Assert.Equal((0, 1), (asked.Positive, asked.Negative));
        Assert.Equal((1, 0), (open.Positive, open.Negative));
    }

    [Fact]
    public void Questions_conditions_and_rights_families_are_found_with_offsets()
    {
        var text = "Will relief wait until political prisoners get food and drinkable water?";
        var c = Cues(text);
        Assert.True(c.Question);
        Assert.Equal(1, c.Condition);
        Assert.Equal((1, 2), (c.Freedom, c.EconomicSocial));
        var water = Assert.Single(c.Evidence, e => e.Entry == "drinkable water");
        Assert.Equal("drinkable water", text[water.Start..water.End]);
        Assert.Equal(CueType.Rights, water.Cue);
        Assert.Equal("economic_social", water.Category);
    }

    private static SentenceCues DefaultCues(string text)
    {
        var doc = TextDocument.Parse(text);
        return new CueExtractor(LexiconSet.Default).Extract(doc, doc.Sentences[0]);
    }

    [Theory]
    [InlineData("Sanctions have failed the people they claim to protect.", 1, 0, 0, 1)]
    [InlineData("Targeted sanctions are justified and overdue.", 1, 0, 2, 0)]
    [InlineData("Quiet diplomacy is the only route that works.", 0, 1, 2, 0)]
    [InlineData("Engagement has not worked.", 0, 1, 0, 1)]
    // "not" reverses "mistake" and also the stance wording "separate", whose instrument then
    // counts as pressure until the link rule makes the sentence's instruments engagement: one.
    [InlineData("Keeping the aid track separate is not a mistake.", 0, 1, 1, 0)]
    // "mistake", "wrong" and "misguided" are negations too (they reverse a stance wording near
    // them), but never of themselves: these are negative evaluations.
    [InlineData("Sanctions are a mistake.", 1, 0, 0, 1)]
    [InlineData("Sanctions are wrong.", 1, 0, 0, 1)]
    [InlineData("Sanctions are misguided.", 1, 0, 0, 1)]
    public void Evaluations_of_pressure_and_engagement_are_counted_after_negation(string text, int pressure, int engagement, int positive, int negative)
    {
        var c = DefaultCues(text);
        Assert.Equal((pressure, engagement, positive, negative), (c.Pressure, c.Engagement, c.Positive, c.Negative));
        Assert.Equal(positive + negative, c.Evidence.Count(e => e.Cue == CueType.Evaluation));
        Assert.Equal(positive, c.Evidence.Count(e => e.Cue == CueType.Evaluation && e.Category == "positive"));
    }

    // An evaluation in a sentence that names a link judges the link: a pro wording ("tying")
    // makes the instruments pressure, an anti wording ("separate") engagement; a wording that is
    // itself the evaluation ("has failed") does not count as a wording here.
    [Theory]
    [InlineData("Tying sanctions relief to human rights has worked before.", 1, 0)]
    [InlineData("Tying food aid to reform has failed.", 1, 0)]
    [InlineData("Keeping sanctions separate from the aid track is the right approach.", 0, 2)]
    [InlineData("Sanctions relief has worked before.", 0, 1)]
    // One pro and one anti wording: the rule does not say which link is judged.
    [InlineData("Tying relief to reform, or keeping the two separate, has worked before.", 1, 2)]
    public void An_evaluation_judges_the_link_a_sentence_names(string text, int pressure, int engagement)
    {
        var c = DefaultCues(text);
        Assert.True(c.Positive + c.Negative > 0);
        Assert.Equal((pressure, engagement), (c.Pressure, c.Engagement));
    }

    [Theory]
    [InlineData("Engagement has not worked.", 0, 1)]
    [InlineData("Pressure did not work.", 0, 1)]
    [InlineData("Relief should come with no strings attached.", 0, 1)]
    [InlineData("The deal asks nothing of Pyongyang.", 1, 0)]
    [InlineData("Making food aid conditional on reform is wrong.", 0, 1)]
    public void A_negation_inside_a_stance_wording_does_not_reverse_it(string text, int pro, int anti)
    {
        var c = DefaultCues(text);
        Assert.Equal((pro, anti), (c.Pro, c.Anti));
    }

    [Fact]
    public void One_negation_reversing_two_cues_is_one_piece_of_evidence()
    {
        var c = DefaultCues("Tying food aid to denuclearization talks is not the right approach.");
        Assert.Single(c.Evidence, e => e.Cue == CueType.Negation);
        var evaluation = Assert.Single(c.Evidence, e => e.Cue == CueType.Evaluation);
        Assert.Equal(("right approach", "negative"), (evaluation.Text, evaluation.Category));
        Assert.Equal((0, 1), (c.Pro, c.Anti));
    }

    [Fact]
    public void A_lexicon_set_needs_its_categories()
    {
        var bad = Lexicon.Parse("@lexicon rights\n@version 1\n[freedom]\nx\n");
        var ex = Assert.Throws<ArgumentException>(() => Small.With(bad));
        Assert.Contains("economic_social", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Small.With(Lexicon.Parse("@lexicon other\n@version 1\n[a]\nx\n")));
    }

    [Fact]
    public void A_set_s_single_lexicon_matchers_match_their_own_lexicon_and_With_keeps_the_others()
    {
        // The single matchers are compiled on first use (the analysis walks the combined one).
        var doc = TextDocument.Parse("Political prisoners need food, not sanctions, we said.");
        var text = doc.NormalizedText;
        string Found(LexiconMatcher m)
        {
            var matches = new List<LexiconMatch>();
            m.Match(doc, matches);
            return string.Join(",", matches.Select(x => m.Lexicon.Categories[x.Category] + ":" + text[doc.Tokens[x.FirstToken].Start..doc.Tokens[x.FirstToken + x.TokenCount - 1].End]));
        }

        Assert.Equal("freedom:political prisoners,economic_social:food", Found(Small.Rights));
        Assert.Equal("instrument:sanctions", Found(Small.Linkage));
        Assert.Equal("negation:not,first_person:we,attribution:said", Found(Small.Cues));

        var replaced = Small.With(Lexicon.Parse("@lexicon rights\n@version 2\n[freedom]\nprisoners\n[economic_social]\nwater\n[general]\nrights\n"));
        Assert.Equal("freedom:prisoners", Found(replaced.Rights));
        Assert.Equal("instrument:sanctions", Found(replaced.Linkage));
        Assert.Equal("rights@2;linkage@1;cues@1", replaced.Version);
        Assert.Equal("rights@1;linkage@1;cues@1", Small.Version);
    }

    [Theory]
    [InlineData("Torture and food shortages.", RightsCategory.Both)]
    [InlineData("Torture continues.", RightsCategory.Freedom)]
    [InlineData("Food is scarce.", RightsCategory.EconomicSocial)]
    [InlineData("Human rights matter.", RightsCategory.General)]
    [InlineData("The weather is fine.", RightsCategory.None)]
    public void The_lexicon_tagger_labels_rights_from_the_families_found(string text, RightsCategory expected) =>
        Assert.Equal(expected, LexiconTagger.Rights(Cues(text)));

    [Theory]
    [InlineData("Sanctions must be linked to rights.", LinkageStance.ProLinkage)]
    [InlineData("Aid should flow regardless of sanctions.", LinkageStance.AntiLinkage)]
    [InlineData("Human rights should not be linked to sanctions.", LinkageStance.AntiLinkage)]
    [InlineData("The minister said sanctions must be linked to rights.", LinkageStance.Neutral)]
    [InlineData("Should relief be linked to rights?", LinkageStance.Neutral)]
    [InlineData("Why should relief be linked to rights?", LinkageStance.AntiLinkage)]
    [InlineData("Sanctions were renewed on Tuesday.", LinkageStance.Neutral)]
    [InlineData("The camps hold thousands.", LinkageStance.None)]
    public void The_lexicon_tagger_labels_linkage_with_negation_attribution_and_questions(string text, LinkageStance expected) =>
        Assert.Equal(expected, LexiconTagger.Linkage(Cues(text)));
}
