using PolicyText.Evaluation;

namespace PolicyText.Tests.Text;

/// <summary>Each behaviour of the segmenter, in sentences written for this project.</summary>
public class SentenceSegmenterTests
{
    private static string Split(string text) => string.Join(" | ", SegmenterEvaluation.Split(text));

    [Theory]
    // Plain terminal punctuation.
    [InlineData("Aid arrived. Talks stalled.", "Aid arrived. | Talks stalled.")]
    [InlineData("Will talks resume? Nobody knows!", "Will talks resume? | Nobody knows!")]
    [InlineData("Really?! Yes.", "Really?! | Yes.")]
    // Full-width and ideographic forms, as text from Chinese, Japanese and Korean sources writes them.
    [InlineData("Talks stalled？ Nobody knows！ It is over。 Done｡ Next", "Talks stalled？ | Nobody knows！ | It is over。 | Done｡ | Next")]
    // A full-width full stop is not read as a period (full-width abbreviations are not recognised either).
    [InlineData("Ｄｒ． Ｐａｒｋ ｓａｉｄ ｎｏ．", "Ｄｒ． Ｐａｒｋ ｓａｉｄ ｎｏ．")]
    // A lower-case word after "!" or "?" continues the sentence.
    [InlineData("The group Act Now! called for calm.", "The group Act Now! called for calm.")]
    public void Splits_at_terminal_punctuation(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Dr. Han met Sen. Marsh on Jan. 14 in Seoul.", "Dr. Han met Sen. Marsh on Jan. 14 in Seoul.")]
    [InlineData("Aid from the U.S. Agency for Development grew.", "Aid from the U.S. Agency for Development grew.")]
    [InlineData("Funding came from the U.S. The U.N. followed.", "Funding came from the U.S. | The U.N. followed.")]
    [InlineData("The report by Kim J. Park was cited.", "The report by Kim J. Park was cited.")]
    [InlineData("Food, fuel, medicine, etc. These were scarce.", "Food, fuel, medicine, etc. | These were scarce.")]
    [InlineData("She joined Hanil Co. Later she left.", "She joined Hanil Co. | Later she left.")]
    [InlineData("The vote is at 3 p.m. on Friday.", "The vote is at 3 p.m. on Friday.")]
    [InlineData("It ended at 5 p.m. We left.", "It ended at 5 p.m. | We left.")]
    [InlineData("See p. 12 of the report.", "See p. 12 of the report.")]
    // A capitalised title after a hyphen is the title ("then-Sen."); a listed word in lower case
    // ends an ordinary compound ("op-ed", "ed" being listed for "ed.").
    [InlineData("He met then-Sen. Joe Biden to discuss sanctions.", "He met then-Sen. Joe Biden to discuss sanctions.")]
    [InlineData("Then-Gov. Cuomo agreed.", "Then-Gov. Cuomo agreed.")]
    [InlineData("It was an op-ed. Somewhere else.", "It was an op-ed. | Somewhere else.")]
    [InlineData("The chips are next-gen. Sanctions bite.", "The chips are next-gen. | Sanctions bite.")]
    // More sentence starters after an initialism or an `other` abbreviation.
    [InlineData("Aid came from the U.S. Both houses agreed.", "Aid came from the U.S. | Both houses agreed.")]
    [InlineData("The vote was at 9 a.m. Despite the rain, many came.", "The vote was at 9 a.m. | Despite the rain, many came.")]
    [InlineData("It began in Jan. Today it is over.", "It began in Jan. | Today it is over.")]
    // Military and other titles; a company's second suffix continues its name.
    [InlineData("Manning was held in the brig. The UN rapporteur called it torture.", "Manning was held in the brig. | The UN rapporteur called it torture.")]
    [InlineData("She met Mme. Lagarde and Asst. Secretary Hall.", "She met Mme. Lagarde and Asst. Secretary Hall.")]
    [InlineData("It bought Samsung Electronics Co. Ltd. The deal failed.", "It bought Samsung Electronics Co. Ltd. | The deal failed.")]
    // A listed word in capitals before a sentence starter is an acronym that ends the sentence; before a name it is the title.
    [InlineData("According to the FT. The paper said so.", "According to the FT. | The paper said so.")]
    [InlineData("According to the FT. A new report followed.", "According to the FT. | A new report followed.")]
    [InlineData("According to the FT.\n\u201CThe deal is off,\u201D it said.", "According to the FT. | \u201CThe deal is off,\u201D it said.")]
    [InlineData("The talks start at 10 a.m. EST. The delegates must attend.", "The talks start at 10 a.m. EST. | The delegates must attend.")]
    [InlineData("Remarks by MR. Kim at the session.", "Remarks by MR. Kim at the session.")]
    [InlineData("He moved to ST. Louis in 2010.", "He moved to ST. Louis in 2010.")]
    [InlineData("DR. Mukwege received the prize.", "DR. Mukwege received the prize.")]
    [InlineData("MR. KIM SPOKE FIRST. He left.", "MR. KIM SPOKE FIRST. | He left.")]
    // A letter after a degree sign is a unit, not an initial.
    [InlineData("The temperature fell to -20°C. Children froze in the camps.", "The temperature fell to -20°C. | Children froze in the camps.")]
    // "no." ends a sentence unless a number follows ("Law No. 10").
    [InlineData("The Prosecutor v. Lubanga, Case No. ICC-01/04-01/06, was the first trial.", "The Prosecutor v. Lubanga, Case No. ICC-01/04-01/06, was the first trial.")]
    [InlineData("Protocol No. XII to the Convention applies.", "Protocol No. XII to the Convention applies.")]
    [InlineData("Decree No.\n5 conditioned aid.", "Decree No.\n5 conditioned aid.")]
    [InlineData("Say no. I refuse.", "Say no. | I refuse.")]
    [InlineData("The answer was no. G7 leaders disagreed.", "The answer was no. | G7 leaders disagreed.")]
    [InlineData("The board voted no. ICC judges were not consulted.", "The board voted no. | ICC judges were not consulted.")]
    [InlineData("Will donors pay? No. P5 members blocked it.", "Will donors pay? | No. | P5 members blocked it.")]
    [InlineData("Law No. (8) of 2016 applies.", "Law No. (8) of 2016 applies.")]
    [InlineData("Say no. (2) Rights are violated.", "Say no. | (2) Rights are violated.")]
    [InlineData("Remarks by MR. A. Kim at the session.", "Remarks by MR. A. Kim at the session.")]
    [InlineData("The rules rarely said no. Almost every regime has exemptions.", "The rules rarely said no. | Almost every regime has exemptions.")]
    [InlineData("Under Law No. 10 their land was taken.", "Under Law No. 10 their land was taken.")]
    public void Handles_abbreviations_and_initials(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Growth was 3.5 percent. Prices rose.", "Growth was 3.5 percent. | Prices rose.")]
    [InlineData("It cost $2.75 per meal.", "It cost $2.75 per meal.")]
    [InlineData("They pledged $4.5. Then nothing came.", "They pledged $4.5. | Then nothing came.")]
    public void Keeps_decimals_whole(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Aid stopped... Then it resumed.", "Aid stopped... | Then it resumed.")]
    [InlineData("Aid stopped... and then resumed.", "Aid stopped... and then resumed.")]
    [InlineData("Aid stopped…and resumed.", "Aid stopped…and resumed.")]
    [InlineData("The envoy said the talks were . . . productive.", "The envoy said the talks were . . . productive.")]
    [InlineData("The talks failed. . . . Nobody was surprised.", "The talks failed. | . . . Nobody was surprised.")]
    [InlineData("He paused . . . . The room waited.", "He paused . . . . | The room waited.")]
    [InlineData("The letter said “rights [...] matter” (p. 4).", "The letter said “rights [...] matter” (p. 4).")]
    public void Handles_ellipses(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("He said, “Aid must flow.” Others disagreed.", "He said, “Aid must flow.” | Others disagreed.")]
    [InlineData("“Aid must flow,” he said. “Now.”", "“Aid must flow,” he said. | “Now.”")]
    [InlineData("“Aid must flow.” he insisted.", "“Aid must flow.” he insisted.")]
    [InlineData("The fund (set up in 2019.) pays for wells.", "The fund (set up in 2019.) pays for wells.")]
    [InlineData("Food is scarce. (The harvest failed.) Prices rose.", "Food is scarce. | (The harvest failed.) | Prices rose.")]
    // A quoted question or exclamation keeps its attribution (a name, then a reporting verb); a new sentence does not.
    [InlineData("“Why should food wait for a summit?” Kim asked. Nobody answered.", "“Why should food wait for a summit?” Kim asked. | Nobody answered.")]
    [InlineData("“Release them now!” Amnesty International said in a statement.", "“Release them now!” Amnesty International said in a statement.")]
    [InlineData("“Is this diplomacy?” Sen. Marsh asked.", "“Is this diplomacy?” Sen. Marsh asked.")]
    [InlineData("“Why wait?” Kim told reporters on Monday.", "“Why wait?” Kim told reporters on Monday.")]
    [InlineData("“Is this diplomacy?” Critics said it was not.", "“Is this diplomacy?” | Critics said it was not.")]
    [InlineData("“What now?” The question haunts us.", "“What now?” | The question haunts us.")]
    [InlineData("Will sanctions work? Experts say no.", "Will sanctions work? | Experts say no.")]
    [InlineData("\u201CWe will not leave!\u201D Mr. Kim told reporters that afternoon.", "\u201CWe will not leave!\u201D Mr. Kim told reporters that afternoon.")]
    [InlineData("\u201CStop!\u201D Amnesty International said in a statement that was released on Monday.", "\u201CStop!\u201D Amnesty International said in a statement that was released on Monday.")]
    [InlineData("Residents asked: \u201CWhere is the aid?\u201D Officials said on Monday that deliveries would resume.", "Residents asked: \u201CWhere is the aid?\u201D | Officials said on Monday that deliveries would resume.")]
    [InlineData("He shouted \u201CEnough!\u201D The Police said later that no one was hurt.", "He shouted \u201CEnough!\u201D | The Police said later that no one was hurt.")]
    public void Handles_quotations_and_brackets(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    // A footnote mark attached after the end goes with the sentence it ends.
    [InlineData("Half lack food.[1] Clinics ran out.", "Half lack food.[1] | Clinics ran out.")]
    [InlineData("Half lack food.[12][13] Clinics ran out.", "Half lack food.[12][13] | Clinics ran out.")]
    [InlineData("Half lack food.[a] Clinics ran out.", "Half lack food.[a] | Clinics ran out.")]
    [InlineData("“Half lack food.”[2] Clinics ran out.", "“Half lack food.”[2] | Clinics ran out.")]
    [InlineData("Half lack food.\u00B9 Clinics ran out.", "Half lack food.\u00B9 | Clinics ran out.")]
    [InlineData("Half lack food.\u00B9\u2070 Clinics ran out.", "Half lack food.\u00B9\u2070 | Clinics ran out.")]
    [InlineData("It came from the U.S.[3] The U.N. followed.", "It came from the U.S.[3] | The U.N. followed.")]
    [InlineData("Half lack food.1 Clinics ran out.2 Prices rose.", "Half lack food.1 | Clinics ran out.2 | Prices rose.")]
    [InlineData("Half lack food.12 and water.", "Half lack food.12 and water.")]
    [InlineData("Growth was 2024.3 Then it fell.", "Growth was 2024.3 Then it fell.")]
    [InlineData("It is under Art.5 NATO acts together.", "It is under Art.5 NATO acts together.")]
    // Several notes at once: numbers joined by commas or dashes, attached or in brackets.
    [InlineData("Half lack food.3,4 Clinics ran out.", "Half lack food.3,4 | Clinics ran out.")]
    [InlineData("Half lack food.3\u20135 Clinics ran out.", "Half lack food.3\u20135 | Clinics ran out.")]
    [InlineData("Half lack food.3-5 Clinics ran out.", "Half lack food.3-5 | Clinics ran out.")]
    [InlineData("Half lack food.[3\u20135] Clinics ran out.", "Half lack food.[3\u20135] | Clinics ran out.")]
    [InlineData("Half lack food.[3, 4] Clinics ran out.", "Half lack food.[3, 4] | Clinics ran out.")]
    [InlineData("It was 2019.[2019] Then it fell.", "It was 2019.[2019] | Then it fell.")]
    [InlineData("Half lack food.[3,] Clinics ran out.", "Half lack food.[3,] Clinics ran out.")]
    // The next word still decides, and only a short mark in brackets counts.
    [InlineData("Half lack food.[1] and water.", "Half lack food.[1] and water.")]
    [InlineData("Half lack food.[1]", "Half lack food.[1]")]
    [InlineData("Half lack food.[citation needed] Clinics ran out.", "Half lack food.[citation needed] Clinics ran out.")]
    [InlineData("Half lack food.[...] Clinics ran out.", "Half lack food.[...] Clinics ran out.")]
    [InlineData("A cut [1] is due. Clinics ran out.", "A cut [1] is due. | Clinics ran out.")]
    public void Keeps_footnote_marks_with_their_sentence(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Demands: 1. Access for monitors 2. Release of detainees", "Demands: | 1. Access for monitors | 2. Release of detainees")]
    [InlineData("1) Food aid. 2) Clean water.", "1) Food aid. | 2) Clean water.")]
    [InlineData("a. Food b. Water c. Medicine", "a. Food | b. Water | c. Medicine")]
    [InlineData("• Food first • Water next", "• Food first | • Water next")]
    [InlineData("◦ Food first ◦ Water next", "◦ Food first | ◦ Water next")]
    [InlineData("Needs:\n- food\n- water", "Needs: | - food | - water")]
    // Bare numbers that open lines before a capital, in sequence, are a list (notes).
    [InlineData("Notes\n1 See Rahimi (2021): 33-58.\n2 Joint Plan, Vienna, 2015.\n3 Annual Report, p. 7.", "Notes | 1 See Rahimi (2021): 33-58. | 2 Joint Plan, Vienna, 2015. | 3 Annual Report, p. 7.")]
    [InlineData("They killed\n12 people in March and\n13 more in April.", "They killed\n12 people in March and\n13 more in April.")]
    [InlineData("The talks stalled in\n2 Rounds.", "The talks stalled in\n2 Rounds.")]
    [InlineData("It said 1 Korea and 2 Koreas.", "It said 1 Korea and 2 Koreas.")]
    // A lone number before a period is not a list.
    [InlineData("The vote was 52. Then they left.", "The vote was 52. | Then they left.")]
    // A marker in brackets after a sentence's end opens the next item; brackets that hold more do not.
    [InlineData("(1) Aid is blocked. (2) Rights are violated.", "(1) Aid is blocked. | (2) Rights are violated.")]
    [InlineData("The Council:\n(a) Condemns the violations.\n(b) Urges access for aid.", "The Council:\n(a) Condemns the violations. | (b) Urges access for aid.")]
    [InlineData("See the annex. (iv) Access for monitors.", "See the annex. | (iv) Access for monitors.")]
    [InlineData("Growth was 3.5 percent. (See below.)", "Growth was 3.5 percent. | (See below.)")]
    [InlineData("Aid was cut. (2020 was worse.)", "Aid was cut. (2020 was worse.)")]
    [InlineData("Aid was cut. (b)(2) applies.", "Aid was cut. (b)(2) applies.")]
    [InlineData("The parties agreed [...] (a) to cooperate and (b) to report.", "The parties agreed [...] (a) to cooperate and (b) to report.")]
    [InlineData("Aid was blocked... (2) Rights are violated.", "Aid was blocked... | (2) Rights are violated.")]
    // The bullets word processors use.
    [InlineData("Donors should:\n\u25A0 Delink aid from talks\n\u25A0 Monitor distribution", "Donors should: | \u25A0 Delink aid from talks | \u25A0 Monitor distribution")]
    [InlineData("\u27A2 Food first \u27A2 Water next", "\u27A2 Food first | \u27A2 Water next")]
    public void Handles_list_items(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Write to info@example.org. We reply.", "Write to info@example.org. | We reply.")]
    [InlineData("Read it at https://example.org/a.b?x=1. It is short.", "Read it at https://example.org/a.b?x=1. | It is short.")]
    [InlineData("Visit www.example.org for details.", "Visit www.example.org for details.")]
    public void Handles_emails_and_urls(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("A Headline Without a Period\n\nThe body begins here.", "A Headline Without a Period | The body begins here.")]
    [InlineData("A sentence that wraps\nonto a second line.", "A sentence that wraps\nonto a second line.")]
    [InlineData("# Heading\nBody text.", "# Heading | Body text.")]
    [InlineData("Para one\r\n\r\nPara two", "Para one | Para two")]
    public void Splits_at_blank_lines_and_headings(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    // A line in capitals of at most eight words is a heading, wherever it stands.
    [InlineData("BACKGROUND\nThe council imposed sanctions.", "BACKGROUND | The council imposed sanctions.")]
    [InlineData("Aid resumed.\n\nKEY FINDINGS OF THE MISSION\nMost clinics had closed.", "Aid resumed. | KEY FINDINGS OF THE MISSION | Most clinics had closed.")]
    [InlineData("FOR IMMEDIATE RELEASE\nGroups urge donors to act", "FOR IMMEDIATE RELEASE | Groups urge donors to act")]
    [InlineData("KEY FINDINGS\nUN agencies found gaps.", "KEY FINDINGS | UN agencies found gaps.")]
    // A short, mostly capitalized line that opens a block, before a capital or a digit, is a title or a byline.
    [InlineData("By Jane Q. Writer\nNov. 3, 2026\n\nThe talks failed.", "By Jane Q. Writer | Nov. 3, 2026 | The talks failed.")]
    [InlineData("Aid resumed.\n\nOpinion\nSupported by readers", "Aid resumed. | Opinion | Supported by readers")]
    // Wrapped prose stays whole: a line in lower case, a long line, a line that does not open
    // a block, a line that ends in punctuation, or a next line in lower case.
    [InlineData("The talks that began in\nGeneva have stalled.", "The talks that began in\nGeneva have stalled.")]
    [InlineData("The report says aid\nShould flow.", "The report says aid\nShould flow.")]
    [InlineData("Aid resumed in March when the United Nations And\nThe Red Cross agreed.", "Aid resumed in March when the United Nations And\nThe Red Cross agreed.")]
    [InlineData("Aid resumed.\nKim Jong Un\nMet the envoy.", "Aid resumed. | Kim Jong Un\nMet the envoy.")]
    [InlineData("By Jane Writer,\nA fellow.", "By Jane Writer,\nA fellow.")]
    [InlineData("By Jane Writer\nand her colleagues.", "By Jane Writer\nand her colleagues.")]
    [InlineData("THE COUNCIL AND THE GENERAL ASSEMBLY HAVE BOTH NOW ASKED\nFOR ACCESS.", "THE COUNCIL AND THE GENERAL ASSEMBLY HAVE BOTH NOW ASKED\nFOR ACCESS.")]
    // A line in capitals inside a sentence, or before a line in lower case, is not a heading.
    [InlineData("Sanctions imposed by the\nUN AND EU\nwere lifted.", "Sanctions imposed by the\nUN AND EU\nwere lifted.")]
    [InlineData("Aid resumed.\nUN AND EU\nwere pleased.", "Aid resumed. | UN AND EU\nwere pleased.")]
    [InlineData("THE ENVOY SAID\nTHE TALKS WOULD\nRESUME SOON.", "THE ENVOY SAID\nTHE TALKS WOULD\nRESUME SOON.")]
    // A short capitalized first line is a title only when the next line ends the block.
    [InlineData("The UN Security\nCouncil met on Monday\nand decided nothing.", "The UN Security\nCouncil met on Monday\nand decided nothing.")]
    [InlineData("Amnesty International and\nHuman Rights Watch said\nthe talks failed.", "Amnesty International and\nHuman Rights Watch said\nthe talks failed.")]
    public void Splits_after_a_title_or_heading_line(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("II. Background\nThe council met in May.", "II. Background | The council met in May.")]
    [InlineData("Aid fell.\n\nIII. Findings\n\nFamilies need food.", "Aid fell. | III. Findings | Families need food.")]
    [InlineData("Summary\n\n4. Recommendations\n\nDonors should act.", "Summary | 4. Recommendations | Donors should act.")]
    [InlineData("Aid fell.\n\n12. Donors must act now.", "Aid fell. | 12. Donors must act now.")]
    [InlineData("\u201CAid fell.\u201D\nXIV. Donors\n\nThey must act.", "\u201CAid fell.\u201D | XIV. Donors | They must act.")]
    [InlineData("Intro text.\n\n## 4. Recommendations\n\nDonors should act.", "Intro text. | ## 4. Recommendations | Donors should act.")]
    [InlineData("Intro text.\n\n**II. Background**\n\nThe council met.", "Intro text. | **II. Background** | The council met.")]
    [InlineData("Q. What is the plan?\nA. The plan is aid.", "Q. What is the plan? | A. The plan is aid.")]
    // A heading after a single line break still runs into its paragraph (docs/segmentation.md), with its marker.
    [InlineData("Policy brief.\nA. The problem\nFamilies need food.", "Policy brief. | A. The problem\nFamilies need food.")]
    // Not a heading: wrapped prose, a number after a period and a line break, a marker inside a line.
    [InlineData("The war ended after World War\nII. The aftermath was long.", "The war ended after World War\nII. | The aftermath was long.")]
    [InlineData("1. Donors should restore funding to\nWFP programmes in the north.", "1. Donors should restore funding to\nWFP programmes in the north.")]
    [InlineData("The total was\n4. The next year it rose.", "The total was\n4. | The next year it rose.")]
    [InlineData("See p.\n55. The next page.", "See p.\n55. | The next page.")]
    [InlineData("The method is described in para.\n80. The Committee also noted the gap.", "The method is described in para.\n80. | The Committee also noted the gap.")]
    [InlineData("The Committee is concerned.\n8. The Committee regrets that\nIsrael has not replied.", "The Committee is concerned.\n8. | The Committee regrets that\nIsrael has not replied.")]
    [InlineData("On Tuesday the talks ended.\nV. Putin met with\nXi Jinping in Moscow.", "On Tuesday the talks ended. | V. Putin met with\nXi Jinping in Moscow.")]
    [InlineData("Aid fell. 4. Donors must act.", "Aid fell. 4. | Donors must act.")]
    public void Keeps_a_numbered_or_lettered_heading_marker_that_opens_a_line(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("The talks collapsed.Sanctions must be tied to human rights.", "The talks collapsed. | Sanctions must be tied to human rights.")]
    [InlineData("\u201CThe talks collapsed.\u201DSanctions must stay.", "\u201CThe talks collapsed.\u201D | Sanctions must stay.")]
    [InlineData("Why wait?Sanctions must go.", "Why wait? | Sanctions must go.")]
    [InlineData("KEY FINDINGS\fSanctions must be tied to human rights.", "KEY FINDINGS | Sanctions must be tied to human rights.")]
    // Not glued sentences: a domain, an initialism, a degree, a name, identifiers, a page break inside a sentence.
    [InlineData("Visit www.Example.org now. It helps.", "Visit www.Example.org now. | It helps.")]
    [InlineData("Yahoo!Finance reported it.", "Yahoo!Finance reported it.")]
    [InlineData("Call Console.WriteLine and Amazon.Com here.", "Call Console.WriteLine and Amazon.Com here.")]
    [InlineData("The state shall\n\fprotect the rights of workers.", "The state shall\n\fprotect the rights of workers.")]
    [InlineData("The U.S.Government acted.", "The U.S.Government acted.")]
    [InlineData("He has a Ph.D. Then he left.", "He has a Ph.D. | Then he left.")]
    public void Splits_sentences_glued_where_a_paragraph_break_was_lost(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    // Invisible characters (a zero-width space, direction marks, a word joiner, U+FEFF) between
    // tokens: the split is the one of the text without them.
    [InlineData("He said \u201CThe talks failed.\u200F\u201D", "He said \u201CThe talks failed.\u200F\u201D")]
    [InlineData("We left.\u200B\u201D Then it rained.", "We left.\u200B\u201D | Then it rained.")]
    [InlineData("\u201CWhy?\u200E\u201D Kim asked.", "\u201CWhy?\u200E\u201D Kim asked.")]
    [InlineData("The talks failed.\u2060\u00B9 Then he left.", "The talks failed.\u2060\u00B9 | Then he left.")]
    [InlineData("Food is scarce.\u200E[3] Aid helps.", "Food is scarce.\u200E[3] | Aid helps.")]
    [InlineData("the right\n\uFEFF\fto food is key.", "the right\n\uFEFF\fto food is key.")]
    [InlineData("Protocol No. XII\u200E applies here.", "Protocol No. XII\u200E applies here.")]
    [InlineData("Protocol \u200ENo. XII applies here.", "Protocol \u200ENo. XII applies here.")]
    [InlineData("The talks collapsed.The\u200Btalks began.", "The talks collapsed. | The\u200Btalks began.")]
    [InlineData("It was scarce.3\u200BThat is all.", "It was scarce.3 | That is all.")]
    [InlineData("See https://example.org/report.\u200E Then the talks resumed.", "See https://example.org/report. | Then the talks resumed.")]
    public void Reads_invisible_characters_between_tokens_as_the_text_without_them(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_has_no_sentences(string text) => Assert.Empty(SegmenterEvaluation.Split(text));

    [Fact]
    public void Text_without_terminal_punctuation_is_one_sentence() =>
        Assert.Equal("no period here", Split("  no period here  "));
}
