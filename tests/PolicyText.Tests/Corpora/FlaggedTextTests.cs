using PolicyText.Corpora;
using PolicyText.Features;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Corpora;

/// <summary>Text that reached PolicyText garbled (mojibake) or with HTML left in it is analysed as it is, and flagged in errors.csv.</summary>
public class FlaggedTextTests
{
    [Theory]
    [InlineData("We don\u00E2\u20AC\u2122t accept it.", "mojibake_suspected", "(1 sequence such as")]
    [InlineData("<p>We don&rsquo;t accept it.</p>", "markup_suspected", "The text holds 3 HTML tags or character references")]
    public void A_garbled_document_is_analysed_and_flagged(string text, string code, string message)
    {
        using var tmp = new TempDir();
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, "in.jsonl", "{\"id\": \"a\", \"text\": \"We don\u2019t accept it.\"}\n" + System.Text.Json.JsonSerializer.Serialize(new { id = "b", text }) + "\n", quiet: false);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 row for a document that could not be read or analysed, or was flagged ->", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"b,b,{code},", errors[1], StringComparison.Ordinal);
        Assert.Contains(message, errors[1], StringComparison.Ordinal);
    }

    private static string Words(int count, string word = "sanctions") => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void A_text_without_sentence_ends_is_analysed_and_flagged_long_sentence()
    {
        using var tmp = new TempDir();
        // 300 words on lines of twelve, no punctuation: the lines run together into one sentence.
        var lines = string.Join('\n', Enumerable.Range(0, 25).Select(_ => Words(12)));
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, "in.jsonl", "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n" + System.Text.Json.JsonSerializer.Serialize(new { id = "b", text = lines }) + "\n", quiet: false);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("b,b,long_sentence,\"The text holds a sentence of more than 250 words (it is the sentence with sentence_index 0 in sentences.csv: 300 words, code points 0 to 2999). ", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_sentences_are_counted_past_250_words_and_located_in_code_points()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        Assert.Empty(analyzer.Analyze(Words(InputWarning.LongSentenceWords) + ".").InputWarnings);

        // Punctuation does not count as words: 250 words with a comma after each is not long.
        Assert.Empty(analyzer.Analyze(string.Join(", ", Enumerable.Repeat("aid", InputWarning.LongSentenceWords)) + ".").InputWarnings);

        // After an emoji (two UTF-16 units, one code point) and a short sentence, the longest
        // sentence, then a shorter long one: the message names the longest.
        var text = "\U0001F600 Short one. Aid " + Words(399, "aid") + ". Sanctions " + Words(250) + ".";
        var warning = Assert.Single(analyzer.Analyze(text).InputWarnings);
        Assert.Equal(("long_sentence", 2), (warning.Code, warning.Count));
        int start = text.IndexOf("Aid", StringComparison.Ordinal) - 1;
        int end = text.IndexOf(" Sanctions", StringComparison.Ordinal) - 1;
        Assert.Contains($"The text holds 2 sentences of more than 250 words (the longest is the sentence with sentence_index 1 in sentences.csv: 400 words, code points {start} to {end}). ", warning.Message, StringComparison.Ordinal);
        Assert.True(CorpusError.IsFlag(warning.Code));
        Assert.Equal(warning, Assert.Single(InputWarning.Of(analyzer.Analyze(text).Document)));

        // From the text alone (no sentences), only the text's own problems.
        Assert.Empty(InputWarning.Of(text));
    }

    [Theory]
    [InlineData("", "The document has no text to read (it is empty, white space or invisible characters")]
    [InlineData(" \n\t ", "The document has no text to read")]
    [InlineData("\u200B\uFEFF", "The document has no text to read")]
    [InlineData("---\ntitle: Aid\n---\n", "The document has no text to read")]
    [InlineData("\uFEFF N/A ", "The document's whole text is 'N/A', a mark of a missing value")]
    [InlineData("NA", "The document's whole text is 'NA', a mark of a missing value")]
    [InlineData(" NULL\n", "The document's whole text is 'NULL', a mark of a missing value")]
    public void An_empty_text_or_a_missing_value_mark_alone_is_flagged_empty_text(string text, string message)
    {
        var warning = Assert.Single(TextAnalyzer.CreateDefault().Analyze(text).InputWarnings);
        Assert.Equal(("empty_text", 1), (warning.Code, warning.Count));
        Assert.StartsWith(message, warning.Message, StringComparison.Ordinal);
        Assert.True(CorpusError.IsFlag(warning.Code));
    }

    [Theory]
    [InlineData("NA.")]
    [InlineData("The NA vote.")]
    [InlineData("none")]
    public void A_text_that_only_holds_such_a_word_is_not_empty(string text) =>
        Assert.Empty(TextAnalyzer.CreateDefault().Analyze(text).InputWarnings);

    [Fact]
    public void An_R_data_frame_with_a_missing_text_is_flagged()
    {
        using var tmp = new TempDir();
        // As R's write.csv writes a missing string: NA, unquoted.
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, "r.csv", "\"\",\"id\",\"text\"\n\"1\",\"a\",\"Aid must flow.\"\n\"2\",\"b\",NA\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        Assert.StartsWith("b,b,empty_text,\"The document's whole text is 'NA'", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_analysis_names_the_problems_of_its_text()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        Assert.Empty(analyzer.Analyze("We don\u2019t accept the r\u00E9gime.").InputWarnings);

        var warnings = analyzer.Analyze("<p>We don\u00E2\u20AC\u2122t accept the r\u00C3\u00A9gime.</p>").InputWarnings;
        Assert.Equal([("mojibake_suspected", 2), ("markup_suspected", 2)], warnings.Select(w => (w.Code, w.Count)));
        Assert.Contains("Re-decode the source as UTF-8", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Strip the tags", warnings[1].Message, StringComparison.Ordinal);
    }
}
