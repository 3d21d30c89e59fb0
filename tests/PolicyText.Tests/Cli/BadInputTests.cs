namespace PolicyText.Tests.Cli;

/// <summary>One bad document never stops a run: it goes to errors.csv and the exit code is 2.</summary>
public class BadInputTests
{
    [Fact]
    public void Bad_json_lines_go_to_errors_csv_and_the_rest_is_analysed()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "text": "Aid came."}""",
            "{not json",
            """{"id": "a", "text": "A second a."}""",
            """{"id": 7, "text": "Seven."}""",
            """{"text": "no id"}""",
            """{"id": "b", "text": 5, "year": 2020}""",
            """{"id": "a", "text": "A third a.", "region": "north"}""",
        ]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.Equal(["a", "7"], sentences.Skip(1).Select(l => l.Split(',')[0]));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal("doc_id,source,code,message", errors[0]);
        Assert.StartsWith(",in.jsonl:2,malformed_line,", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("a,in.jsonl:3,duplicate_id,", errors[2], StringComparison.Ordinal);
        Assert.StartsWith(",in.jsonl:5,malformed_line,", errors[3], StringComparison.Ordinal);
        Assert.Contains("no 'id' field", errors[3], StringComparison.Ordinal);
        Assert.StartsWith(",in.jsonl:6,malformed_line,", errors[4], StringComparison.Ordinal);

        // The fields of lines that are not analysed make no columns of empty cells.
        var header = File.ReadLines(Path.Combine(output, "documents.csv")).First().Split(',');
        Assert.DoesNotContain("year", header);
        Assert.DoesNotContain("region", header);
    }

    [Fact]
    public void A_binary_file_in_a_folder_is_an_error_and_an_empty_file_is_a_document()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "good.txt"), "Food first.");
        File.WriteAllText(Path.Combine(input, "empty.txt"), string.Empty);
        File.WriteAllBytes(Path.Combine(input, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(["empty", "good"], documents.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("empty,0,0,0,0,", documents[1], StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains(",binary_content,", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("image,", errors[1], StringComparison.Ordinal);

        // A clean rerun removes the stale errors.csv and exits 0.
        File.Delete(Path.Combine(input, "image.txt"));
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.False(File.Exists(Path.Combine(output, "errors.csv")));
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_a_fatal_error()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "out");
        File.WriteAllText(file, "x");
        var result = CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a file", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

public class MoreBadInputTests
{
    [Fact]
    public void Invalid_utf8_is_replaced_and_the_document_flagged_but_analysed()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllBytes(Path.Combine(input, "latin1.txt"), [.. "Caf"u8.ToArray(), 0xE9, .. " aid, na"u8.ToArray(), 0xEF, 0xFF, .. "ve."u8.ToArray()]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.EndsWith("Caf\uFFFD aid, na\uFFFD\uFFFDve.\"", sentences[1], StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains("latin1,", errors[1], StringComparison.Ordinal);
        Assert.Contains(",invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_an_error_and_the_rest_is_analysed()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "good.txt"), "Food first.");
        File.CreateSymbolicLink(Path.Combine(input, "gone.txt"), Path.Combine(tmp.Path, "nowhere.txt"));
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        Assert.Contains(",unreadable,", File.ReadAllLines(Path.Combine(output, "errors.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_single_line_is_an_error_not_the_end_of_the_run()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        using (var writer = new StreamWriter(input))
        {
            writer.Write("{\"id\": \"huge\", \"text\": \"");
            var chunk = new string('a', 1 << 20);
            for (int i = 0; i < 20; i++)
            {
                writer.Write(chunk);
            }

            writer.WriteLine("\"}");
            writer.WriteLine("{\"id\": \"small\", \"text\": \"Aid came.\"}");
        }

        var output = Path.Combine(tmp.Path, "out");

        // The messages are the same bytes under any culture (the library's callers may not run invariant).
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        // (A German-like culture made by hand: the tests run with invariant globalization.)
        var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberGroupSeparator = ".";
        german.NumberFormat.NumberDecimalSeparator = ",";
        System.Globalization.CultureInfo.CurrentCulture = german;
        CliResult result;
        try
        {
            result = CliRunner.Run("analyze", input, "--out", output, "-q");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("huge,in.jsonl:1,document_too_large,", File.ReadAllLines(Path.Combine(output, "errors.csv"))[1], StringComparison.Ordinal);
        Assert.Contains("The text has 20,971,520 characters; the limit is 16,777,216.", File.ReadAllLines(Path.Combine(output, "errors.csv"))[1], StringComparison.Ordinal);
        Assert.StartsWith("small,", File.ReadAllLines(Path.Combine(output, "documents.csv"))[1], StringComparison.Ordinal);
    }
}

public class InvalidBytesInJsonLinesTests
{
    [Fact]
    public void A_json_line_with_invalid_utf8_is_analysed_and_flagged()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllBytes(input, [.. "{\"id\": \"a\", \"text\": \"Fine.\"}\n{\"id\": \"b\", \"text\": \"Caf"u8.ToArray(), 0xE9, .. " aid.\"}\n"u8.ToArray()]);
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("b,in.jsonl:2,invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
    }
}

public class MoreInputFormTests
{
    [Fact]
    public void A_csv_row_with_invalid_utf8_is_analysed_and_flagged()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllBytes(input, [.. "id,text\na,Fine.\nb,Caf"u8.ToArray(), 0xE9, .. " aid.\n"u8.ToArray()]);
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("b,in.csv:row 2,invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_text_file_is_a_corpus_of_one()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "op-ed.txt");
        File.WriteAllText(file, "Aid must flow. Talks can wait.");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", file, "--out", output, "-q").ExitCode);

        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.Equal(3, sentences.Length);
        Assert.StartsWith("op-ed,0,0,14,", sentences[1], StringComparison.Ordinal);
        Assert.StartsWith("op-ed,1,15,30,", sentences[2], StringComparison.Ordinal);
    }
}
