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
        // The id is known though the text is not a string: the error row carries it.
        Assert.StartsWith("b,in.jsonl:6,malformed_line,", errors[4], StringComparison.Ordinal);

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
        // The empty file is analysed and flagged; the binary one is not analysed.
        Assert.StartsWith("empty,empty,empty_text,", errors[1], StringComparison.Ordinal);
        Assert.Contains(",binary_content,", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("image,", errors[2], StringComparison.Ordinal);

        // A clean rerun removes the stale errors.csv and exits 0.
        File.Delete(Path.Combine(input, "image.txt"));
        File.WriteAllText(Path.Combine(input, "empty.txt"), "Water first.");
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_json_line_over_64_mib_is_refused_without_being_held_and_the_next_line_is_analysed(bool utf16)
    {
        // A line of 1 GB was read whole, twice, and the run ended with an out-of-memory stack
        // trace; a line is now counted past 4 bytes per character of the longest text and skipped.
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        var encoding = utf16 ? (System.Text.Encoding)new System.Text.UnicodeEncoding(false, true) : new System.Text.UTF8Encoding(false);
        using (var writer = new StreamWriter(input, append: false, encoding))
        {
            writer.Write("{\"id\": \"huge\", \"big_variable\": 1, \"text\": \"");
            var chunk = string.Concat(Enumerable.Repeat("Aid should flow. ", 4096));
            for (long written = 0; written <= (utf16 ? 32L : 64L) * 1024 * 1024; written += chunk.Length)
            {
                writer.Write(chunk);
            }

            writer.Write("\"}\r\n{\"id\": \"small\", \"text\": \"Sanctions must wait.\"}\n");
        }

        var output = Path.Combine(tmp.Path, "out");
        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith(",in.jsonl:1,document_too_large,\"The line is longer than 67,108,864 bytes", errors[1], StringComparison.Ordinal);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(2, documents.Length);
        Assert.StartsWith("doc_id,chars,", documents[0], StringComparison.Ordinal); // no column from the refused line
        Assert.StartsWith("small,", documents[1], StringComparison.Ordinal);
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

    [Fact]
    public void An_escaped_half_of_a_surrogate_pair_is_read_as_a_replacement_character_and_the_line_flagged()
    {
        // Text cut inside an emoji, as JavaScript and Python's json.dumps write it: one line of
        // such text once stopped the whole run.
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, """
            {"id": "a", "text": "Fine."}
            {"id": "t", "text": "Sanctions must stay \ud83d and \ud83d\ude00 \\ud83d.", "note": "cut \udc00"}
            {"id": "b", "text": "Fine too."}

            """);
        var output = Path.Combine(tmp.Path, "out");

        var run = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(2, run.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(["a", "t", "b"], documents.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("note", documents[0].Split(','));
        Assert.Contains(",cut \uFFFD,", documents[2], StringComparison.Ordinal);
        // The pair is kept whole, the escaped backslash is text, the half alone is U+FFFD.
        var sentence = File.ReadAllLines(Path.Combine(output, "sentences.csv")).Single(l => l.StartsWith("t,", StringComparison.Ordinal));
        Assert.EndsWith(",Sanctions must stay \uFFFD and \U0001F600 \\ud83d.", sentence, StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("t,in.jsonl:2,invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
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

/// <summary>Ids are never empty, and a document refused for its content leaves its id to the next.</summary>
public class IdTests
{
    [Fact]
    public void A_file_refused_for_its_content_leaves_its_id_to_the_other_file_of_that_name()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllBytes(Path.Combine(input, "a.md"), [0x62, 0x69, 0x6E, 0x00, 0x61, 0x72, 0x79]);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Good text about sanctions.");
        File.WriteAllText(Path.Combine(input, "b.md"), "One.");
        File.WriteAllText(Path.Combine(input, "b.txt"), "Two.");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.Equal(["a", "b"], sentences.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains(",Good text about sanctions.", sentences[1], StringComparison.Ordinal);
        Assert.Contains(",One.", sentences[2], StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(3, errors.Length);
        Assert.Contains(",binary_content,", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("b,", errors[2], StringComparison.Ordinal);
        Assert.Contains("b.txt,duplicate_id,", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_only_by_its_extension_keeps_it_as_its_id()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, ".txt"), "Hidden one.");
        File.WriteAllText(Path.Combine(input, "sub", ".md"), "Hidden two.");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        Assert.Equal([".txt", "sub/.md"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(0, CliRunner.Run("analyze", Path.Combine(input, ".txt"), "--out", Path.Combine(tmp.Path, "one"), "-q").ExitCode);
        Assert.StartsWith(".txt,", File.ReadAllLines(Path.Combine(tmp.Path, "one", "documents.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_of_separators_are_skipped_and_an_empty_id_is_refused_in_csv_and_json_lines()
    {
        using var tmp = new TempDir();
        // Trailing rows of separators, as a spreadsheet exports them, then a row with a text and no id.
        var csv = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(csv, "id,text,year\r\n1,Real text.,2020\r\n,,\r\n , ,\r\n,Orphan text.,2021\r\n,,\r\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", csv, "--out", output, "-q").ExitCode);

        Assert.Equal(["1"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith(",in.csv:row 4,malformed_row,The id is empty", errors[1], StringComparison.Ordinal);

        var jsonl = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(jsonl, "{\"id\": \"\", \"text\": \"No id.\"}\n{\"id\": \"a\", \"text\": \"Fine.\"}\n");
        var second = Path.Combine(tmp.Path, "out2");

        Assert.Equal(2, CliRunner.Run("analyze", jsonl, "--out", second, "-q").ExitCode);

        Assert.Equal(["a"], File.ReadAllLines(Path.Combine(second, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith(",in.jsonl:1,malformed_line,", File.ReadAllLines(Path.Combine(second, "errors.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_csv_row_names_its_id_in_errors_csv()
    {
        using var tmp = new TempDir();
        var csv = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(csv, "id,text\n1,Fine.\n2\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", csv, "--out", output, "-q").ExitCode);

        Assert.StartsWith("2,in.csv:row 2,malformed_row,", File.ReadAllLines(Path.Combine(output, "errors.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_column_without_a_name_is_a_variable_named_by_its_place()
    {
        using var tmp = new TempDir();
        // pandas' to_csv() writes its row names first, under no name; a spreadsheet adds empty columns after the last.
        var csv = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(csv, ",id,text,year, ,\n0,a,Fine.,2020,,\n1,b,Also fine.,2021,x,\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", csv, "--out", output, "-q").ExitCode);

        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        var header = documents[0].Split(',').ToList();
        Assert.Equal(["a", "b"], documents.Skip(1).Select(l => l.Split(',')[0]));
        Assert.DoesNotContain(string.Empty, header);
        Assert.Equal(["column_1", "year", "column_5", "column_6"], header.SkipWhile(h => h != "column_1").Take(4));
        var b = documents[2].Split(',');
        Assert.Equal(["1", "2021", "x", string.Empty], b.Skip(header.IndexOf("column_1")).Take(4));

        // A column called by the name a nameless one would get is refused, naming both.
        File.WriteAllText(csv, "id,text,,column_3\na,Fine.,1,2\n");
        var clash = CliRunner.Run("analyze", csv, "--out", Path.Combine(tmp.Path, "clash"));
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("the column without a name at column 3 is read as 'column_3'", clash.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_of_white_space_is_an_id()
    {
        using var tmp = new TempDir();
        var jsonl = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(jsonl, "{\"id\": \" \", \"text\": \"A space.\"}\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", jsonl, "--out", output, "-q").ExitCode);

        Assert.StartsWith(" ,", File.ReadAllLines(Path.Combine(output, "documents.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_lexicon_files_of_one_name_are_refused()
    {
        using var tmp = new TempDir();
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", "rights.lexicon"));
        var first = Path.Combine(tmp.Path, "A.lexicon");
        var second = Path.Combine(tmp.Path, "B.lexicon");
        File.WriteAllText(first, shipped.Replace("@version 4", "@version A", StringComparison.Ordinal));
        File.WriteAllText(second, shipped.Replace("@version 4", "@version B", StringComparison.Ordinal));
        var input = Path.Combine(tmp.Path, "in.txt");
        File.WriteAllText(input, "Food first.");

        var run = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"), "--lexicon", first, "--lexicon", second);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"'{first}' is also a rights lexicon", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "one"), "--lexicon", second, "-q").ExitCode);
        // The same file twice is one lexicon.
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "twice"), "--lexicon", second, "--lexicon", Path.Combine(tmp.Path, ".", "B.lexicon"), "-q").ExitCode);
    }

    [Fact]
    public void A_folder_where_an_output_file_goes_is_refused_before_anything_is_written()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.txt");
        File.WriteAllText(input, "Food first.");
        var output = Path.Combine(tmp.Path, "out");
        // Every file the library says a run may write, and only those.
        Assert.Equal(16, PolicyText.Corpora.CorpusRunner.OutputFileNames.Count);
        foreach (var name in PolicyText.Corpora.CorpusRunner.OutputFileNames)
        {
            var folder = Path.Combine(output, name);
            Directory.CreateDirectory(folder);

            var run = CliRunner.Run("analyze", input, "--out", output);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{name}' is a folder, where the run writes a file", run.Stderr, StringComparison.Ordinal);
            Assert.Equal([folder], Directory.GetFileSystemEntries(output));
            Directory.Delete(folder);
        }
    }

    [Theory]
    [InlineData("""{"id":"a","text":"x \ud83d y"}""", """{"id":"a","text":"x \ufffd y"}""", true)]
    [InlineData("""{"id":"a","text":"x \ud83d\ude00 y"}""", """{"id":"a","text":"x \ud83d\ude00 y"}""", false)]
    [InlineData("""{"id":"a","text":"x \\ud83d y"}""", """{"id":"a","text":"x \\ud83d y"}""", false)]
    [InlineData("""{"id":"a","text":"x \\\ud83d y"}""", """{"id":"a","text":"x \\\ufffd y"}""", true)]
    [InlineData("""{"id":"a","text":"\ude00\ud83d\u0041"}""", """{"id":"a","text":"\ufffd\ufffd\u0041"}""", true)]
    [InlineData("""{"id":"a","\ud83d":"v","text":"\ud83d"}""", """{"id":"a","\ufffd":"v","text":"\ufffd"}""", true)]
    [InlineData("""{"id":"a","text":"ends \ud83d""", """{"id":"a","text":"ends \ufffd""", true)]
    public void Escaped_halves_of_surrogate_pairs_alone_are_escaped_replacement_characters(string line, string expected, bool replaced)
    {
        bool flagged = false;
        Assert.Equal(expected, PolicyText.Corpora.JsonLinesCorpus.WithoutLoneSurrogateEscapes(line, ref flagged));
        Assert.Equal(replaced, flagged);
    }

    [Fact]
    public void A_field_name_with_half_a_surrogate_pair_is_read_and_takes_no_id_from_the_next_line()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"k\":\"w\",\"\\ud83d\":\"v\",\"id\":\"a\",\"text\":\"x is fine.\"}\n{\"id\":\"a\",\"text\":\"second a.\"}\n");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(2, documents.Length);
        Assert.Contains("\uFFFD", documents[0].Split(','));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.StartsWith("a,in.jsonl:1,invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("a,in.jsonl:2,duplicate_id,", errors[2], StringComparison.Ordinal);
    }
}
