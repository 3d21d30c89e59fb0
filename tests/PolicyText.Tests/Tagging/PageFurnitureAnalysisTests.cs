namespace PolicyText.Tests.Tagging;

/// <summary>
/// A document extracted from a PDF page by page (form feeds, page numbers, running heads and
/// footers) gets the sentences, labels and confidences of the same text written without pages.
/// </summary>
public class PageFurnitureAnalysisTests
{
    private const string OpEd =
        "Connecting human rights and denuclearization negotiations is not the right approach. " +
        "Humanitarian cooperation on food, water and health is the practical way to improve the lives of ordinary North Koreans.\n\n" +
        "The State Department announced it will deal with nuclear weapons and human rights together. " +
        "Critics argue that sanctions relief must be earned by the release of political prisoners, but the right to be free from starvation and to have drinkable water cannot wait for a summit.\n\n" +
        "Aid should flow regardless of politics, and clinics in the north should never run out of insulin again.";

    /// <summary>The text with a page break, its footer, page number and the next page's running head in place of the space or line break at <paramref name="at"/>.</summary>
    private static string BreakPage(string text, int at, int page) =>
        text[..at] + $"\n\nKorea Policy Brief | March 2025\n\n{page}\n\fHumanitarian Cooperation First\n\n" + text[(at + 1)..];

    /// <summary>The text's paragraphs broken into lines of at most <paramref name="width"/> characters between words, as a PDF's lines are.</summary>
    private static string Wrap(string text, int width) =>
        string.Join("\n\n", text.Split("\n\n").Select(paragraph =>
        {
            var lines = new List<string>();
            var line = string.Empty;
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }

            lines.Add(line);
            return string.Join('\n', lines);
        }));

    [Fact]
    public void A_page_break_at_any_line_end_changes_no_label()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        var expected = analyzer.Analyze(OpEd);
        var wrapped = Wrap(OpEd, 50);
        // Page breaks inside sentences, and at the ends of paragraphs (where the blank lines are
        // kept: a page that ends a sentence may end its paragraph). A page that ends a sentence
        // inside a paragraph is read as ending the paragraph too, which the paragraph context
        // features see (docs/segmentation.md, *Page breaks*): not among these.
        var lineEnds = Enumerable.Range(0, wrapped.Length).Where(i => wrapped[i] == '\n' && wrapped[i - 1] != '\n' && (wrapped[i + 1] != '\n' ? wrapped[i - 1] != '.' : true)).ToArray();
        Assert.True(lineEnds.Length >= 8);
        Assert.Contains(lineEnds, i => wrapped[i + 1] == '\n');
        Assert.Contains(lineEnds, i => char.IsLetter(wrapped[i - 1]));
        foreach (int at in lineEnds)
        {
            // A second break later, so that the running head and footer repeat (two breaks).
            int later = lineEnds[^1] == at ? lineEnds[0] : lineEnds[^1];
            var paged = at < later ? BreakPage(BreakPage(wrapped, later, 8), at, 7) : BreakPage(BreakPage(wrapped, at, 8), later, 7);
            var actual = analyzer.Analyze(paged);
            Assert.Equal(6, actual.Document.PageFurniture.Count);
            Assert.Equal(
                expected.Sentences.Select(s => (s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence, string.Join('|', s.Evidence.Select(e => e.Entry)))),
                actual.Sentences.Select(s => (s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence, string.Join('|', s.Evidence.Select(e => e.Entry)))));
            Assert.Equal(expected.Summary, actual.Summary);
        }
    }

    [Fact]
    public void Without_the_layout_the_page_furniture_splits_the_sentence()
    {
        // What the rule mends: read as written, the footer ends the sentence and the page number
        // and running head run into the next page's first words.
        var paged = BreakPage(BreakPage(OpEd, OpEd.IndexOf(" right approach", StringComparison.Ordinal), 7), OpEd.IndexOf(" in the north should", StringComparison.Ordinal), 8);
        var plainTokens = PolicyText.Text.Tokenizer.Default.Tokenize(paged);
        Assert.Contains(plainTokens.ToArray(), t => t.GetText(paged).SequenceEqual("Korea"));
        var document = TextAnalyzer.CreateDefault().Analyze(paged).Document;
        Assert.DoesNotContain(document.Tokens.ToArray(), t => t.GetText(paged).SequenceEqual("Korea"));
        Assert.Equal(TextAnalyzer.CreateDefault().Analyze(OpEd).Sentences.Count, document.Sentences.Length);
    }
}
