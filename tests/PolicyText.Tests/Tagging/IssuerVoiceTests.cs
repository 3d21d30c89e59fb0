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
    public void Without_a_name_that_opens_a_lede_nothing_changes()
    {
        var text = Release.Replace("said today", "said last year", StringComparison.Ordinal);
        Assert.Equal(Attributions(Body.Replace("said today", "said last year", StringComparison.Ordinal)).Sum(), Attributions(text).Sum());
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
    [InlineData("Joint statement\n\n")]
    [InlineData("", "\n\nABOUT THE ZAGROS JUSTICE CENTRE")]
    [InlineData("", "\n\nContact: Samuel Ortiz, +1 305 555 0139")]
    [InlineData("", "\n\nAbout the Northern Clinics Trust")]
    [InlineData("", "\n\nAbout Amu Bridge Health Trust")]
    [InlineData("", "\n\nAbout the coalition")]
    [InlineData("", "\n\nAbout Article 19 Forum")]
    [InlineData("", "\n\nAbout the Water & Sanitation Alliance (WSA)")]
    [InlineData("Embargoed until 00:01 GMT, 5 May 2026\n\n")]
    [InlineData("Press release – 11 May 2026\n\n")]
    [InlineData("", "\n\nMedia: Ana Lopez, +41 22 555 0100")]
    // A contact line longer than a heading: names, numbers and addresses.
    [InlineData("", "\n\nPress office: Diego Arrieta, +506 2555 0178, prensa@example.org; Ana Lopez, +41 22 555 0100, press@example.org (weekdays, 9:00 to 17:00)")]
    [InlineData("", "\n\nFor media enquiries, please contact Diego Arrieta, +506 2555 0178, prensa@example.org")]
    [InlineData("", "\n\nFor more information, please contact Ana Lopez at press@example.org or +41 22 555 0100 (weekdays)")]
    [InlineData("", "\n\nFor media enquiries: Diego Arrieta, +506 2555 0178, prensa@example.org; Ana Lopez, +41 22 555 0100, press@example.org")]
    public void A_statement_heading_a_contact_line_or_an_about_heading_marks_a_release(string before, string after = "")
    {
        var document = TextDocument.Parse(before + Body + after);
        Assert.NotNull(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    // "About the author" heads a biography, not a release's boilerplate; a sentence that opens
    // with "About" or a line that is a sentence is not a heading.
    [InlineData("", "\n\nAbout the author")]
    [InlineData("", "\n\nAbout The Author")]
    [InlineData("", "\n\nAbout Us")]
    [InlineData("", "\n\nAbout Tehran's refusal to free the detainees")]
    // A bare "Statement" also heads a ministry's statement or a delegation's speech.
    [InlineData("STATEMENT\n\n")]
    [InlineData("", "\n\nAbout Geneva.")]
    [InlineData("", "\n\nabout the Northern Clinics Trust")]
    [InlineData("The statement was short.\n\n")]
    [InlineData("Press release – the ministry's reply of 11 May 2026 was short.\n\n")]
    [InlineData("Press release: 2 of 3 were late.\n\n")]
    [InlineData("", "\n\nAbout the report")]
    [InlineData("", "\n\nAbout the Report")]
    [InlineData("", "\n\nAbout the Editors")]
    [InlineData("", "\n\nabout the coalition")]
    // A whole paragraph that opens like a contact line.
    [InlineData("", "\n\nMedia: the press in Pyongyang is owned by the state, and every newspaper, radio station and television channel repeats what the party's propaganda department tells it to repeat, in the words it chooses, on the day it chooses.")]
    public void Other_lines_like_them_are_not_marks(string before, string after = "")
    {
        var document = TextDocument.Parse(before + Body + after);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    [InlineData("The Arvand Justice Network today welcomed the decision to freeze the judges' assets.", "arvand justice network")]
    [InlineData("The Global Federation of Energy and Port Unions today called on Washington to hold back the licences.", "global federation of energy and port unions")]
    [InlineData("The Salween Relief Coalition urged today that aid reach the camps.", "salween relief coalition")]
    [InlineData("Donors must release the frozen funds, the Northern Lights Prisoner Monitor said.", "northern lights prisoner monitor")]
    [InlineData("Aid must not wait for the talks, Zagros Justice Centre says.", "zagros justice centre")]
    [InlineData("The Association of Families of the Missing in Syria today called on the EU to keep its sanctions.", "association of families of the missing in syria")]
    [InlineData("Aid must not wait for the talks, the Salween Relief Coalition said on Thursday.", "salween relief coalition")]
    [InlineData("The Orinoco Democracy Institute said on Tuesday that the licences must wait for the prisoners.", "orinoco democracy institute")]
    [InlineData("The Article 25 Coalition on Friday called on donors to keep the schools open.", "article 25 coalition")]
    [InlineData("The Water & Sanitation Alliance said in a statement that the pumps must run.", "water & sanitation alliance")]
    [InlineData("Meridian Prisoners’ Watch said in a report published today that the camps must close.", "meridian prisoners ' watch")]
    [InlineData("Mothers' Voice on Monday called on donors to keep the clinics open.", "mothers ' voice")]
    [InlineData("Donors must act, the Zagros Justice Centre (ZJC) said.", "zagros justice centre")]
    [InlineData("The Women’s Health Network said today that the clinics must stay open.", "women 's health network")]
    [InlineData("The Northern Clinics Trust said in a joint statement that aid must flow.", "northern clinics trust")]
    // An appositive between the name and the reporting word, and the perfect tense.
    [InlineData("The Medicines Access Alliance (MAA), a coalition of 41 health charities, today called on the negotiators to keep medicine off the table.", "medicines access alliance")]
    [InlineData("The Global Federation of Textile Workers (GFTW) has called on the EU to sanction the junta's firms.", "global federation of textile workers")]
    // A web statement in the present tense, and a council of civil society.
    [InlineData("The Mesoamerican Ecumenical Council, a fellowship of 38 churches, asks governments to keep food aid apart from the talks.", "mesoamerican ecumenical council")]
    [InlineData("The Norwegian Refugee Council on Monday called on donors to fund the camps.", "norwegian refugee council")]
    // A state quoted first in the lede is passed over for the issuer after it.
    [InlineData("The European Union on Monday announced it would ease sanctions. The Syrian Network for Human Rights said on Tuesday that the easing must wait.", "syrian network for human rights")]
    // A quotation that ended its sentence, or a quoted headline, before the name.
    [InlineData("Families told us: “We cannot wait.” The Salween Relief Coalition said on Thursday that aid must flow.", "salween relief coalition")]
    [InlineData("“Aid must not wait”\n\nThe Salween Relief Coalition said on Thursday that aid must flow.", "salween relief coalition")]
    // An appositive with commas of its own, a person's role at the issuer, the progressive.
    [InlineData("The Korea Conscience Coalition, a coalition of 22 survivor groups, legal clinics and churches, today called on the negotiators to raise the camps.", "korea conscience coalition")]
    [InlineData("Teodora Vance, director of the Open Harvest Alliance, said today that aid must be kept apart from the talks.", "open harvest alliance")]
    [InlineData("Teodora Vance, director of the Open Harvest Alliance, said on Tuesday that aid must be kept apart from the talks.", "open harvest alliance")]
    [InlineData("The Andean Observatory for Democratic Rights is calling on the governments to link relief to the release of prisoners.", "andean observatory for democratic rights")]
    // Reporting words that praise or condemn, in the past and (below the first line) the present.
    [InlineData("The Arvand Justice Network today praised the decision to freeze the judges' assets.", "arvand justice network")]
    [InlineData("The Salween Relief Coalition on Monday denounced the blockade of the river crossings.", "salween relief coalition")]
    [InlineData("The Northern Clinics Trust commended today the donors who kept the wards open.", "northern clinics trust")]
    [InlineData("The Medicines Access Alliance (MAA) has applauded the exemption for insulin.", "medicines access alliance")]
    [InlineData("The Zagros Justice Centre deplores the executions carried out in Qezel Hesar this week.", "zagros justice centre")]
    [InlineData("The Association for Press Freedom in Tarsenia regrets the closure of the last independent radio station.", "association for press freedom in tarsenia")]
    // An adverb in "-ly" before the reporting word.
    [InlineData("The Arvand Justice Network today strongly condemned the executions in Qezel Hesar.", "arvand justice network")]
    [InlineData("The Salween Relief Coalition on Monday sharply criticised the blockade of the river crossings.", "salween relief coalition")]
    [InlineData("The Medicines Access Alliance (MAA) has warmly welcomed the exemption for insulin.", "medicines access alliance")]
    // The name after its reporting word: a passive, a clause about the statement, a quotation's speaker.
    [InlineData("A report published today by the Meridian Humanitarian Monitor finds that clinics are closing wards.", "meridian humanitarian monitor")]
    [InlineData("A study released on Tuesday by the Caribbean Family Remittances Observatory (CFRO) finds that families eat less.", "caribbean family remittances observatory")]
    [InlineData("A new report from the Meridian Humanitarian Monitor, published today, finds that clinics are closing wards.", "meridian humanitarian monitor")]
    [InlineData("A briefing by the Salween Relief Coalition released on Monday shows that the crossings stay shut.", "salween relief coalition")]
    [InlineData("In a statement issued today, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions.", "lantern foundation for civil liberties")]
    [InlineData("In its report published on Monday, the Lantern Foundation for Civil Liberties called for the prisoners' release.", "lantern foundation for civil liberties")]
    [InlineData("In a statement issued today, the Lantern Foundation for Civil Liberties strongly condemned the decision to tie food aid to the talks.", "lantern foundation for civil liberties")]
    [InlineData("In a statement issued on Thursday, the Alliance against Torture in Dravos firmly condemned the acquittal.", "alliance against torture in dravos")]
    // "against" and "on" inside a name.
    [InlineData("The Coalition against Enforced Disappearances in Merovia warned today that 38 people are missing.", "coalition against enforced disappearances in merovia")]
    [InlineData("The Institute on Migrant Dignity today urged the border agency to stop the pushbacks.", "institute on migrant dignity")]
    [InlineData("“Tuberculosis does not wait for summits,” said the Hanul Relief Partnership today, as it appealed for medical aid.", "hanul relief partnership")]
    // A quotation's speaker and her role at the issuer after "said".
    [InlineData("“Flour and insulin should never be traded,” said Amira Haddad, executive director of the Levant Relief Alliance, as donors met in Brussels.", "levant relief alliance")]
    [InlineData("“Flour and insulin should never be traded,” said Amira Haddad, head of advocacy at the Levant Relief Alliance.", "levant relief alliance")]
    // A body's name with "in" or "on" in the role.
    [InlineData("“A law against protest is a law against rights,” said Sofia Randell, director of the Observatory for Civic Space in Almera, as the group published its analysis.", "observatory for civic space in almera")]
    // "in" between two capitalised words of a name before "said today".
    [InlineData("The Coalition for Justice in Maraveth (CJM) said today that 41 journalists remain in detention.", "coalition for justice in maraveth")]
    // ... and after a name's "against" or "on" (every reader of a name takes the same connectives).
    [InlineData("The Coalition against Torture in Maraveth (CTM) said today that 41 journalists remain in detention.", "coalition against torture in maraveth")]
    [InlineData("The Institute on Press Freedom in Maraveth said today that 41 journalists remain in detention.", "institute on press freedom in maraveth")]
    public void The_issuer_is_also_the_name_that_opens_a_lede_in_other_words(string lede, string issuer)
    {
        var text = $"Press release\n\n{lede} The group said the delays cost lives.";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Contains(issuer, voice.Names);
        Assert.Equal(0, AttributionsOf(text, "The group said"));
    }

    [Theory]
    [InlineData("In a statement issued today, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions.", 0)]
    [InlineData("In a statement issued today, the Lantern Foundation for Civil Liberties welcomed the EU's sanctions.", 0)]
    [InlineData("In a statement, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions.", 0)]
    [InlineData("In a joint statement issued on Monday, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions.", 0)]
    // An adverb before the reporting word.
    [InlineData("In a statement issued today, the Lantern Foundation for Civil Liberties strongly condemned the EU's sanctions.", 0)]
    [InlineData("In a joint statement released on Monday, the Lantern Foundation for Civil Liberties firmly rejected the EU's sanctions.", 0)]
    // Another body's statement is still a report.
    [InlineData("In a statement issued today, the European Commission urged restraint.", 2)]
    [InlineData("In a statement issued today, the European Commission strongly rejected the proposal.", 2)]
    public void The_clause_that_opens_the_issuers_lede_is_its_own_words(string lede, int attributions)
    {
        // "In a statement" says what the issuer spoke in, as "said in a statement" after its name
        // does: no report of someone else's words (it was counted as one, with its evidence).
        var text = $"Press release\n\n{lede} The Lantern Foundation for Civil Liberties said the delays cost lives.";
        Assert.Equal(attributions, AttributionsOf(text, lede[..30]));
    }

    [Theory]
    // The kind of body heads the name before "for", "of", "on" or "against": "the foundation" is the Lantern Foundation for Civil Liberties.
    [InlineData("The Lantern Foundation for Civil Liberties said today that aid must flow.", "The foundation said", 0)]
    [InlineData("The Alliance for Child Health said today that aid must flow.", "The alliance said", 0)]
    [InlineData("The Network of Independent Monitors on Tuesday called on donors to act.", "The network said", 0)]
    // Not a word inside the name's last part, nor a kind that may be a public body.
    [InlineData("The Lantern Foundation for Civil Liberties said today that aid must flow.", "The society said", 1)]
    [InlineData("The Council for Free Media said today that aid must flow.", "The council said", 1)]
    public void The_kind_of_body_that_heads_the_issuers_name_names_it(string lede, string sentence, int attributions)
    {
        var text = $"Press release\n\n{lede} {sentence} the delays cost lives.";
        Assert.Equal(attributions, AttributionsOf(text, sentence));
    }

    [Theory]
    // An NGO whose name holds a state's word further on keeps its issuer under its "About" heading.
    [InlineData("Merovian Commission of Jurists")]
    [InlineData("Valdoran Helsinki Committee")]
    [InlineData("Kade Legal Aid Office")]
    [InlineData("United Nations Association of Valdor")]
    [InlineData("Government Accountability Project")]
    [InlineData("Parliament Watch Network")]
    public void An_about_heading_of_an_ngo_with_a_states_word_keeps_its_issuer(string name)
    {
        var text = $"FOR IMMEDIATE RELEASE\n\nAid must not wait for the talks, the {name} said today. The group said the delays cost lives.\n\nAbout the {name}\nAn independent organisation.";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Equal(0, AttributionsOf(text, "The group said"));
    }

    [Theory]
    // The issuer's own name written otherwise is no other foundation.
    [InlineData("The Lantern Foundation was founded in 1999.")]
    [InlineData("The Lantern Foundation's survey covered 40 cases.")]
    [InlineData("A Foundation spokesperson added that the data were checked.")]
    [InlineData("LANTERN FOUNDATION WELCOMES RULING.")]
    public void The_kind_of_body_heading_the_name_is_taken_beside_the_issuers_own_name_written_otherwise(string between)
    {
        var text = $"FOR IMMEDIATE RELEASE\n\nThe Lantern Foundation for Civil Liberties said today that journalists must be freed. {between} The foundation said the findings were alarming.\n\n###";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Contains("the foundation", voice.Names);
        Assert.Equal(0, AttributionsOf(text, "The foundation said"));
    }

    [Theory]
    // "in" joins a name before "said today" only after a body's word: not a minister's or protesters'.
    [InlineData("The Minister in Kabul said today that talks must continue.", "the minister in kabul")]
    [InlineData("Protesters in Tehran said today that the arrests must stop.", "protesters in tehran")]
    public void In_joins_a_name_before_said_today_only_after_a_bodys_word(string lede, string notName)
    {
        var text = $"FOR IMMEDIATE RELEASE\n\n{lede} The group said the delays cost lives.\n\n###";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.DoesNotContain(notName, voice?.Names ?? []);
    }

    [Fact]
    public void The_kind_of_body_heading_the_name_is_not_taken_when_another_body_of_that_kind_speaks()
    {
        // "The foundation" below may be the Halvorsen Foundation, which the release quotes.
        const string text = "Press release\n\nThe Foundation for Press Freedom said today that journalists must be freed. The survey was funded by the Halvorsen Foundation. The foundation said the findings were alarming.";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.DoesNotContain("the foundation", voice.Names);
        Assert.True(AttributionsOf(text, "The foundation said") > 0);
    }

    [Fact]
    public void A_statement_clause_that_opens_the_text_names_the_issuer()
    {
        // With no line above it, the clause's "in" is the text's first token.
        const string text = "In a statement, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions. The group said the delays cost lives.\n\n###\n\nMedia contact: press@lantern.example";
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Contains("lantern foundation for civil liberties", voice.Names);
        Assert.Equal(0, AttributionsOf(text, "In a statement"));
    }

    [Theory]
    // A quotation's speaker is not a lede's issuer: "…,” Lopez said." names a person quoted.
    [InlineData("Press release\n\n“Aid must flow,” Ana Lopez said. The group said the delays cost lives.")]
    // Nor is a name that "said." far into the text: a ministry quoted below the lede.
    [InlineData("Press release\n\n{0}Aid will resume after the talks, the Foreign Ministry said. The group said the delays cost lives.")]
    // Nor a name without a comma before it, nor a pronoun.
    [InlineData("Press release\n\nThe envoy met officials whom the Foreign Ministry said. The group said the delays cost lives.")]
    [InlineData("Press release\n\nAid must flow, it said. The group said the delays cost lives.")]
    // A quotation with the comma after its closing mark; a state's office or title; a place.
    [InlineData("Press release\n\n\"Aid is a bargaining chip for Brussels\", Interior Minister Farid Nouri said. The group said the delays cost lives.")]
    [InlineData("Press release\n\n“Aid must flow to the children”, Ana Lopez said. The group said the delays cost lives.")]
    [InlineData("Press release\n\nAny easing must wait, Lithuanian Foreign Minister Kestutis Budrys said. The group said the delays cost lives.")]
    // A report's author without its day of publication: a source the release cites.
    [InlineData("Press release\n\nA report from the Foreign Ministry finds that aid will resume after the talks. The group said the delays cost lives.")]
    [InlineData("Press release\n\nA report by the Foreign Ministry, published in 2019, found that aid resumed. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Ministry of Interior today announced the sentences. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Ministry of Interior today praised the sentences. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe National Prisons Inspectorate today commended the staff of the women's prison. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Children's Ombudsman on Monday welcomed the new clinic. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Ministry of Interior today strongly condemned the protests. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Chief Inspector of Prisons today deplored the overcrowding. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Supreme Electoral Tribunal today hailed the turnout. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe National Assembly today unanimously rejected the bill. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Public Defender of Tarsenia has strongly condemned the raids. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Orlen Energy Regulatory Board today commended the utilities. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Charity Regulator today deplored the late accounts of 40 charities. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe levy, which Aquaterra Holdings has publicly denounced, funds the clinics. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Southern Ports Conference on Friday Italy announced the quotas. The group said the delays cost lives.")]
    [InlineData("Press release\n\nFamilies of detainees held in Saydnaya Prison today quietly called for news. The group said the delays cost lives.")]
    [InlineData("Press release\n\nFamilies of detainees held in Saydnaya Prison today called for news. The group said the delays cost lives.")]
    // A day of the week: the speaker of a quotation, a state's office, a name far into the text.
    [InlineData("Press release\n\n“Aid must flow,” Ana Lopez said on Tuesday. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Foreign Ministry said on Tuesday that aid will resume after the talks. The group said the delays cost lives.")]
    [InlineData("Press release\n\n{0}The Salween Relief Coalition said on Thursday that aid must flow. The group said the delays cost lives.")]
    // States, places, their bodies and forces, and one word that names no body the text spells out.
    [InlineData("Press release\n\nRussia said on Monday that the sanctions on its banks must be lifted. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Kremlin said in a statement that the sanctions must go. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe White House said in a statement that the sanctions will stay. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe European Union on Monday announced new sanctions. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe UN Human Rights Committee on Friday called on the authorities to free the prisoners. The group said the delays cost lives.")]
    [InlineData("Press release\n\nG7 Foreign Ministers on Friday called for new sanctions. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Rapid Support Forces said on Tuesday that aid convoys may pass. The group said the delays cost lives.")]
    [InlineData("Press release\n\nUNICEF said in a statement that the clinics are closing. The group said the delays cost lives.")]
    // A council of the state, a headline in the present tense, a report.
    [InlineData("Press release\n\nThe UN Human Rights Council on Monday called on the authorities to free the prisoners. The group said the delays cost lives.")]
    [InlineData("New Report Urges Donors to Keep Aid Apart From Talks\n\nPress release\n\nAid is late. The group said the delays cost lives.")]
    [InlineData("Salween Rights Coalition Urges Donors to Keep Aid Apart From Talks\n\nPress release\n\nAid is late. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Office of the UN Refugee Commission on Monday called on donors to fund the camps. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe Annual Report published on Monday that aid is late. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe European Union (EU) renewed its sanctions in May. The EU on Monday announced new listings. The group said the delays cost lives.")]
    // The ledes that name the issuer after the reporting word, with a state's body or no lede.
    [InlineData("Press release\n\nA report published today by the UN Human Rights Office finds that the executions go on. The group said the delays cost lives.")]
    [InlineData("Press release\n\n“The sanctions will stay,” said the Foreign Ministry today. The group said the delays cost lives.")]
    [InlineData("Press release\n\nThe sanctions will stay, said the Salween Relief Coalition today. The group said the delays cost lives.")]
    [InlineData("Press release\n\nIn a statement issued today, the European Commission urged restraint. The group said the delays cost lives.")]
    [InlineData("Press release\n\n{0}A report published today by the Meridian Humanitarian Monitor finds that clinics are closing. The group said the delays cost lives.")]
    // A quotation's speaker with a role at a state's body, or with no body after her role.
    [InlineData("Press release\n\n“The sanctions will stay,” said Ana Lopez, spokesperson of the Foreign Ministry, on Tuesday. The group said the delays cost lives.")]
    [InlineData("Press release\n\n“The sanctions will stay,” said Ana Lopez, a mother of three, on Tuesday. The group said the delays cost lives.")]
    // A role at a body that is not the sentence's subject, and one word no "About" heading names.
    [InlineData("Press release\n\nThe envoy met Ana Lopez, director of the Open Harvest Alliance, today called on donors to wait. The group said the delays cost lives.")]
    [InlineData("Press release\n\nHumanara said on Tuesday that the pumps must be shipped. The group said the delays cost lives.")]
    // A state body's own release, its "About" heading naming it: no NGO it cites is its issuer.
    [InlineData("Press release\n\nIn a statement issued today, the Ministry of the Interior firmly rejected the allegations. The Coalition against Enforced Disappearances in Merovia warned on Wednesday that 38 people are missing. The group said the delays cost lives.\n\n-ENDS-\n\nAbout the Ministry\nThe Ministry is responsible for policing.")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nIn a statement issued today, the Independent Commission on Human Rights of Ostmara strongly condemned the evictions. The Centre for Legal Aid in Ostmara said today that 200 families are homeless. The group said the delays cost lives.\n\nAbout the Commission\nThe Commission was established by statute.")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nIn a statement issued today, the Foreign Ministry strongly condemned the evictions. The Centre for Legal Aid in Ostmara said today that 200 families are homeless. The group said the delays cost lives.\n\nAbout the Foreign Ministry\nEstablished by statute.")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nIn a statement issued today, the Department of Labour strongly condemned the evictions. The Centre for Legal Aid in Ostmara today warned that 200 families are homeless. The group said the delays cost lives.\n\nAbout the Department of Labour\nThe Department was established by statute.")]
    public void Other_names_that_said_are_not_the_issuer(string template)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, string.Concat(Enumerable.Repeat("Families wait for medicine in the north. ", 30)));
        var document = TextDocument.Parse(text);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    private const string WireStory = "Kessaly frees 11 students\n\n{0}DORUMA, May 12 — Authorities released 11 student activists on Tuesday.\n\nThe Lantern Rights Collective today lauded the releases but said at least 34 protesters remained in detention.\n\n{1}-30-\n";

    [Theory]
    // A news agency's credit in brackets, anywhere in a line, a byline near the top, or an
    // agency's dateline make a news story that quotes an NGO, whatever its end mark.
    [InlineData("", "(Reporting by Amara Tesfaye; Editing by Jonah Pierce)\n\n")]
    [InlineData("", "The detainees were freed at noon. (Additional reporting by Jonah Pierce)\n\n")]
    [InlineData("", "(Editing by Jonah Pierce)\n\n")]
    [InlineData("", "(Writing by Amara Tesfaye)\n\n")]
    [InlineData("By Amara Tesfaye\n\n", "")]
    [InlineData("By Mara Olsen, City Desk\n\n", "")]
    [InlineData("KADE, Tarsenia, July 8 (AP) — Farmers gathered at dawn.\n\n", "")]
    [InlineData("KADE, Tarsenia, July 8 (AP) — Farmers gathered at dawn, and by noon the square in front of the water authority was full of tractors, trailers and families who had driven through the night from the southern districts.\n\n", "")]
    public void A_news_story_is_not_a_release(string top, string end)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, WireStory, top, end);
        var document = TextDocument.Parse(text);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    // Without those (or with the words elsewhere, or a release's own dateline) the same text reads as the NGO's release.
    [InlineData("", "")]
    [InlineData("", "The editing by the ministry of the court files took months.\n\n")]
    [InlineData("", "Reporting by our field teams shows that three clinics have closed.\n\n")]
    [InlineData("", "Editing by Lidia Marn; design by Tomas Varga.\n\n")]
    [InlineData("GENEVA, 4 March 2026 – For immediate release.\n\n", "")]
    [InlineData("By the Lantern Rights Collective's Kessaly team, with partners in Doruma\n\n", "")]
    public void The_same_story_without_them_still_reads_as_a_release(string top, string end)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, WireStory, top, end);
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.NotNull(voice);
        Assert.Contains("lantern rights collective", voice.Names);
    }

    [Theory]
    // A body the release cites above its lede, by a passive, a progressive in a clause, or a
    // quotation's speaker, is not its issuer.
    [InlineData("FOR IMMEDIATE RELEASE\n\nData released today by the World Bank show that remittances have halved, the Levant Relief Alliance said.", "levant relief alliance", "world bank")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nAn investigation published on Sunday by the New York Times found that the junta diverted aid. The Salween Relief Coalition on Monday called for an inquiry.", "salween relief coalition", "new york times")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nUN report published today by the Panel of Experts confirms abuses\n\nThe Salween Relief Coalition welcomed on Monday the report.", "salween relief coalition", "panel of experts")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nAs Washington and Brussels are calling on Tehran to return to talks, the Iran Prisoners Network today urged them to raise the executions.", "iran prisoners network", "as washington and brussels")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nWhile the International Atomic Energy Agency is urging inspections, the Iran Prisoners Network on Monday called on the negotiators to raise the executions.", "iran prisoners network", "while the international atomic energy agency")]
    // A person the release cites with her role, even with "said today", a state's words, a clause.
    [InlineData("FOR IMMEDIATE RELEASE\n\nIhor Terekhov, mayor of Kharkiv, said today that the shelters have no power. The Ukrainian Health Alliance today called on the EU to exempt generators.", "ukrainian health alliance", "kharkiv")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nRania Dagash, spokesperson for the World Food Programme, said today that rations would be cut. The Yemen Relief Coalition today called on donors to pay.", "yemen relief coalition", "world food programme")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nEven as Germany and France are calling on Tehran to return to talks, the Iran Prisoners Network today urged them to raise the executions.", "iran prisoners network", "germany and france")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nDowning Street on Monday announced new sanctions. The Iran Prisoners Network today urged London to tie any easing to the prisoners' release.", "iran prisoners network", "downing street")]
    [InlineData("PRESS RELEASE\n\nThe Iran Prisoners Network has today called on the E3 to tie relief to a moratorium.\n\n“These men were terrorists,” said the Islamic Revolutionary Guard Corps on Monday.", "iran prisoners network", "islamic revolutionary guard corps")]
    // A conjunction that opens the sentence is no part of the name; nor is a dateline's date.
    [InlineData("Press release\n\nDonors pledged $2 billion. But the Levant Relief Alliance today warned that the money will not reach clinics.", "levant relief alliance", "but the levant relief alliance")]
    [InlineData("Aid must not wait\n\nBANGKOK, 3 March 2025 The Salween Relief Coalition said on Thursday that aid must not wait.\n\nContact: Leena Baig, Salween Relief Coalition, +66 2 555 0147", "the salween relief coalition", "march 2025 the salween relief coalition")]
    // The first sentence's passive, quotation or role before a body the release cites below it.
    [InlineData("FOR IMMEDIATE RELEASE\n\nClinics are closing, new report finds\n\nA report published today by the Levant Relief Alliance finds that one in three clinics has closed.\n\nThe World Health Organization has warned that insulin will run out.", "levant relief alliance", "the world health organization")]
    [InlineData("FOR IMMEDIATE RELEASE\n\n“Tuberculosis does not wait for summits,” said the Hanul Relief Partnership today.\n\nLast week Human Rights Watch said in a report that the clinics are empty.", "hanul relief partnership", "human rights watch")]
    [InlineData("FOR IMMEDIATE RELEASE\n\n“Flour and insulin should never be traded,” said Amira Haddad, executive director of the Levant Relief Alliance, as donors met.\n\nThe Syrian Doctors Network on Monday warned that the clinics are empty.", "levant relief alliance", "the syrian doctors network")]
    // "… said today" below is read before a report, quotation or role of another body's in the first sentence.
    [InlineData("FOR IMMEDIATE RELEASE\n\nA report published today by the Stockholm Peace Institute finds that arms sales rose.\n\nThe Control Arms Coalition said today that the figures demand a treaty.\n\n###", "control arms coalition", "stockholm peace institute")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nAna Lopez, secretary general of the Global Press Alliance, warned on Monday that reporters are jailed.\n\nThe Gulf Centre for Free Expression said today that it backs the call.\n\n###", "gulf centre for free expression", "global press alliance")]
    // A body's appositive that names another body is no person's role.
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Hanul Relief Partnership, a member of the Global Relief Alliance, said today that the clinics are empty.\n\n###", "hanul relief partnership", "global relief alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Hanul Relief Partnership, the convener of the Global Relief Alliance, said today that the clinics are empty.\n\n###", "hanul relief partnership", "global relief alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Elders, the convener of the Global Leaders Foundation, said today that the clinics are empty.\n\n###", "the elders", "global leaders foundation")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nTearfund, a founding signatory of the Integral Alliance, said today that the clinics are empty.\n\n###", "tearfund", "integral alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nConcern Worldwide, the largest recipient of Irish Aid, said today that the clinics are empty.\n\n###", "concern worldwide", "irish aid")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nOxfam Novib, a co-founder of the Dutch Relief Alliance, said today that the clinics are empty.\n\n###", "oxfam novib", "dutch relief alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nGlobal Witness, a partner of the Journalist Safety Network, said today that the clinics are empty.\n\n###", "global witness", "journalist safety network")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nTearfund, a member of the Integral Alliance, said today that the clinics are empty.\n\n###", "tearfund", "integral alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nCordaid, the Dutch affiliate of the Caritas Network, said today that the clinics are empty.\n\n###", "cordaid", "caritas network")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nHarvest Hope, a coalition of the Northern Relief Alliance, said today that the clinics are empty.\n\n###", "harvest hope", "northern relief alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Elders, an initiative of the Global Leaders Foundation, said today that the clinics are empty.\n\n###", "the elders", "global leaders foundation")]
    // A cited body's report in the first sentence, and places in a role.
    [InlineData("Press release\n\nA report issued on Monday by the International Atomic Energy Agency finds that enrichment goes on. The Iran Prisoners Network has called on the negotiators to raise the executions.", "iran prisoners network", "international atomic energy agency")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nOleksandr Prokudin, governor of Kherson Oblast, said today that 40 civilians were killed. The Eastern Europe Rights Network today urged donors to fund demining.", "eastern europe rights network", "kherson oblast")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nFadwa Mahmoud, resident of Eastern Ghouta, said today that she has heard nothing. The Association of Families of the Missing in Syria today called on the EU to act.", "association of families of the missing in syria", "eastern ghouta")]
    // A day before a comma is no person of the issuer's.
    [InlineData("Press release\n\nIn a statement on Tuesday, the Lantern Foundation for Civil Liberties urged the EU to keep its sanctions.", "lantern foundation for civil liberties", "tuesday")]
    public void A_body_the_release_cites_before_its_lede_is_not_its_issuer(string text, string issuer, string cited)
    {
        var document = TextDocument.Parse(text);
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains(issuer, names);
        Assert.DoesNotContain(cited, names);
    }

    [Theory]
    // A role at the issuer: on a line of its own below a mark, with more words, a title, four names.
    [InlineData("FOR IMMEDIATE RELEASE\n\nTeodora Vance, director of the Open Harvest Alliance, said today that aid must flow.", "open harvest alliance")]
    [InlineData("Aid Must Not Wait\n\nTeodora Vance, director of policy at the Open Harvest Alliance, said today that aid must flow.\n\n###", "open harvest alliance")]
    [InlineData("Press release\n\nDr. Helena Voss, senior fellow at the Baltic Institute for Democratic Futures, has urged the EU to keep its sanctions.", "baltic institute for democratic futures")]
    [InlineData("Press release\n\nAna María López Ortega, director of the Open Harvest Alliance, said on Tuesday that aid must flow.", "open harvest alliance")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nNEW YORK, March 3, 2025 -- Teodora Vance, director of the Open Harvest Alliance, today called on the Treasury to license food shipments.", "open harvest alliance")]
    // A title after "The".
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Rev. Thomas Aung Lwin, executive secretary of the Ecumenical Network for Myanmar Relief, today warned that rice is running out.\n\n###", "ecumenical network for myanmar relief")]
    // A role opened by an article.
    [InlineData("FOR IMMEDIATE RELEASE\n\nAna Lopez, a researcher at the Northern Clinics Trust, said today that the clinics are empty.\n\n###", "northern clinics trust")]
    // A body whose name holds "Bank" that is not a state's, and a person whose surname is a month.
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Bank Information Center (BIC) today called on the World Bank to suspend lending.", "bank information center")]
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Levant Relief Alliance today called on the EU to exempt medicines.\n\n“Patients are dying,” said Karen May, director of the Levant Relief Alliance.", "karen may")]
    public void A_person_s_role_at_a_body_names_the_issuer(string text, string issuer)
    {
        var document = TextDocument.Parse(text);
        Assert.Contains(issuer, IssuerVoice.Find(document, document.NormalizedSpan())!.Names);
    }

    [Theory]
    // A public body after a quotation's "said".
    [InlineData("Press release\n\n“The detainees are terrorists,” said the Federal Security Service on Tuesday.\n\nRelatives say the men were arrested for protesting.")]
    // A newsletter with a role at an NGO before "said today" and a contact line that names no one.
    [InlineData("The Week in Sanctions\n\nAna Lopez, spokeswoman for the Open Harvest Alliance, said today that imports have halved.\n\nContact: editor@example.org")]
    // A quotation's speaker with a role, in a news report with "###" between its parts.
    [InlineData("Gulf Briefing\n\n“Relief cannot wait for the talks,” Ana Lopez, director of the Open Harvest Alliance, said on Tuesday.\n\n###\n\nMore news.")]
    // "The" before a body's name of four words is no title before a person's: no role.
    [InlineData("FOR IMMEDIATE RELEASE\n\nThe Kachin Women Peace Network, member of the Global Relief Alliance, said today that rice is running out.\n\n###")]
    // A role opened by an article before "said today", in a newsletter: no person is an issuer.
    [InlineData("The Week in Sanctions\n\nAna Lopez, a researcher at Human Rights Watch, said today that the clinics are empty.\n\nContact: editor@example.org")]
    // A role at a state's body, even before "said today".
    [InlineData("The week in sanctions\n\nAna Lopez, spokeswoman for the Ministry of Health, said today that the clinics are full.\n\nContact: editor@example.org")]
    [InlineData("Press release\n\nReza Karimi, governor of the Central Bank of Iran, said on Tuesday that the rial will hold.")]
    // Public bodies and persons after a passive or a quotation's "said".
    [InlineData("Press release\n\nA report issued on Monday by the International Monetary Fund finds that inflation has doubled.")]
    [InlineData("Press release\n\nA study published today by the Financial Conduct Authority finds that banks refuse transfers.")]
    [InlineData("Press release\n\n“The sanctions will stay,” said Chancellor Friedrich Merz today.")]
    [InlineData("FOR IMMEDIATE RELEASE\n\n“Children cannot wait for a deal,” said Amira Haddad today, as the survey was published.")]
    [InlineData("###\n\nIn a letter released on Monday, Senators Jane Doe and John Roe urged the Treasury to act.")]
    // The name before an appositive past another comma must open the sentence.
    [InlineData("FOR IMMEDIATE RELEASE\n\nFollowing the report by the Lisbon Policy Forum, a think tank, donors in Oslo, Bergen and Tromsø, today called for new funds.")]
    // The new ledes' words in a headline's capitals, or the progressive on the first line.
    [InlineData("Press release\n\nNew Report Published Today By the Meridian Humanitarian Monitor: Clinics Are Closing\n\nClinics are closing.")]
    [InlineData("The Andean Observatory for Democratic Rights is calling on donors to act.\n\n###")]
    // A statement clause that does not open the sentence, and a passive with no "by".
    [InlineData("Press release\n\nClinics closed, as in a statement issued today, the Lantern Foundation for Civil Liberties urged the EU to act.")]
    [InlineData("Press release\n\nA report published today with the Meridian Humanitarian Monitor finds that clinics are closing.")]
    public void Other_ledes_and_roles_do_not_name_an_issuer(string text)
    {
        var document = TextDocument.Parse(text);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Fact]
    public void A_person_of_the_issuer_s_does_not_run_over_the_line_above()
    {
        var document = TextDocument.Parse("FOR IMMEDIATE RELEASE\nTeodora Vance, director of the Open Harvest Alliance, said today that aid must flow.\n");
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains("teodora vance", names);
        Assert.DoesNotContain(names, n => n.Contains("release", StringComparison.Ordinal));
    }

    [Fact]
    public void No_document_of_the_gold_corpus_is_read_as_a_release()
    {
        // The corpus's NGO statements speak in "we"; none has a release's mark and lede, so the
        // models are trained and scored on the corpus without the issuer's voice (docs/tagging.md).
        var corpus = PolicyText.Corpora.GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl"));
        Assert.True(corpus.Documents.Count > 400);
        foreach (var gold in corpus.Documents)
        {
            var document = TextDocument.Parse(gold.Text);
            Assert.True(IssuerVoice.Find(document, document.NormalizedSpan()) is null, gold.Id);
        }
    }

    [Fact]
    public void A_headline_s_capitalised_reporting_word_is_no_lede_below_a_mark()
    {
        var document = TextDocument.Parse("FOR IMMEDIATE RELEASE\n\nRights Network Welcomes Fuel Sanctions on the Military\n\nThe Salween Accountability Network welcomed on Monday the new sanctions on fuel suppliers.\n");
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains("salween accountability network", names);
        Assert.DoesNotContain("rights network", names);
    }

    [Theory]
    [InlineData("About Humanara", true)]
    [InlineData("About the Humanara Foundation", false)]
    [InlineData("About the author", false)]
    public void A_one_word_issuer_needs_an_about_heading_that_gives_the_whole_name(string heading, bool release)
    {
        var document = TextDocument.Parse($"Press release\n\nHumanara said on Tuesday that the pumps must be shipped.\n\n{heading}\n\nIt was founded in 2012.\n");
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.Equal(release, voice is not null);
        if (voice is not null)
        {
            Assert.Contains("humanara", voice.Names);
        }
    }

    [Theory]
    [InlineData("Contact: Leena Baig, Salween Relief Coalition, +32 2 555 0147", true)]
    [InlineData("Contact: Leena Baig, press officer, the Salween Relief Coalition (leena@example.org)", true)]
    [InlineData("Contact: editor@example.org", false)]
    [InlineData("Contact: Leena Baig, Lisbon Policy Forum, +32 2 555 0147", false)]
    // The whole name, word by word: not inside an address, nor the end of another body's name.
    [InlineData("Contact: news@salweenreliefcoalition.example", false)]
    [InlineData("Contact: Jane Doe, Global Relief Coalition, +44 20 555 0100", false)]
    [InlineData("Contact: Jane Doe, SALWEEN RELIEF COALITION, +44 20 555 0100", true)]
    [InlineData("Contact: digest@example.org | Source: https://salween-relief-coalition.org/news", false)]
    [InlineData("Contact: Maria Sousa, Salween Relief Coalition Review, maria@example.org", false)]
    // A weak mark of another kind does not name the issuer for it.
    [InlineData("Media: Leena Baig, Salween Relief Coalition, +32 2 555 0147", false)]
    public void A_contact_line_that_names_the_issuer_makes_a_release_of_a_day_s_lede(string line, bool release)
    {
        // "The" counts on neither side.
        var children = TextDocument.Parse("Weekly roundup\n\nSave the Children said on Thursday that aid must not wait.\n\nContact: Jane Doe, Save the Children, +44 20 555 0100\n");
        Assert.NotNull(IssuerVoice.Find(children, children.NormalizedSpan()));
        var document = TextDocument.Parse($"Aid and the talks\n\nThe Salween Relief Coalition said on Thursday that aid must not wait for the talks.\n\n{line}\n");
        Assert.Equal(release, IssuerVoice.Find(document, document.NormalizedSpan()) is not null);
    }

    [Fact]
    public void A_name_that_said_today_comes_before_the_other_ledes_and_no_name_runs_over_a_line()
    {
        var text = "FOR IMMEDIATE RELEASE\nThe Salween Relief Coalition today welcomed the ruling.\n\nThe Arvand Justice Network said today that the EU must keep its sanctions.";
        var document = TextDocument.Parse(text);
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains("arvand justice network", names);
        Assert.DoesNotContain(names, n => n.Contains("salween", StringComparison.Ordinal));
        var wrapped = TextDocument.Parse("PRESS RELEASE\nNorthern Clinics Trust said today that aid must flow.");
        Assert.Contains("northern clinics trust", IssuerVoice.Find(wrapped, wrapped.NormalizedSpan())!.Names);
        Assert.DoesNotContain(IssuerVoice.Find(wrapped, wrapped.NormalizedSpan())!.Names, n => n.Contains("release", StringComparison.Ordinal));
    }

    [Fact]
    public void The_issuer_speaks_with_today_between_its_name_and_the_reporting_word()
    {
        var text = "Press release\n\nAid must flow, the Northern Clinics Trust said today. The trust today urged donors to keep the clinics open.";
        Assert.Equal(0, AttributionsOf(text, "The trust today"));
        Assert.True(AttributionsOf(text.Replace("Press release\n\n", string.Empty, StringComparison.Ordinal), "The trust today") > 0);
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

    /// <summary>A release that reports more than it argues: the report rule would make its two stance sentences neutral.</summary>
    private const string FactualRelease =
        "PRESS RELEASE\n\n" +
        "Water engineers ask donors to restart pumping stations in Syria's north-east\n\n" +
        "AMMAN, 12 May 2026 — The Euphrates Water Engineers Network said today that eleven pumping stations serving about 400,000 people in north-east Syria have stopped working since January.\n\n" +
        "Spare parts for the stations' generators are held in a warehouse in Iraq, the network said.\n\n" +
        "Engineers from the network visited six of the stations in April and found that their pumps had been idle for weeks.\n\n" +
        "Families in the area now buy water from private tankers at several times the former price.\n\n" +
        "The network said it had written to the donors in March.\n\n" +
        "It asked donors to pay for the spare parts and for the fuel needed to run the stations for the summer.\n\n" +
        "\"Clean water for children cannot be a bargaining chip in anyone's negotiation,\" said Rania Kassem, director of the Euphrates Water Engineers Network.\n\n" +
        "The network has worked in the region since 2019.\n\n" +
        "###\n\n" +
        "Notes to editors\n\n" +
        "The network is an association of engineers working on water systems in the region.\n\n" +
        "Media contact: media@example.org\n";

    [Fact]
    public void A_release_is_its_issuer_s_statement_never_a_report_of_others()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        var release = analyzer.Analyze(FactualRelease);
        Assert.DoesNotContain(release.Sentences.SelectMany(s => s.Evidence), e => e.Cue == CueType.Rule);
        Assert.Equal(DocumentLinkage.AntiLinkage, release.Summary.Linkage);
        // Without its marks it reads as a news report of the network's position.
        var report = analyzer.Analyze(FactualRelease.Replace("PRESS RELEASE\n\n", string.Empty, StringComparison.Ordinal).Replace("###\n\n", string.Empty, StringComparison.Ordinal).Replace("Notes to editors\n\n", string.Empty, StringComparison.Ordinal).Replace("Media contact: media@example.org\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains(report.Sentences.SelectMany(s => s.Evidence), e => e.Cue == CueType.Rule && e.Category == "neutral");
        Assert.Equal(DocumentLinkage.Neutral, report.Summary.Linkage);
    }

    [Theory]
    [InlineData("Euphrates Water Engineers Network", "the network")]
    [InlineData("Northern Clinics Trust", "the trust")]
    [InlineData("Open Press Foundation", "the foundation")]
    public void A_release_calls_its_issuer_by_the_kind_of_body_it_is(string issuer, string generic)
    {
        var text = $"Press release\n\nAid must flow, {issuer} said today.";
        var document = TextDocument.Parse(text);
        Assert.Contains(generic, IssuerVoice.Find(document, document.NormalizedSpan())!.Names);
    }

    [Fact]
    public void A_council_or_committee_is_not_called_by_its_kind_it_may_be_a_public_body()
    {
        var document = TextDocument.Parse("Press release\n\nAid must flow, the Refugee Aid Council said today.");
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains("refugee aid council", names);
        Assert.DoesNotContain("the council", names);
    }

    [Theory]
    // The issuer's person, with "the" before the issuer's name in her role, and her role between
    // her name and the reporting word.
    [InlineData("Ana Lopez, Asia director at the Rights Watchers International, said: “Aid must never be a bargaining chip.”")]
    [InlineData("“Food aid is not a favour,” Ana Lopez, Asia director at Rights Watchers International, said.")]
    [InlineData("Rights Watchers International, which has worked in the region since 2011, said aid must never be a bargaining chip.")]
    public void The_issuer_s_person_speaks_with_her_role_between_name_and_verb(string sentence)
    {
        var text = Release + "\n\n" + sentence;
        Assert.Equal(0, AttributionsOf(text, sentence[..12]));
        Assert.True(AttributionsOf(Body + "\n\n" + sentence, sentence[..12]) > 0);
    }

    [Fact]
    public void A_role_at_another_body_is_still_reported()
    {
        const string sentence = "Ingrid Solberg, an official at the United Nations, said aid must never be a bargaining chip.";
        Assert.True(AttributionsOf(Release + "\n\n" + sentence, "Ingrid") > 0);
    }

    [Theory]
    [InlineData("FOR IMMEDIATE RELEASE")]
    [InlineData("Press Release")]
    [InlineData("-ENDS-")]
    [InlineData("Media contact: Pablo Ibáñez, press@example.org")]
    public void A_release_s_mark_line_takes_no_stance(string mark)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        string[] texts =
        [
            mark + "\n\nFood aid must never be tied to the nuclear talks, Rights Watchers International said today. Tying a child's vaccine to a missile deal does nothing for human rights.\n",
            "Donors should make sanctions relief conditional on the release of political prisoners, Rights Watchers International said today. No relief until the prisons open.\n\n" + mark + "\n",
        ];
        foreach (var text in texts)
        {
            var analysis = analyzer.Analyze(text);
            var line = analysis.Sentences.Single(s => text[s.Start..s.End] == mark);
            Assert.Equal(LinkageStance.None, line.Linkage);
            // A line that is not a mark is read as before.
            Assert.Contains(analysis.Sentences, s => s != line && s.Linkage is LinkageStance.ProLinkage or LinkageStance.AntiLinkage);
        }
    }

    [Theory]
    // Someone else, with the issuer or its person only mentioned in a clause between commas.
    [InlineData("The trade ministry, unlike the group, said aid would resume only after the talks.")]
    [InlineData("A trade official, who disputes Rights Watchers International, said aid would resume only after the talks.")]
    [InlineData("Ingrid Solberg, who criticised the group, said aid would resume only after the talks.")]
    [InlineData("The minister who met Lopez, Ingrid Solberg, said aid would resume only after the talks.")]
    public void Someone_who_only_mentions_the_issuer_is_still_reported(string sentence) =>
        Assert.True(AttributionsOf(Release + "\n\n" + sentence, sentence[..12]) > 0);

    [Fact]
    public void A_person_with_a_role_at_the_issuer_named_with_the_speaks_for_it_later()
    {
        const string text = Release + "\n\n“Aid is no favour,” said Elena Marrero, Europe officer at the Rights Watchers International.\n\nMarrero said the exemptions should take days.";
        var document = TextDocument.Parse(text);
        Assert.Contains("marrero", IssuerVoice.Find(document, document.NormalizedSpan())!.Names);
        Assert.Equal(0, AttributionsOf(text, "Marrero said"));
    }

    [Theory]
    // Not a release: no issuer, so no mark rule.
    [InlineData("Media contact: none yet\n\nFood aid must never be tied to the nuclear talks. Tying a child's vaccine to a missile deal does nothing for human rights.\n", "Media contact: none yet", false)]
    // A release, but the line only opens like a mark.
    [InlineData("Press release\n\nFood aid must never be tied to the nuclear talks, Rights Watchers International said today.\n\nMedia contacts with Pyongyang must be tied to human rights.\n", "Media contacts with Pyongyang must be tied to human rights.", false)]
    // A release, and a sentence that runs on past the mark's line.
    [InlineData("Press release\n\nFood aid must never be tied to the nuclear talks, Rights Watchers International said today.\n\nNotes to editors\nAid must be tied to rights.\n", "Notes to editors\nAid must be tied to rights.", false)]
    [InlineData("Press release\n\nFood aid must never be tied to the nuclear talks, Rights Watchers International said today.\n\nMedia contacts: Ana Lopez\n", "Media contacts: Ana Lopez", true)]
    public void Only_a_release_s_own_mark_line_is_a_mark(string text, string sentence, bool mark)
    {
        var document = TextDocument.Parse(text);
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        int index = Array.FindIndex(document.Sentences.ToArray(), s => text[s.Start..s.End] == sentence);
        Assert.True(index >= 0, sentence);
        Assert.Equal(mark, cues[index].ReleaseMark);
    }

    [Theory]
    [InlineData("Keep food aid out of the nuclear talks, rights group urges", "Keep food", true)]
    [InlineData("Health charity warns against tying vaccines to the talks", "Health charity", true)]
    // After the lede, a group that speaks is another one, unless it is "the group".
    [InlineData("A rival group says aid should wait for the talks.", "A rival group", false)]
    public void A_release_s_headline_is_the_issuer_s_own(string sentence, string opening, bool headline)
    {
        var text = headline
            ? "FOR IMMEDIATE RELEASE\n\n" + sentence + "\n\n" + Body
            : Release + "\n\n" + sentence;
        Assert.Equal(headline ? 0 : 1, AttributionsOf(text, opening));
        // Without a release's mark, the same headline reports a group.
        Assert.True(AttributionsOf(text.Replace("FOR IMMEDIATE RELEASE\n\n", string.Empty, StringComparison.Ordinal).Replace("Media contact: press@example.org", string.Empty, StringComparison.Ordinal), opening) > 0);
    }

    [Fact]
    public void A_release_that_names_its_issuer_by_an_abbreviation_gives_its_full_name_too()
    {
        const string text = "For immediate release\n\n“Forced labour is in the cotton,” said Li Wen, director of the Centre for Supply Chain Accountability (CSCA).\n\n"
            + "The CSCA said on Wednesday that the import bans must stay until the camps close. Li Wen said the bans work.";
        var document = TextDocument.Parse(text);
        var names = IssuerVoice.Find(document, document.NormalizedSpan())!.Names;
        Assert.Contains("centre for supply chain accountability", names);
        Assert.Contains("csca", names);
        Assert.Contains("li wen", names);
        Assert.Equal(0, AttributionsOf(text, "Li Wen said"));
    }

    /// <summary>A newsletter that quotes a coalition's lede, with the weak marks a newsletter ends with.</summary>
    private const string Newsletter =
        "Weekly notes from the Lisbon Policy Forum\n\n"
        + "Aid must not wait for the talks, the Salween Relief Coalition said on Thursday. We think the coalition is right.\n\n"
        + "Contact: editor@example.org\n\n{0}\n\nThe Lisbon Policy Forum is an independent research centre.\n";

    [Theory]
    [InlineData("About the Lisbon Policy Forum", false)]
    [InlineData("About the Salween Relief Coalition", true)]
    [InlineData("About the coalition", true)]
    [InlineData("###", true)]
    public void With_a_lede_other_than_said_today_only_a_release_s_own_marks_or_its_about_heading_make_a_release(string line, bool release)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Newsletter, line);
        var document = TextDocument.Parse(text);
        var voice = IssuerVoice.Find(document, document.NormalizedSpan());
        Assert.Equal(release, voice is not null);
        if (voice is not null)
        {
            Assert.Contains("salween relief coalition", voice.Names);
        }
    }

    private static SentenceCues CuesOf(string text, string sentenceStart)
    {
        var document = TextDocument.Parse(text);
        var cues = new CueExtractor(LexiconSet.Default).ExtractAll(document);
        int index = Array.FindIndex(document.Sentences.ToArray(), s => text[s.Start..].StartsWith(sentenceStart, StringComparison.Ordinal));
        Assert.True(index >= 0, sentenceStart);
        return cues[index];
    }

    [Fact]
    public void The_issuer_speaking_is_the_author_speaking_in_the_first_person_and_its_call_is_normative()
    {
        const string call = "The group called on donors to keep food aid apart from the talks.";
        var release = CuesOf(Release + "\n\n" + call, "The group called");
        Assert.Equal(1, release.FirstPerson);
        Assert.Equal(1, release.Normative);
        var news = CuesOf(Body + "\n\n" + call, "The group called");
        Assert.Equal(0, news.FirstPerson);
        Assert.Equal(0, news.Normative);
        // A statement is first person but no call.
        var said = CuesOf(Release, "The group said");
        Assert.Equal(1, said.FirstPerson);
        Assert.Equal(0, said.Normative);
    }

    [Fact]
    public void The_issuer_s_own_people_s_quotations_are_not_read_as_quotations()
    {
        Assert.False(CuesOf(Release, "“Tying").Quotation);
        Assert.True(CuesOf(Body, "“Tying").Quotation);
        // Someone else's quotation in a release still is one.
        const string other = "“Aid will wait for the talks,” the foreign minister said.";
        Assert.True(CuesOf(Release + "\n\n" + other, "“Aid will").Quotation);
    }

    [Theory]
    // Lines that other documents have too: a news report's credit, an op-ed's editor's note, a speech's embargo.
    [InlineData("Sanctions talks resume\n\nThe Salween Relief Coalition said on Monday that aid must not wait for the talks.\n\nMedia: This report was produced with support from the Lisbon Press Foundation.\n")]
    [InlineData("Editor's note: The author is a senior fellow at the Lisbon Policy Forum. The views are her own.\n\nThe Salween Relief Coalition said on Monday that aid must not wait for the talks.\n")]
    [InlineData("EMBARGOED UNTIL DELIVERY\n\nMr President, the Salween Relief Coalition said on Monday that aid must not wait for the talks.\n")]
    public void Weak_marks_alone_do_not_make_a_release_of_a_day_s_lede(string text)
    {
        var document = TextDocument.Parse(text);
        Assert.Null(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    [InlineData("About the Zagros Justice Centre (ZJC)", "The Zagros Justice Centre said on Tuesday that the executions must stop.")]
    [InlineData("About the network", "The Network for Children of the Coast today published a study of school meals.")]
    [InlineData("About the Centre for Supply Chain Accountability", "The Centre for Supply Chain Accountability (CSCA) has tracked cotton for years. The CSCA said on Wednesday that the bans must stay.")]
    public void An_about_heading_names_the_issuer_by_any_of_its_names(string heading, string lede)
    {
        var document = TextDocument.Parse($"Trade talks\n\n{lede}\n\nContact: press@example.org\n\n{heading}\n");
        Assert.NotNull(IssuerVoice.Find(document, document.NormalizedSpan()));
    }

    [Theory]
    [InlineData("The Article 25 Coalition on Friday called on donors to keep food aid apart from the talks.", 1)]
    [InlineData("The Water & Sanitation Alliance said in a statement that the pumps must never be a bargaining chip.", 0)]
    public void The_lede_itself_is_the_author_speaking(string lede, int normative)
    {
        var text = "FOR IMMEDIATE RELEASE\n\n" + lede + " The group said the delays cost lives.";
        var cues = CuesOf(text, lede[..12]);
        Assert.Equal(0, cues.Attribution);
        Assert.Equal(1, cues.FirstPerson);
        Assert.True(cues.Normative >= normative);
    }

    [Theory]
    // Someone else speaking to or about the issuer.
    [InlineData("The ministry urged the group to stop its campaign.")]
    [InlineData("The minister told the coalition that sanctions must stay.")]
    [InlineData("The minister said the group called for violence.")]
    public void Someone_who_speaks_to_or_about_the_issuer_is_not_the_issuer(string sentence)
    {
        var cues = CuesOf(Release + "\n\n" + sentence, sentence[..12]);
        Assert.Equal(0, cues.FirstPerson);
        Assert.True(cues.Attribution > 0);
    }

    [Theory]
    // Reporting words of the cue lexicon that report no one ("says nothing", "no say") or someone
    // in a clause ("according to a UN commission") leave the issuer's voice the author's.
    [InlineData("“A deal that says nothing about the prisoners would be a betrayal,” said Ana Lopez, Asia director at Rights Watchers International.")]
    [InlineData("“A mother has no say over the sanctions, and she should not pay for them,” said Ana Lopez, Asia director at Rights Watchers International.")]
    [InlineData("The group called on the Council to keep the travel bans on officials who, according to a UN commission, ran the camps.")]
    public void The_issuer_s_voice_stays_the_author_s_beside_other_reporting_words(string sentence)
    {
        var cues = CuesOf(Release + "\n\n" + sentence, sentence[..12]);
        Assert.Equal(1, cues.FirstPerson);
        Assert.False(cues.Quotation);
    }

    [Fact]
    public void An_appositive_s_issuer_speaks_and_a_sentence_s_comma_is_no_appositive()
    {
        const string text = "FOR IMMEDIATE RELEASE\n\nThe Medicines Access Alliance (MAA), a coalition of 41 health charities, today called on the negotiators to keep medicine off the table. The alliance has also urged donors to act.";
        var cues = CuesOf(text, "The Medicines");
        Assert.Equal(0, cues.Attribution);
        Assert.Equal(1, cues.FirstPerson);
        Assert.Equal(1, CuesOf(text, "The alliance has").FirstPerson);
        // An appositive with commas of its own, in the lede and later.
        const string commas = "FOR IMMEDIATE RELEASE\n\nThe Medicines Access Alliance (MAA), a coalition of health charities, clinics and unions, today called on the negotiators to keep medicine off the table. The alliance, which runs clinics in Hrodna, Brest and Pinsk, called on donors to act.";
        Assert.Equal(1, CuesOf(commas, "The Medicines").FirstPerson);
        Assert.Equal(1, CuesOf(commas, "The alliance,").FirstPerson);
        Assert.Equal(0, CuesOf(commas, "The alliance,").Attribution);
        // A comma that closes a clause, not an appositive, leaves no name before it.
        var clause = TextDocument.Parse("FOR IMMEDIATE RELEASE\n\nIn Geneva, Rights Watchers International, after the talks collapsed, today called on the negotiators to keep medicine off the table.");
        Assert.Null(IssuerVoice.Find(clause, clause.NormalizedSpan()));
    }
}
