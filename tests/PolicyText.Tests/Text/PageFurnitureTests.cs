using PolicyText.Text;

namespace PolicyText.Tests.Text;

/// <summary>
/// Text extracted from a PDF with its page breaks as form feeds (pdftotext) holds page numbers,
/// running heads and footers at each page's edge: they are read as white space
/// (<see cref="TextDocument.PageFurniture"/>), and a sentence that runs on over a page is one sentence.
/// </summary>
public class PageFurnitureTests
{
    private const string ThreePages =
        "Tying human rights to the nuclear talks has failed for two decades, and it will fail again if the\n" +
        "\n" +
        "Korea Policy Brief | March 2025\n" +
        "\n" +
        "7\n" +
        "\f" +
        "Humanitarian Cooperation First\n" +
        "\n" +
        "negotiators keep treating rights as a bargaining chip. Aid should flow regardless of politics.\n" +
        "\n" +
        "Korea Policy Brief | March 2025\n" +
        "\n" +
        "8\n" +
        "\f" +
        "Humanitarian Cooperation First\n" +
        "\n" +
        "The regime must also free its political prisoners.\n" +
        "\n" +
        "Korea Policy Brief | March 2025\n" +
        "\n" +
        "9\n" +
        "\f";

    private static string[] SentenceTexts(TextDocument document) =>
        [.. document.Sentences.ToArray().Select(s => string.Join(' ', s.GetTokens(document.Tokens).ToArray().Select(t => t.GetText(document.Text).ToString())))];

    private static string[] Furniture(TextDocument document) =>
        [.. document.PageFurniture.Select(f => document.Text[f.Start..f.End])];

    [Fact]
    public void Page_numbers_running_heads_and_footers_are_skipped_and_sentences_run_on_over_pages()
    {
        var document = TextDocument.Parse(ThreePages);
        Assert.Equal(
            [
                "Tying human rights to the nuclear talks has failed for two decades , and it will fail again if the negotiators keep treating rights as a bargaining chip .",
                "Aid should flow regardless of politics .",
                "The regime must also free its political prisoners .",
            ],
            SentenceTexts(document));
        Assert.Equal(
            [
                "Korea Policy Brief | March 2025", "7", "Humanitarian Cooperation First",
                "Korea Policy Brief | March 2025", "8", "Humanitarian Cooperation First",
                "Korea Policy Brief | March 2025", "9",
            ],
            Furniture(document));

        // The offsets are the source's: the sentence's span holds the furniture, its tokens do not.
        var first = document.Sentences[0];
        Assert.Contains("Korea Policy Brief", first.GetText(document.Text).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(document.Tokens.ToArray(), t => t.GetText(document.Text).SequenceEqual("Korea"));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("- 7 -")]
    [InlineData("\u2014 12 \u2014")]
    [InlineData("[7]")]
    [InlineData("Page 7")]
    [InlineData("PAGE 7 of 12")]
    [InlineData("p. 7")]
    [InlineData("7/12")]
    [InlineData("Page 1024")]
    [InlineData("vii")]
    [InlineData("XIV")]
    [InlineData("Policy Brief | 7")]
    [InlineData("Korea Policy Brief | March 2025        7")]
    [InlineData("12 \u2022 Korea Policy Brief")]
    [InlineData("7\tKorea Policy Brief")]
    public void Page_numbers_are_read_as_furniture(string line) => Assert.True(PageLayout.IsPageNumberLine(line));

    [Theory]
    [InlineData("The talks failed.")]
    [InlineData("Section 7 of the act")]
    [InlineData("12345")]
    [InlineData("civil")]
    [InlineData("mix")]
    [InlineData("xxxx")]
    [InlineData("Policy Brief | 2025")]
    [InlineData("2024")]
    [InlineData("24/7")]
    [InlineData("2024/25")]
    [InlineData("In 2024, 7")]
    [InlineData("| 7 |")]
    public void Other_lines_are_not_page_numbers(string line) => Assert.False(PageLayout.IsPageNumberLine(line));

    [Fact]
    public void A_line_of_text_at_a_page_break_is_read()
    {
        // Once only, and no page number: the heading and the first line are text.
        const string text = "The sanctions stayed.\n\fRecommendations\n\nThe 2024 budget cut food aid by 30 percent.\n";
        var document = TextDocument.Parse(text);
        Assert.Empty(document.PageFurniture);
        Assert.Equal(["The sanctions stayed .", "Recommendations", "The 2024 budget cut food aid by 30 percent ."], SentenceTexts(document));
    }

    [Fact]
    public void A_running_head_is_found_only_when_it_repeats()
    {
        const string once = "Aid stopped in May.\n\fAsia Rights Monitor\n\nThe clinics closed.\n";
        Assert.Empty(TextDocument.Parse(once).PageFurniture);

        const string twice = "Aid stopped in May.\n\fAsia Rights Monitor\n\nThe clinics closed.\n\fAsia Rights Monitor\n\nThe wells ran dry.\n";
        Assert.Equal(["Asia Rights Monitor", "Asia Rights Monitor"], Furniture(TextDocument.Parse(twice)));
    }

    [Fact]
    public void Only_the_lines_at_the_page_edge_are_furniture()
    {
        // "12" is a page number only at the edge: above it a line of text, which stops the search.
        const string text = "Food prices rose by\n12\npercent in the north.\n\n3\n\fThe talks resumed.";
        var document = TextDocument.Parse(text);
        Assert.Equal(["3"], Furniture(document));
        Assert.Equal(["Food prices rose by 12 percent in the north .", "The talks resumed ."], SentenceTexts(document));
    }

    [Fact]
    public void Blank_lines_after_a_sentence_at_a_page_break_without_furniture_end_the_paragraph()
    {
        // A page that ends a sentence and a blank line, with no page number: the next page may
        // start a paragraph, and the break is left as it is.
        const string text = "The sanctions stayed.\n\n\fThe clinics closed.";
        var document = TextDocument.Parse(text);
        Assert.Empty(document.PageFurniture);
        Assert.Equal(2, document.Sentences.Length);
        Assert.True(document.Tokens[^4].FollowsBlankLine);

        // Without the sentence's end, or before lower case, the blank line is the page's: one sentence.
        Assert.Single(TextDocument.Parse("The sanctions stayed in\n\n\fplace for years.").Sentences.ToArray());
        Assert.Single(TextDocument.Parse("The exemption does not stop at the U.N.\n\n7\n\n\flevel in Geneva.").Sentences.ToArray());
    }

    [Fact]
    public void A_page_that_ends_a_sentence_keeps_its_paragraph_break()
    {
        // pdftotext writes blank lines at every page's foot, so after a sentence's end they may
        // end a paragraph: kept, with or without furniture.
        foreach (var text in new[] { "The sanctions stayed.\n\n7\n\n\fAid should flow.\n\nThe talks failed.", "The sanctions stayed.\n\n\fAid should flow.\n\nThe talks failed." })
        {
            var document = TextDocument.Parse(text);
            Assert.Equal([0, 1, 2], PolicyText.Models.SentenceFeaturizer.Paragraphs(document));
        }
    }

    [Theory]
    // A paragraph's first line at a page's foot, then the sentence on the next page.
    [InlineData("The regime must free its prisoners.\n\nThe talks resume next week, and the envoy will ask the\n\n7\n\n\fgovernment in Doha to release all detainees.\n",
        "7", "The regime must free its prisoners . | The talks resume next week , and the envoy will ask the government in Doha to release all detainees .")]
    // A heading, a caption and a list item at a page's foot stay apart from the next page's text.
    [InlineData("The regime must act.\n\nRecommendations\n\n7\n\n\fAid should flow.\n", "7", "The regime must act . | Recommendations | Aid should flow .")]
    [InlineData("The regime detained them.\n\nFigure 1: Executions by year\n\n\fThe talks failed in May.\n", "", "The regime detained them . | Figure 1 : Executions by year | The talks failed in May .")]
    [InlineData("The government should:\n\n\u2022 release all political prisoners\n\n7\n\n\f\u2022 allow aid agencies into the north\n", "7", "The government should : | \u2022 release all political prisoners | \u2022 allow aid agencies into the north")]
    // A year is no page number; a page's only line is its text, however often it recurs.
    [InlineData("Annual Report\n\n2024\n\fThe regime must act.", "", "Annual Report | 2024 The regime must act .")]
    [InlineData("word\fword\fword", "", "word word word")]
    // Footnotes that share their words (they end a sentence) are text.
    [InlineData("The rapporteur said so.12\n\n12 See the panel report.\n\fAid must flow.13\n\n13 See the panel report.\n\fThe end.", "", "The rapporteur said so . 12 | 12 See the panel report . | Aid must flow . 13 | 13 See the panel report . | The end .")]
    // A chapter's heading on the first page of two chapters that are not on consecutive pages.
    [InlineData("Contents.\n\fChapter 1\n\nThe regime must act.\n\fAid must flow.\n\fChapter 2\n\nThe talks failed.", "", "Contents . | Chapter 1 | The regime must act . | Aid must flow . | Chapter 2 | The talks failed .")]
    // A sentence that goes on with a digit or a quotation, past a footer seen once.
    [InlineData("Iran last engaged at the review in\n\nHuman Rights Watch\n\n\f2014, when it accepted some recommendations.", "Human Rights Watch", "Iran last engaged at the review in 2014 , when it accepted some recommendations .")]
    [InlineData("The envoy said that\n\nAsia Rights Monitor\n\n\f\u201Cthe regime will not move\u201D on prisoners.", "Asia Rights Monitor", "The envoy said that \u201C the regime will not move \u201D on prisoners .")]
    // The page's part of a sentence that runs on is one line of its own.
    [InlineData("The junta is isolated.\n\nSome governments argue that isolating the junta only pushes it further\n\nKorea Policy Brief | March 2025\n\n1\n\n\fHumanitarian Cooperation First\n\ninto the arms of Beijing and Moscow.\n",
        "Korea Policy Brief | March 2025|1|Humanitarian Cooperation First", "The junta is isolated . | Some governments argue that isolating the junta only pushes it further into the arms of Beijing and Moscow .")]
    // A heading or list items above a page's last line of text, which is wrapped text: kept.
    [InlineData("The talks failed.\n\nWhat the record shows\n\nNeither camp is right, and the agreement was indeed\n\n7\n\n\fnegotiated on a single track.\n",
        "7", "The talks failed . | What the record shows | Neither camp is right , and the agreement was indeed negotiated on a single track .")]
    [InlineData("Donors should:\n\n\u2022 release all political prisoners\n\n\u2022 allow aid into the north\n\n7\n\n\fand lift the travel bans.\n",
        "7", "Donors should : | \u2022 release all political prisoners | \u2022 allow aid into the north and lift the travel bans .")]
    // A title page, and numbered headings at a page's top: no number there goes on with a sentence.
    [InlineData("Starved of Rights\n\n\fSummary\n\nThe regime has cut food aid, and the\n\n1\n\n\fUnited Nations says so.\n",
        "1", "Starved of Rights | Summary | The regime has cut food aid , and the United Nations says so .")]
    [InlineData("The government should:\n\n\u2022 release all prisoners\n\n\u2022 allow aid into the north\n\n\fRecommendations to donors\n\n1. Fund clinics in the north.\n",
        "", "The government should : | \u2022 release all prisoners | \u2022 allow aid into the north | Recommendations to donors | 1 . Fund clinics in the north .")]
    [InlineData("Chapter Two\n\nThe Famine Years\n\n\f2.1 Background\n\nThe famine began in 1994.\n", "", "Chapter Two | The Famine Years | 2.1 Background | The famine began in 1994 .")]
    [InlineData("The talks failed.\n\n\u2022 allow aid into the north\n\n7\n\n\f2. Donors should fund clinics.\n", "7", "The talks failed . | \u2022 allow aid into the north | 2 . Donors should fund clinics .")]
    // A paragraph's first line at a page's foot that reads as wrapped text goes on before a capital; a clause after ";" before lower case.
    [InlineData("Russia moved first.\n\nIn early July, Russia became the first country to formally recognise the\n\n7\n\n\fTaliban government.\n",
        "7", "Russia moved first . | In early July , Russia became the first country to formally recognise the Taliban government .")]
    [InlineData("Aid stopped.\n\nSince 2017,\n\n7\n\n\fChinese authorities have held Uyghurs.\n", "7", "Aid stopped . | Since 2017 , Chinese authorities have held Uyghurs .")]
    [InlineData("Moral clarity is satisfying;\n\n7\n\n\fit is not the same thing as results.\n", "7", "Moral clarity is satisfying ; it is not the same thing as results .")]
    // Third review: a year is no running head beside page numbers; a heading at two pages apart, or a chapter's at pages apart, is text.
    [InlineData("Human Rights Watch\n\nWorld Report\n\n2024\n\fThe regime must act.\n\n2\n\fAid must flow.\n\n3\n\fThe end.", "2|3", "Human Rights Watch | World Report | 2024 The regime must act . | Aid must flow . | The end .")]
    [InlineData("Aid must flow.\n\fRecommendations\n\nDonors should fund clinics.\n\fThe talks failed.\n\fThe envoy went home.\n\fRecommendations\n\nThe envoy should visit.\n", "", "Aid must flow . | Recommendations | Donors should fund clinics . | The talks failed . | The envoy went home . | Recommendations | The envoy should visit .")]
    // A clause ending in ";" before lower case runs on past a footer and a head seen once.
    [InlineData("Moral clarity about the regime's abuses is satisfying to campaigners;\n\nKorea Policy Brief | March 2025\n\n7\n\n\fHUMAN RIGHTS WATCH\n\nit is not the same thing as results.\n",
        "Korea Policy Brief | March 2025|7|HUMAN RIGHTS WATCH", "Moral clarity about the regime 's abuses is satisfying to campaigners ; it is not the same thing as results .")]
    // Fourth review: a salutation ending in ":" keeps the paragraph's first line below it; an
    // abbreviation before lower case goes on past a head or foot seen once; a footer beside its
    // page's number; an opening quotation mark on the next page; no-break spaces in page numbers.
    [InlineData("Dear colleagues:\n\nWe write as physicians, nurses\n\n\fand public-health researchers who have worked on tuberculosis.\n",
        "", "Dear colleagues : | We write as physicians , nurses and public-health researchers who have worked on tuberculosis .")]
    [InlineData("The exemption covers U.N.\n\n1\n\fHumanitarian Cooperation First\n\nagencies and the Red Cross.\n",
        "1|Humanitarian Cooperation First", "The exemption covers U.N. agencies and the Red Cross .")]
    // (Past a foot seen once the page's text must not end a sentence: in narrow text a paragraph's
    // end, then the next one's short first line, look alike; the foot is then read as text.)
    [InlineData("The talks failed.\n\nNot a single restriction has\n\n\fbeen lifted in four years.\n",
        "", "The talks failed . | Not a single restriction has been lifted in four years .")]
    [InlineData("Starving a family does not educate its\n\nKorea Policy Brief\n7\n\fdaughters. But rewards differ.\n",
        "Korea Policy Brief|7", "Starving a family does not educate its daughters . | But rewards differ .")]
    [InlineData("Starving a family does not educate its\n\n7\n\fKorea Policy Brief\n2\n\ndaughters. But rewards differ.\n",
        "7|Korea Policy Brief|2", "Starving a family does not educate its daughters . | But rewards differ .")]
    [InlineData("The report also documents what it calls\n\n1\n\f\"inspection groups\" that visit homes.\n",
        "1", "The report also documents what it calls \" inspection groups \" that visit homes .")]
    [InlineData("Aid must flow.\n\nPage\u00A07\u00A0of\u00A012\n\fThe talks failed.\n", "Page\u00A07\u00A0of\u00A012", "Aid must flow . | The talks failed .")]
    [InlineData("Aid must flow.\n\n-\u00A07\u00A0-\n\fThe talks failed.\n", "-\u00A07\u00A0-", "Aid must flow . | The talks failed .")]
    // Its re-review: after a sentence a heading at the next page's head stays, also above a list
    // item or a name in lower case; a heading at a page's foot does not run into a list item.
    [InlineData("The committee made three findings.\n\n\fFindings\n\na) the police used force.\n",
        "", "The committee made three findings . | Findings | a ) the police used force .")]
    [InlineData("The treaty is clear.\n\n\fThe European Commission\n\nvon der Leyen announced new rules.\n",
        "", "The treaty is clear . | The European Commission | von der Leyen announced new rules .")]
    [InlineData("The talks failed.\n\nRecommendations\n\n\f(a) the state shall protect all detainees.\n",
        "", "The talks failed . | Recommendations | ( a ) the state shall protect all detainees .")]
    // Its third review: a list item after a sentence's end starts a paragraph ("a)" as "(a)", also
    // before a line break); an abbreviation before a closing bracket; "no." and a web address are
    // no abbreviations; "v." before a capital is no list marker.
    [InlineData("The committee made three findings.\n\n\fa) the police used force.\n",
        "", "The committee made three findings . | a ) the police used force .")]
    [InlineData("The talks failed.\n\nRecommendations\n\n\fa)\nthe state shall protect all detainees.\n",
        "", "The talks failed . | Recommendations | a ) the state shall protect all detainees .")]
    [InlineData("Aid went to those in need of help (food, medicine, etc.)\n\n\fHuman Rights Watch\n\nwere sent to the camps in 2023.\n",
        "Human Rights Watch", "Aid went to those in need of help ( food , medicine , etc. ) were sent to the camps in 2023 .")]
    [InlineData("The answer of the government was no.\n\n\fConditions\n\nvon der Leyen announced new rules.\n",
        "", "The answer of the government was no . | Conditions | von der Leyen announced new rules .")]
    [InlineData("The report is at www.hrw.org.\n\n\fConditions\n\nvon der Leyen announced new rules.\n",
        "", "The report is at www.hrw.org . | Conditions | von der Leyen announced new rules .")]
    [InlineData("The ruling that ended segregation, Brown\n\nHuman Rights Watch\n\n\fv. Board of Education, was unanimous.\n",
        "Human Rights Watch", "The ruling that ended segregation , Brown v. Board of Education , was unanimous .")]
    // Its fourth: a list item before a capital ("ii. Ensure", "a. Ensure"), also with a space
    // before the line break; an initialism at the end of a hyphenated word ("non-U.S.").
    [InlineData("The State should take the following steps\n\nTo the Ministry\n\n\fii. Ensure that all detainees are protected.\n",
        "", "The State should take the following steps | To the Ministry | ii . | Ensure that all detainees are protected .")]
    [InlineData("The committee made three findings.\n\nRecommendations\n\n\fa. Ensure that all detainees are protected.\n",
        "", "The committee made three findings . | Recommendations | a. Ensure that all detainees are protected .")]
    [InlineData("The committee made three findings.\n\n\fa. \nThe police used force.\n",
        "", "The committee made three findings . | a. | The police used force .")]
    [InlineData("Aid went to non-U.S.\n\n\fHuman Rights Watch\n\ncitizens in the camps in 2023.\n",
        "Human Rights Watch", "Aid went to non-U.S. citizens in the camps in 2023 .")]
    // ... but not an ordinary word after a hyphen or a soft hyphen that ends like a listed one.
    [InlineData("The editor published his op-ed.\n\n\fFindings\n\nvon der Leyen announced new rules.\n",
        "", "The editor published his op-ed . | Findings | von der Leyen announced new rules .")]
    [InlineData("The police ar\u00ADrest\u00ADed.\n\n\fFindings\n\nvon der Leyen announced new rules.\n",
        "", "The police ar\u00ADrest\u00ADed . | Findings | von der Leyen announced new rules .")]
    public void Furniture_and_text_at_page_breaks(string text, string furniture, string sentences)
    {
        var document = TextDocument.Parse(text);
        Assert.Equal(furniture, string.Join('|', Furniture(document)));
        Assert.Equal(sentences, string.Join(" | ", SentenceTexts(document)));
    }

    [Fact]
    public void A_text_without_form_feeds_is_read_as_before()
    {
        const string text = "Page 7\n\nThe talks failed.\n\n7\n";
        var document = TextDocument.Parse(text);
        Assert.Empty(document.PageFurniture);
        Assert.Equal(Tokenizer.Default.Tokenize(text).ToArray(), document.Tokens.ToArray());
    }

    [Fact]
    public void Given_sentences_do_not_read_the_furniture_either()
    {
        var document = TextDocument.WithSentences(ThreePages, [(0, ThreePages.IndexOf("chip.", StringComparison.Ordinal) + 5)]);
        Assert.Equal(Furniture(TextDocument.Parse(ThreePages)), Furniture(document));
        Assert.Equal(SentenceTexts(TextDocument.Parse(ThreePages))[0], SentenceTexts(document)[0]);
    }

    [Fact]
    public void A_word_hyphenated_across_a_page_break_is_not_joined()
    {
        // The joined word would hold the furniture: the two halves stay apart, in one sentence.
        const string text = "Aid must not wait for sanc-\n\n7\n\ftions relief.";
        var document = TextDocument.Parse(text);
        Assert.Equal(["7"], Furniture(document));
        Assert.Equal(["Aid must not wait for sanc - tions relief ."], SentenceTexts(document));
        Assert.DoesNotContain(document.Tokens.ToArray(), t => t.SpansLineBreak);
    }
}
