using PolicyText.Corpora;
using PolicyText.Text;

namespace PolicyText.Tests.Text;

/// <summary>
/// A scraped web article holds the page's furniture between its paragraphs ("Advertisement",
/// "Share this article", "Related: …"): whole lines of it that stand apart are read as white space
/// (<see cref="TextDocument.PageFurniture"/>), so they are no sentence and change no label.
/// </summary>
public class WebFurnitureTests
{
    private const string OpEd =
        "Feed North Korea's children first\n\n" +
        "By Jane Doe\n\n" +
        "Last week the State Department announced that it would raise human rights alongside nuclear weapons in any future talks. " +
        "The announcement was welcomed by several advocacy groups.\n\n" +
        "But connecting human rights and denuclearization negotiations is not the right approach. " +
        "It turns the rights of ordinary North Koreans into a bargaining chip.\n\n" +
        "The practical path runs through food, water and health. " +
        "Sanctions exemptions for humanitarian goods take months to approve. They should take days.\n\n" +
        "None of this means ignoring the prison camps.";

    /// <summary>The op-ed as a scrape gives it: furniture after the title, between paragraphs and at the end.</summary>
    private static string Scraped(string lineBreak) => string.Join(
        lineBreak + lineBreak,
        [
            "Feed North Korea's children first", "Share this article", "5 min read", "By Jane Doe",
            "Last week the State Department announced that it would raise human rights alongside nuclear weapons in any future talks. " +
            "The announcement was welcomed by several advocacy groups.",
            "ADVERTISEMENT",
            "But connecting human rights and denuclearization negotiations is not the right approach. " +
            "It turns the rights of ordinary North Koreans into a bargaining chip.",
            "Related: How sanctions shape aid to North Korea",
            "The practical path runs through food, water and health. " +
            "Sanctions exemptions for humanitarian goods take months to approve. They should take days.",
            "Story continues below advertisement",
            "None of this means ignoring the prison camps.",
            "Follow us on X and Facebook", "Sign up for our newsletter", "© 2026 Human Rights Watchers. All rights reserved.",
        ]);

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Skip advertisement")]
    [InlineData("Advertisement - Scroll to continue")]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("Read more ›")]
    [InlineData("Print ›")]
    [InlineData("Share |")]
    [InlineData("Related: How sanctions shape aid to North Korea")]
    [InlineData("Read more: The envoy's last trip to Pyongyang")]
    [InlineData("Related: Can sanctions free a prisoner?")]
    [InlineData("Follow her on X @janedoe")]
    [InlineData("Follow us on X and Facebook.")]
    [InlineData("5 min read")]
    [InlineData("12-minute read")]
    [InlineData("4 min listen")]
    [InlineData("Reading time: 5 minutes")]
    [InlineData("Read time: 4 min")]
    [InlineData("Estimated reading time: 6 minutes.")]
    [InlineData("Reading time 7 mins")]
    // A share bar on one line: items between bar marks, or words after "Share:".
    [InlineData("Share | Tweet | Email")]
    [InlineData("Share | Tweet | Email |")]
    [InlineData("Facebook · X · Email")]
    [InlineData("Share on Facebook • Share on X • Copy link")]
    [InlineData("Share: Facebook X LinkedIn")]
    [InlineData("Share this article: WhatsApp, Telegram, Email")]
    [InlineData("Share: Facebook")]
    [InlineData("Subscribe | Sign in")]
    [InlineData("© 2026 The Daily Example")]
    [InlineData("Copyright 2026 The Daily Example")]
    [InlineData("Copyright © The Daily Example")]
    [InlineData("Copyright 2026 Example Media, All rights reserved")]
    [InlineData("The Daily Example. All rights reserved.")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Listen to this article")]
    // Invisible characters (a zero-width space, a direction mark) are read past, and runs of
    // white space (a no-break space among them) as one space.
    [InlineData("Share this\u200B article")]
    [InlineData("\u200EAdvertisement")]
    [InlineData("Share\u00A0this article")]
    [InlineData("Share  this article")]
    public void A_furniture_line_standing_apart_is_skipped(string line)
    {
        var text = "Aid should flow regardless of politics.\n\n" + line + "\n\nThe regime must also free its political prisoners.";
        var document = TextDocument.Parse(text);
        // The span leaves out invisible characters at the line's ends, as white space.
        Assert.Equal([line.Trim('\u200E')], document.PageFurniture.Select(f => text[f.Start..f.End]));
        Assert.Equal(2, document.Sentences.Length);
        Assert.DoesNotContain(document.Tokens.ToArray(), t => t.Start >= text.IndexOf(line, StringComparison.Ordinal) && t.Start < text.IndexOf(line, StringComparison.Ordinal) + line.Length);
    }

    [Theory]
    // Words of the list inside a sentence, or as a sentence of their own with more words.
    [InlineData("Share this petition with three friends before Friday's vote.")]
    [InlineData("Comments are moderated; please keep it civil.")]
    [InlineData("Related reforms have stalled since 2019.")]
    [InlineData("Follow the money, and the camps come into view.")]
    [InlineData("Follow them on their rounds of the capitals and a different picture emerges.")]
    [InlineData("Follow her on any given day and you will see the cost of sanctions.")]
    [InlineData("Copyright law does not stop the smuggling of dramas.")]
    [InlineData("Copyright 1998 extension was a gift to one studio, and it cost the public domain twenty years.")]
    [InlineData("(c) 30 per cent for health.")]
    [InlineData("(c) 2019 was the worst year for the clinics.")]
    [InlineData("Human rights are all rights reserved for the few, the regime seems to think.")]
    [InlineData("Every photograph in the archive carries the same stamp: all rights reserved.")]
    [InlineData("The regime treats freedom as a licence: All rights reserved.")]
    [InlineData("More from the envoy: sanctions stay until the camps close.")]
    [InlineData("More: the famine is worsening and the need is greater.")]
    [InlineData("See also: Section 4 of the Act, which bans the practice outright.")]
    [InlineData("Related: the camps, the courts and the border.")]
    [InlineData("Related: \"Lift the ban on medicine.\"")]
    [InlineData("Recommended: Exempt food and medicine from all sanctions")]
    [InlineData("See also: Annex II")]
    [InlineData("Follow her on Instagram, where she posts daily photos from the camps.")]
    [InlineData("Follow them on Facebook and you will see what the regime wants you to see.")]
    [InlineData("(c) 2019 – 45")]
    [InlineData("The regime's answer was blunt. All rights reserved.")]
    // Alone, these could be a title, a heading or a list item: furniture only beside furniture.
    [InlineData("(c) 2022 UN Commission of Inquiry Report")]
    [InlineData("(c) 2025 Human Rights Watchers")]
    [InlineData("All rights reserved")]
    [InlineData("More from Brussels")]
    [InlineData("More from Opinion")]
    [InlineData("Sponsored content")]
    [InlineData("Paid content")]
    [InlineData("Advertisements")]
    [InlineData("Related content")]
    [InlineData("More from less")]
    [InlineData("More from the same pot, year after year")]
    [InlineData("Print media in Pyongyang is run by the state.")]
    [InlineData("5 minutes read like an hour in a cell.")]
    [InlineData("Reading time is what prisoners lack most.")]
    [InlineData("Reading time: never enough")]
    [InlineData("Estimated reading time: 6 hours")]
    [InlineData("Reading time: min")]
    // A bar whose items are not all a page's buttons, words or platforms, or with an empty item.
    [InlineData("Freedom | Food | Water")]
    [InlineData("Print | Radio | Television")]
    [InlineData("Email | Phone")]
    [InlineData("Share | and | Tweet")]
    [InlineData("Facebook |")]
    [InlineData("Share | | Tweet")]
    [InlineData("Share: the burden, the blame and the cost")]
    [InlineData("Email: press@example.org")]
    [InlineData("Sanctions: Facebook X LinkedIn")]
    [InlineData("Facebook Twitter Email")]
    // Headings that are also words of a page's buttons: text, unless beside other furniture.
    [InlineData("Advertising")]
    [InlineData("Related")]
    [InlineData("Related:")]
    [InlineData("Comments")]
    [InlineData("Recommended:")]
    [InlineData("Trending:")]
    [InlineData("Sign in")]
    [InlineData("Save")]
    // Lower case: a scrape's buttons are capitalised, a wrapped line's last word is not.
    [InlineData("advertisement")]
    public void Other_lines_are_text(string line)
    {
        var text = "Aid should flow regardless of politics.\n\n" + line + "\n\nThe regime must also free its political prisoners.";
        Assert.Empty(TextDocument.Parse(text).PageFurniture);
    }

    [Theory]
    [InlineData("---\ntitle: \"Food aid must not wait for the nuclear talks\"\ndate: 2024-03-01\ntags: [north-korea, human-rights]\nauthor: Jane Doe\n---\n\n")]
    [InlineData("---\r\ntitle: Food aid must not wait\r\ntags:\r\n  - sanctions\r\n  - food\r\n\r\ndraft: false\r\n...\r\n\r\n")]
    [InlineData("+++\ntitle = \"Food aid must not wait\"\ndate = 2024-03-01\n+++\n")]
    public void A_markdown_files_front_matter_is_read_past(string frontMatter)
    {
        // A static site's Markdown file: the block of keys atop it was a "sentence" of the
        // document, labelled economic_social and anti_linkage from its title's words.
        var text = frontMatter + "# Food aid must not wait\n\n" + OpEd;
        var document = TextDocument.Parse(text);
        var plain = TextDocument.Parse("# Food aid must not wait\n\n" + OpEd);
        Assert.Equal(plain.Sentences.Length, document.Sentences.Length);
        Assert.Equal(plain.Sentences.ToArray().Select(s => s.GetText(plain.Text).ToString()), document.Sentences.ToArray().Select(s => s.GetText(document.Text).ToString()));
        var lines = frontMatter.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(lines, document.PageFurniture.Select(f => text[f.Start..f.End]));
    }

    [Theory]
    // Prose after the fence, a fence never closed, no key, a fence that is not the text's start.
    [InlineData("---\nThe talks failed again this week.\n---\n\n")]
    [InlineData("---\ntitle: Food aid must not wait\n\n")]
    [InlineData("---\n- food\n- water\n---\n\n")]
    [InlineData("Intro.\n\n---\ntitle: Food aid\n---\n\n")]
    [InlineData("--- \nNote: the talks failed.\nIt was expected.\n---\n\n")]
    public void Other_blocks_between_dashes_are_text(string opening)
    {
        Assert.Empty(TextDocument.Parse(opening + OpEd).PageFurniture);
    }

    [Fact]
    public void A_line_over_200_characters_is_text()
    {
        var line = "Related: " + string.Join(' ', Enumerable.Repeat("Sanctions", 21));
        Assert.True(line.Length > 200);
        Assert.Empty(TextDocument.Parse("Aid should flow.\n\n" + line + "\n\nEnd.").PageFurniture);
        Assert.Single(TextDocument.Parse("Aid should flow.\n\n" + line[..190] + "\n\nEnd.").PageFurniture);
    }

    [Fact]
    public void Words_of_a_share_bar_beside_a_button_are_furniture()
    {
        var text = "Feed the children first\n\nShare this article\nTweet\nEmail\n\nAid should flow regardless of politics.";
        var document = TextDocument.Parse(text);
        Assert.Equal(["Share this article", "Tweet", "Email"], document.PageFurniture.Select(f => text[f.Start..f.End]));
        // A row before the button too.
        var before = "Feed the children first\n\nTweet\nEmail\nShare this article\n\nAid should flow regardless of politics.";
        Assert.Equal(["Tweet", "Email", "Share this article"], TextDocument.Parse(before).PageFurniture.Select(f => before[f.Start..f.End]));
        var footer = "Aid should flow regardless of politics.\n\nMore from Opinion\n\nSign up for our newsletter\n\n(c) 2025 Human Rights Watchers\nAll rights reserved.";
        Assert.Equal(4, TextDocument.Parse(footer).PageFurniture.Count);
        // Without the button, the words are a list's.
        var list = "Feed the children first\n\nTweet\nEmail\n\nAid should flow regardless of politics.";
        Assert.Empty(TextDocument.Parse(list).PageFurniture);
    }

    [Theory]
    [InlineData("The campaign budget was split across:\nPrint\nRadio\nTelevision")]
    [InlineData("Channels we use to reach members:\nEmail\nTweet\nPrint\nSave")]
    [InlineData("Where to read more:\nRelated: How sanctions shape aid")]
    [InlineData("Use any channel you like, e.g.\nEmail\nor phone.")]
    [InlineData("It is simple.\nRead more\nand you will see the regime's logic.")]
    [InlineData("We said it before.\nShare this article\nwith your MP, and ask for an answer.")]
    [InlineData("For the background, see the reports listed below, e.g.\nRead more\nby the panel.")]
    public void A_lead_in_or_an_open_abbreviation_keeps_the_next_line_in_the_text(string text) =>
        Assert.Empty(TextDocument.Parse(text).PageFurniture);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void Furniture_lines_stacked_without_blank_lines_are_all_skipped(string lineBreak)
    {
        var text = string.Join(lineBreak, "Aid should flow regardless of politics.", "Advertisement", "Share this article", "Tweet", "The regime must also free its political prisoners.");
        var document = TextDocument.Parse(text);
        Assert.Equal(["Advertisement", "Share this article", "Tweet"], document.PageFurniture.Select(f => text[f.Start..f.End]));
        Assert.Equal(2, document.Sentences.Length);
    }

    [Theory]
    [InlineData("The campaign money went to\n\n\f\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\n\n\fRead more\n\nThe end.")]
    [InlineData("The campaign money went to\n\f\n\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\n\f\n\n\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\f\n\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\n\n\f\n\n\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\f\f\n\nRead more\n\nThe end.")]
    [InlineData("The campaign money went to\r\n\r\n\f\r\nRead more\r\n\r\nThe end.")]
    public void The_blank_lines_at_a_page_break_do_not_make_the_next_line_stand_apart(string text)
    {
        var document = TextDocument.Parse(text);
        Assert.Empty(document.PageFurniture);
        Assert.Contains(document.Tokens.ToArray(), t => t.GetText(text).SequenceEqual("Read"));
    }

    [Fact]
    public void A_pdf_running_head_does_not_make_the_next_line_stand_apart()
    {
        // The sentence runs on over the page: "Read more" opens its next line, not a button,
        // though a running head and a page number (blanked) stand between it and the text before.
        const string Text = "Policy Brief\nThe campaign money went to\n\f1\n\fPolicy Brief\nRead more\n\nThe end.\n\f2\n\fPolicy Brief\nThe end.";
        var document = TextDocument.Parse(Text);
        Assert.DoesNotContain(document.PageFurniture, f => Text[f.Start..f.End] == "Read more");
        Assert.Contains(document.Tokens.ToArray(), t => t.GetText(Text).SequenceEqual("Read"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_last_word_of_a_wrapped_paragraph_is_text(string lineBreak)
    {
        // A word of the list alone on a line that ends a hard-wrapped sentence: the line before it
        // does not end a sentence, so the line does not stand apart.
        var text = string.Join(lineBreak, "The costs of the embargo fall on the families who have least to", "Read more", string.Empty, "Aid should flow regardless of politics.");
        var document = TextDocument.Parse(text);
        Assert.Empty(document.PageFurniture);
        Assert.Contains(document.Tokens.ToArray(), t => t.GetText(text).SequenceEqual("Read"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_line_after_a_sentence_or_a_blank_line_stands_apart(string lineBreak)
    {
        var text = string.Join(lineBreak, "Aid should flow regardless of politics.", "Advertisement", "The regime must also free its political prisoners", "Advertisement", string.Empty, "Print this page");
        // The second "Advertisement" follows a line that ends no sentence: it is text.
        var document = TextDocument.Parse(text);
        Assert.Equal([text.IndexOf("Advertisement", StringComparison.Ordinal), text.LastIndexOf("Print", StringComparison.Ordinal)], document.PageFurniture.Select(f => f.Start));
        Assert.Equal(["Advertisement", "Print this page"], document.PageFurniture.Select(f => text[f.Start..f.End]));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_scraped_article_reads_as_the_article(string lineBreak)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        var expected = analyzer.Analyze(OpEd.Replace("\n", lineBreak, StringComparison.Ordinal));
        var actual = analyzer.Analyze(Scraped(lineBreak));
        Assert.Equal(8, actual.Document.PageFurniture.Count);
        Assert.Equal(
            expected.Sentences.Select(s => (expected.Document.Text[s.Start..s.End], s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence)),
            actual.Sentences.Select(s => (actual.Document.Text[s.Start..s.End], s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence)));
        Assert.Equal(expected.Summary, actual.Summary);
        // The issue's archetype: an op-ed against tying rights to the talks, after a news lede.
        Assert.Equal(PolicyText.Tagging.DocumentLinkage.AntiLinkage, actual.Summary.Linkage);
    }

    [Fact]
    public void A_gold_corpus_may_leave_furniture_between_its_sentences()
    {
        const string Text = "Aid should flow regardless of politics.\n\nAdvertisement\n\nThe regime must also free its political prisoners.";
        int second = Text.IndexOf("The regime", StringComparison.Ordinal);
        var json =
            "{\"id\": \"d1\", \"title\": \"Aid\", \"kind\": \"op-ed\", \"context\": \"north_korea\", \"date\": \"2026-01-01\", \"split\": \"test\", \"doc_rights\": \"freedom\", \"doc_linkage\": \"anti_linkage\", \"text\": " +
            System.Text.Json.JsonSerializer.Serialize(Text) +
            ", \"sentences\": [{\"start\": 0, \"end\": 39, \"rights\": \"none\", \"linkage\": \"anti_linkage\"}, " +
            $"{{\"start\": {second}, \"end\": {Text.Length}, \"rights\": \"freedom\", \"linkage\": \"none\"}}]}}";
        var path = Path.Combine(Path.GetTempPath(), $"pt-web-furniture-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllText(path, json + "\n");
            var corpus = GoldCorpus.Load(path);
            Assert.Equal(2, corpus.Documents[0].Sentences.Count);

            // A sentence that holds the line would lose its words: refused, with the line named.
            File.WriteAllText(path, json.Replace("\"end\": 39,", $"\"end\": {Text.IndexOf("Advertisement", StringComparison.Ordinal) + 13},", StringComparison.Ordinal) + "\n");
            var error = Assert.Throws<FormatException>(() => GoldCorpus.Load(path));
            Assert.Contains("'Advertisement'", error.Message, StringComparison.Ordinal);
            Assert.Contains("web page's furniture", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
