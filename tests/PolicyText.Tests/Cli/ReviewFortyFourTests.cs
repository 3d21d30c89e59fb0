using PolicyText.Corpora;
using PolicyText.Export;

namespace PolicyText.Tests.Cli;

/// <summary>
/// Inputs a researcher's pipeline makes that were read wrongly or explained badly (a review of
/// the forty-fourth session): tables joined with cat, hidden folders, names that clash, a
/// negative numeric id, parse errors, links and column options.
/// </summary>
public class ReviewFortyFourTests
{
    [Fact]
    public void A_header_repeated_by_joining_two_csv_files_is_no_document()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "joined.csv");
        // Two exports joined with cat: the second's byte order mark and header in the middle.
        File.WriteAllBytes(input, [.. "\uFEFFid,text\n1,First text.\n"u8, 0xEF, 0xBB, 0xBF, .. "ID, Text\n2,Second text.\n"u8]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["1", "2"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith(",joined.csv:row 2,malformed_row,The row repeats the header", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_header_in_quotes_after_a_byte_order_mark_is_no_document()
    {
        // As R's write.csv(fileEncoding = "UTF-8-BOM") and Python's QUOTE_ALL with utf-8-sig
        // write: after the mark the reader takes the quotes for text (\uFEFF"id").
        using var tmp = new TempDir();
        var one = "\uFEFF\"id\",\"text\"\n\"1\",\"Sanctions must stay.\"\n";
        var input = Path.Combine(tmp.Path, "qq.csv");
        File.WriteAllText(input, one + one.Replace("\"1\"", "\"2\"", StringComparison.Ordinal), new System.Text.UTF8Encoding(false));
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.Equal(["1", "2"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains(",qq.csv:row 2,malformed_row,The row repeats the header", File.ReadAllText(Path.Combine(output, "errors.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_that_only_looks_like_the_header_is_a_document()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "t.csv");
        File.WriteAllText(input, "id,text,year\nid,text,2020\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.StartsWith("id,2020,", File.ReadAllLines(Path.Combine(output, "documents.csv"))[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doc_id", "var_doc_id")]
    [InlineData("var_doc_id", "doc_id")]
    public void A_variables_name_is_kept_whatever_the_order_and_a_clash_takes_the_prefix(string first, string second)
    {
        string[] variables = [first, second];
        var header = DocumentCsvWriter.Header(variables);
        int own = Array.IndexOf(variables, "var_doc_id");
        int clashing = Array.IndexOf(variables, "doc_id");
        Assert.Equal("var_doc_id", header[1 + own]);
        Assert.Equal("var_var_doc_id", header[1 + clashing]);
        Assert.Equal(header.Count, header.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_json_field_with_an_empty_name_is_a_named_column()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "e.jsonl");
        File.WriteAllText(input, """{"id":"b","text":"Two.","":"v"}""" + "\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        var rows = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.StartsWith("doc_id,var_,chars,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("b,v,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_numeric_id_is_written_as_the_number_it_is_in_every_file()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "n.jsonl");
        File.WriteAllText(input, """{"id":-5,"text":"Aid came.","v":-5}""" + "\n" + """{"id":"-1e3","text":"Aid went."}""" + "\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "--tokens", "-q").ExitCode);
        foreach (var file in new[] { "documents.csv", "sentences.csv", "evidence.csv", "tokens.csv" })
        {
            var ids = File.ReadAllLines(Path.Combine(output, file)).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
            Assert.Contains("-5", ids);
            Assert.DoesNotContain("'-5", ids);
        }

        // Exponent notation is text, and a text cell that starts with '-' keeps its guard.
        Assert.Contains("\"'-1e3\"", File.ReadAllText(Path.Combine(output, "documents.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_parse_error_names_the_byte_in_its_line_not_line_zero()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "j.jsonl");
        File.WriteAllText(input, """{"id":"a","text":"One."}""" + "\nnot json at all\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        var error = File.ReadAllLines(Path.Combine(output, "errors.csv"))[1];
        Assert.StartsWith(",j.jsonl:2,malformed_line,", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        Assert.Contains("(at byte 2 of the line)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_folders_are_not_read_and_the_run_says_so()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, ".ipynb_checkpoints"));
        Directory.CreateDirectory(Path.Combine(input, "sub", ".hidden", "deeper"));
        File.WriteAllText(Path.Combine(input, "oped.txt"), "Aid came.");
        File.WriteAllText(Path.Combine(input, ".ipynb_checkpoints", "oped-checkpoint.txt"), "Aid came.");
        File.WriteAllText(Path.Combine(input, "sub", ".hidden", "deeper", "x.md"), "Aid came.");
        // A hidden file is read (its name is its id).
        File.WriteAllText(Path.Combine(input, ".txt"), "Dot.");
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([".txt", "oped"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("policytext: note: 2 .txt or .md files in hidden folders (names starting with '.') not read, the first '.ipynb_checkpoints/oped-checkpoint.txt'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, TextFolderCorpus.ListHiddenFolderFiles(input).Count);

        // Given as the input, a hidden folder is read.
        Assert.Equal(0, CliRunner.Run("analyze", Path.Combine(input, ".ipynb_checkpoints"), "--out", Path.Combine(tmp.Path, "cp"), "-q").ExitCode);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(tmp.Path, "cp", "documents.csv")).Length);
    }

    [Fact]
    public void One_column_for_both_the_id_and_the_text_is_refused()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "cc.csv");
        File.WriteAllText(input, "id,text\n1,Hello.\n");

        var result = CliRunner.Run("analyze", input, "--id-column", "text", "--text-column", "text", "--out", Path.Combine(tmp.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the id column and the text column are both 'text'; name two different columns.", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "out")));
    }

    [Fact]
    public void A_tab_separated_file_is_told_to_be_named_csv()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "t.tsv");
        File.WriteAllText(input, "id\ttext\n1\tHello.\n");

        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rename a tab-separated table to .csv: its tab separators are detected.", result.Stderr, StringComparison.Ordinal);
        var csv = Path.ChangeExtension(input, ".csv");
        File.Copy(input, csv);
        Assert.Equal(0, CliRunner.Run("analyze", csv, "--out", Path.Combine(tmp.Path, "out"), "-q").ExitCode);
    }

    [SkippableFact]
    public void An_output_folder_that_is_a_broken_link_is_named_as_one()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges there");
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "j.jsonl");
        File.WriteAllText(input, """{"id":"a","text":"One."}""" + "\n");
        var link = Path.Combine(tmp.Path, "out");
        File.CreateSymbolicLink(link, Path.Combine(tmp.Path, "missing", "dir"));

        var result = CliRunner.Run("analyze", input, "--out", link);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"The output folder '{link}' is a link to '{Path.Combine(tmp.Path, "missing", "dir")}', which does not exist", result.Stderr, StringComparison.Ordinal);
    }
}
