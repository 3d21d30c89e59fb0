using PolicyText.Corpora;

namespace PolicyText.Tests.Cli;

/// <summary>
/// Inputs found by an adversarial review of the command line: each used to crash with a stack
/// trace, lose or splice data silently, or fail only after minutes of work.
/// </summary>
public class RobustnessTests
{
    private static void AssertCleanFailure(CliResult result, string message)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A gold corpus of the shipped corpus's first <paramref name="count"/> documents, all in <paramref name="split"/>.</summary>
    private static string GoldCorpusIn(TempDir tmp, string split, int count)
    {
        var folder = Path.Combine(tmp.Path, "gold-" + split);
        Directory.CreateDirectory(folder);
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl")).Take(count)
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"split\": \"[a-z]+\"", $"\"split\": \"{split}\""));
        File.WriteAllLines(Path.Combine(folder, "documents.jsonl"), lines);
        return folder;
    }

    [Fact]
    public void Training_on_a_corpus_without_train_documents_is_a_one_line_error()
    {
        using var tmp = new TempDir();
        var gold = GoldCorpusIn(tmp, "test", 2);
        AssertCleanFailure(CliRunner.Run("train", "--corpus", gold, "--out", Path.Combine(tmp.Path, "m.models")), "no documents in the train split");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold), "no documents in the train split");
    }

    [Fact]
    public void Evaluating_an_empty_split_fails_before_training()
    {
        using var tmp = new TempDir();
        var gold = GoldCorpusIn(tmp, "train", 3);
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "test"), "no documents in the test split");

        var empty = Path.Combine(tmp.Path, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "documents.jsonl"), string.Empty);
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--heldout", empty), "has no documents to score");
    }

    [Fact]
    public void Messages_name_no_dotnet_parameters_and_options_that_need_another_say_so()
    {
        using var tmp = new TempDir();
        var gold = GoldCorpusIn(tmp, "train", 3);
        var folds = CliRunner.Run("eval", "--corpus", gold, "--cv", "1");
        AssertCleanFailure(folds, "The number of folds must be between 2");
        Assert.DoesNotContain("(Parameter", folds.Stderr, StringComparison.Ordinal);
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--predictions", string.Empty), "is an empty string; give its path");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--raw-cells"), "give --predictions too");
        var labels = Path.Combine(tmp.Path, "l.tsv");
        File.WriteAllText(labels, "doc_id\tindex\trights\tlinkage\n");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--labels", labels, "--labels-name", "sec\u2028ond"), "must have 1 to 27 characters");
    }

    [Fact]
    public void Output_paths_that_cannot_be_written_fail_before_any_work()
    {
        using var tmp = new TempDir();
        var gold = GoldCorpusIn(tmp, "train", 3);
        AssertCleanFailure(CliRunner.Run("train", "--corpus", gold, "--out", Path.Combine(tmp.Path, "missing", "m.models")), "does not exist");
        AssertCleanFailure(CliRunner.Run("train", "--corpus", gold, "--out", tmp.Path), "is a folder");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--predictions", tmp.Path), "is a folder");
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.partial"));
    }

    [Fact]
    public void An_output_that_would_overwrite_an_input_is_refused_and_the_input_kept()
    {
        using var tmp = new TempDir();
        var data = Path.Combine(tmp.Path, "data");
        Directory.CreateDirectory(data);
        var csv = Path.Combine(data, "documents.csv");
        File.WriteAllText(csv, "id,text\n1,Aid came.\n");
        AssertCleanFailure(CliRunner.Run("analyze", csv, "--out", data, "-q"), "would overwrite the input");

        // Through a link to the folder, either way round.
        var link = Path.Combine(tmp.Path, "link");
        Directory.CreateSymbolicLink(link, data);
        AssertCleanFailure(CliRunner.Run("analyze", csv, "--out", link, "-q"), "would overwrite the input");
        AssertCleanFailure(CliRunner.Run("analyze", Path.Combine(link, "documents.csv"), "--out", data, "-q"), "would overwrite the input");
        Assert.Equal("id,text\n1,Aid came.\n", File.ReadAllText(csv));
        Assert.Single(Directory.GetFiles(data));

        var gold = GoldCorpusIn(tmp, "train", 3);
        var corpusFile = Path.Combine(gold, "documents.jsonl");
        var before = File.ReadAllBytes(corpusFile);
        AssertCleanFailure(CliRunner.Run("train", "--corpus", gold, "--out", corpusFile), "would overwrite the input");
        var goldLink = Path.Combine(tmp.Path, "gold-link");
        Directory.CreateSymbolicLink(goldLink, gold);
        AssertCleanFailure(CliRunner.Run("train", "--corpus", goldLink, "--out", corpusFile), "would overwrite the input");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--predictions", corpusFile), "would overwrite the input");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", gold, "--split", "train", "--predictions", Path.Combine(gold, ".", "documents.jsonl")), "would overwrite the input");
        Assert.Equal(before, File.ReadAllBytes(corpusFile));

        // An input inside the output folder under a name the run does not write is fine.
        File.Move(csv, Path.Combine(data, "corpus.csv"));
        Assert.Equal(0, CliRunner.Run("analyze", Path.Combine(data, "corpus.csv"), "--out", data, "-q").ExitCode);
    }

    [Fact]
    public void A_byte_order_mark_in_the_middle_of_json_lines_is_skipped()
    {
        // Two files joined with cat: the second one's byte order mark opens a line in the middle.
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllBytes(input, [.. "{\"id\": \"a\", \"text\": \"Aid came.\"}\n"u8.ToArray(), 0xEF, 0xBB, 0xBF, .. "{\"id\": \"b\", \"text\": \"Food came.\", \"year\": 2020}\n"u8.ToArray()]);
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "-q");

        Assert.Equal(0, result.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.StartsWith("doc_id,year,", documents[0], StringComparison.Ordinal);
        Assert.Equal(["a", "b"], documents.Skip(1).Select(l => l.Split(',')[0]));
    }

    [SkippableFact]
    public void A_file_whose_name_is_not_utf8_is_reported_as_such()
    {
        Skip.If(OperatingSystem.IsWindows(), "file names are bytes on Unix only");
        using var tmp = new TempDir();
        var folder = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "good.txt"), "Aid came.");
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", "printf 'Food.' > \"$1/bad$(printf '\\377')name.txt\"", "sh", folder]) { UseShellExecute = false };
        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            process.WaitForExit();
            Skip.If(process.ExitCode != 0, "could not make a file with a non-UTF-8 name here");
        }

        var output = Path.Combine(tmp.Path, "out");
        var result = CliRunner.Run("analyze", folder, "--out", output, "-q");

        Assert.Equal(2, result.ExitCode);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains(",unreadable,", errors[1], StringComparison.Ordinal);
        Assert.Contains("name is not valid UTF-8", errors[1], StringComparison.Ordinal);

        // The test's own folder goes too, though .NET cannot delete the file by its name.
        tmp.Dispose();
        Assert.False(Directory.Exists(tmp.Path), "the temporary folder with the non-UTF-8 name was left behind");
    }

    [Fact]
    public void Help_names_the_tool_as_it_is_installed_whatever_runs_it()
    {
        // A RootCommand would print the name of the executable running it ("PolicyText.Cli",
        // or "testhost" here), not the command a user types.
        var root = CliRunner.Run("--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("Usage:\n  policytext [command] [options]", root.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("sanctions", root.Stdout, StringComparison.Ordinal);

        var analyze = CliRunner.Run("analyze", "--help");
        Assert.Contains("  policytext analyze <input> [options]", analyze.Stdout, StringComparison.Ordinal);
        var stats = CliRunner.Run("corpus", "stats", "-h");
        Assert.Contains("  policytext corpus stats <dir> [options]", stats.Stdout, StringComparison.Ordinal);

        var version = CliRunner.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);
    }

    [Fact]
    public void A_parse_error_points_to_help_instead_of_printing_it()
    {
        var result = CliRunner.Run("analyze", "in.jsonl", "--out", "o", "--threads", "abc");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'abc'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("see 'policytext analyze --help'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.Stdout + result.Stderr, StringComparison.Ordinal);

        var nested = CliRunner.Run("corpus", "stats", "a", "b");
        Assert.Equal(1, nested.ExitCode);
        Assert.Contains("see 'policytext corpus stats --help'", nested.Stderr, StringComparison.Ordinal);
        Assert.Empty(nested.Stdout);

        var typo = CliRunner.Run("analyse");
        Assert.Contains("analyze", typo.Stderr, StringComparison.Ordinal);
        Assert.Empty(typo.Stdout);
    }

    [Fact]
    public void A_folder_where_a_file_is_expected_is_named_as_such()
    {
        using var tmp = new TempDir();
        AssertCleanFailure(CliRunner.Run("eval-segmenter", tmp.Path), "is a folder");
    }

    [Fact]
    public void Bad_option_values_are_refused()
    {
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var output = Path.Combine(tmp.Path, "out");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", output, "--threads", "0"), "--threads must be at least 1");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", output, "--threads", "-1"), "--threads must be at least 1");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", output, "--threads", "100000"), "at most 1024");
        AssertCleanFailure(CliRunner.Run("eval", "--corpus", Path.Combine(tmp.Path, "none"), "--cv", "3", "--split", "dev"), "cannot be combined with --split");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", output, "--text-column", "body"), "not a .csv file");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "--threads", "1", "-q").ExitCode);

        // A file name that starts with @ is a file name, not a response file of arguments (it
        // was read as one: "Response file not found"). Relative, so that the argument starts with @.
        var at = "@policytext-test-" + Guid.NewGuid().ToString("N") + ".jsonl";
        File.Copy(input, at);
        try
        {
            var result = CliRunner.Run("analyze", at, "--out", Path.Combine(tmp.Path, "at"), "-q");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(tmp.Path, "at", "documents.csv")).Length);
        }
        finally
        {
            File.Delete(at);
        }
    }

    [Fact]
    public void An_empty_category_runs_with_a_note()
    {
        // A category switched off on purpose (to measure what it adds), or a heading out of place:
        // the run goes on, and says so.
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var cues = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", "cues.lexicon"));
        int hedge = cues.IndexOf("[hedge]\n", StringComparison.Ordinal);
        int next = cues.IndexOf("\n[", hedge + 1, StringComparison.Ordinal);
        var file = Path.Combine(tmp.Path, "no-hedges.lexicon");
        File.WriteAllText(file, cues[..(hedge + "[hedge]\n".Length)] + cues[(next + 1)..]);
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--lexicon", file, "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"policytext: note: {file}: category [hedge] has no entries, so it is never found.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lexicon_the_taggers_cannot_use_is_named_by_its_file()
    {
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var unknown = Path.Combine(tmp.Path, "foo.lexicon");
        File.WriteAllText(unknown, "@lexicon foo\n@version 1\n[x]\nfood\n");
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--lexicon", unknown);
        AssertCleanFailure(result, unknown + ": A lexicon for the taggers is named rights, linkage or cues");
        Assert.DoesNotContain("(Parameter", result.Stderr, StringComparison.Ordinal);

        var lacking = Path.Combine(tmp.Path, "rights.lexicon");
        File.WriteAllText(lacking, "@lexicon rights\n@version 9\n[freedom]\nprison*\n");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--lexicon", lacking), lacking + ": The rights lexicon 'rights' lacks the categories");

        // Saved in Latin-1: "liberté" was read with a replacement character and never matched, silently.
        var latin1 = Path.Combine(tmp.Path, "latin1.lexicon");
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", "rights.lexicon"));
        File.WriteAllBytes(latin1, [.. System.Text.Encoding.UTF8.GetBytes(shipped.TrimEnd('\n') + "\nlibert"), 0xE9, (byte)'\n']);
        int line = shipped.TrimEnd('\n').Count(c => c == '\n') + 2;
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--lexicon", latin1), $"{latin1}, line {line}: the file is not UTF-8 (an invalid byte 0xE9)");

        // UTF-16 without a byte order mark: ASCII with NUL bytes, valid UTF-8 but not text.
        File.WriteAllBytes(latin1, System.Text.Encoding.Unicode.GetBytes(shipped));
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--lexicon", latin1), $"{latin1}, line 1: the file holds NUL characters");

        // UTF-8 with a byte order mark, and UTF-16 with one, are read.
        File.WriteAllText(latin1, shipped, new System.Text.UTF8Encoding(true));
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "-q", "--lexicon", latin1).ExitCode);
        File.WriteAllText(latin1, shipped, System.Text.Encoding.Unicode);
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "-q", "--lexicon", latin1).ExitCode);
    }

    [Fact]
    public void Damaged_model_files_are_refused_with_a_message()
    {
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var shipped = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Models", "Resources", "policytext.models"));

        var trailing = Path.Combine(tmp.Path, "trailing.models");
        File.WriteAllBytes(trailing, [.. shipped, .. "junk"u8.ToArray()]);
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--model", trailing), "bytes after its last model");

        // The first model's class count (after the magic strings, names and the dimension) made negative.
        var negative = Path.Combine(tmp.Path, "negative.models");
        var bytes = (byte[])shipped.Clone();
        int at = ClassCountOffset(bytes);
        BitConverter.GetBytes(-1).CopyTo(bytes, at);
        File.WriteAllBytes(negative, bytes);
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--model", negative), "model with -1 classes");

        // The first class's bias made NaN: it loaded, and every sentence got that class with confidence NaN.
        var nan = Path.Combine(tmp.Path, "nan.models");
        bytes = (byte[])shipped.Clone();
        using (var reader = new BinaryReader(new MemoryStream(bytes)))
        {
            reader.BaseStream.Position = ClassCountOffset(bytes) + 4;
            reader.ReadString();
            BitConverter.GetBytes(float.NaN).CopyTo(bytes, (int)reader.BaseStream.Position);
        }

        File.WriteAllBytes(nan, bytes);
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "o"), "--model", nan), "not a finite number");
        Assert.Throws<ArgumentException>(() => new PolicyText.Models.LinearModel("rights", "1", ["a", "b"], [new float[PolicyText.Models.SentenceFeaturizer.Dimension], new float[PolicyText.Models.SentenceFeaturizer.Dimension]], [0, float.PositiveInfinity]));
    }

    /// <summary>Where the first model's class count is: after the file's magic string and the model's magic, format, task, version, feature space and dimension.</summary>
    private static int ClassCountOffset(byte[] model)
    {
        using var reader = new BinaryReader(new MemoryStream(model));
        reader.ReadString();
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadString();
        reader.ReadString();
        reader.ReadString();
        reader.ReadInt32();
        return (int)reader.BaseStream.Position;
    }

    [Fact]
    public void A_csv_quote_that_is_never_closed_is_reported_not_swallowed()
    {
        using var tmp = new TempDir();
        var (result, output) = AnalyzeCsv(tmp, "id,text\nd1,Sanctions should be tied to rights.\nd2,\"He said \"\"no\"\" and left.\nd3,Food aid must flow.\nd4,Talks resumed.\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["d1"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.Contains("malformed_row", errors[1], StringComparison.Ordinal);
        Assert.Contains("never closed", errors[1], StringComparison.Ordinal);
        Assert.Contains("line 3", errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,text,year\n1,Sanctions, however, must stay.,2020\n2,\"Aid, food.\",2021\n3,A trailing comma.,2022,\n", ",")]
    [InlineData("id;text\n1;Sanctions, however; stay.\n2;Aid, food.\n3;A trailing one.;\n", ";")]
    [InlineData("id,text\r\n1,Sanctions, however, must stay.\r\n2,Aid fell., \r\n3,Food came.,\t\r\n", ",")]
    public void A_csv_row_with_more_fields_than_the_header_is_reported_not_cut(string csv, string separator)
    {
        // An unquoted separator in a text used to cut the text and shift the later columns, exit 0.
        using var tmp = new TempDir();
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, "in.csv", csv);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith(",in.csv:row 1,malformed_row,", errors[1], StringComparison.Ordinal);
        Assert.Contains($"delimiter ('{separator}') must be quoted", errors[1], StringComparison.Ordinal);
        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.Equal(["2", "3"], sentences.Skip(1).Select(l => l.Split(',')[0]).Distinct());
    }

    [Fact]
    public void Malformed_csv_quoting_is_flagged_and_the_row_analysed()
    {
        using var tmp = new TempDir();
        var (result, output) = AnalyzeCsv(tmp, "id,text\nd1,\"quoted\" then text\nd2,Plain text.\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["d1", "d2"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("d1,in.csv:row 1,malformed_quoting,", errors[1], StringComparison.Ordinal);
    }

    /// <summary>A JSON Lines input of one short document, in <paramref name="tmp"/>.</summary>
    private static string OneDocument(TempDir tmp)
    {
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, """{"id": "a", "text": "Food aid now."}""" + "\n");
        return input;
    }

    /// <summary>Runs <c>analyze</c> on a CSV file of <paramref name="content"/>; returns the result and the output folder.</summary>
    private static (CliResult Result, string Output) AnalyzeCsv(TempDir tmp, string content)
    {
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(input, content);
        var output = Path.Combine(tmp.Path, "out");
        return (CliRunner.Run("analyze", input, "--out", output, "-q"), output);
    }

    [Fact]
    public void An_empty_csv_says_so()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllBytes(input, [0xEF, 0xBB, 0xBF]);
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out")), "the file is empty");
    }

    [Fact]
    public void Nul_characters_in_json_lines_are_binary_content_as_in_text_files()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllLines(input, ["""{"id": "a", "text": "x\u0000y"}""", """{"id": "b", "text": "Fine."}"""]);
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.Equal(["b"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("a,in.jsonl:1,binary_content,", File.ReadAllLines(Path.Combine(output, "errors.csv"))[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\0', File.ReadAllText(Path.Combine(output, "errors.csv")));
    }

    [Fact]
    public void Two_files_with_one_id_in_a_folder_are_reported_in_a_fixed_order()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Sanctions now.");
        File.WriteAllText(Path.Combine(input, "a.md"), "Food aid.");
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        // a.md sorts before a.txt: it is the document, a.txt the duplicate.
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.Equal(2, documents.Length);
        Assert.Equal("Food aid.".Length.ToString(System.Globalization.CultureInfo.InvariantCulture), documents[1].Split(',')[1]);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains("a.txt,duplicate_id,", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_folder_is_not_followed()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Sanctions now.");
        Directory.CreateSymbolicLink(Path.Combine(input, "self"), input);
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.Equal(["a"], File.ReadAllLines(Path.Combine(output, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]));
    }

    [Theory]
    [InlineData("notes.json")]
    [InlineData("page.html")]
    public void A_single_file_of_another_kind_is_refused_not_read_as_text(string name)
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, name);
        File.WriteAllText(input, "[{\"id\": \"a\"}]");
        AssertCleanFailure(CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out")), "the input is read by its extension");
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "out")));
    }

    [Fact]
    public void An_input_without_documents_is_warned_about()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "notes.json"), "[]");
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"), "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the input holds no documents", result.Stderr, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(tmp.Path, "out", "documents.csv")));
    }

    [Fact]
    public void A_run_without_tokens_removes_an_earlier_tokens_csv()
    {
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var output = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q", "--tokens").ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "tokens.csv")));

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        Assert.False(File.Exists(Path.Combine(output, "tokens.csv")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Items": 3, "Bytes": {"sentences.csv": 10, "documents.csv": 10, "evidence.csv": 10}, "Rows": {"sentences.csv": 1, "documents.csv": 1, "evidence.csv": 1}, "ErrorRows": -1, "ErrorBytes": 0, "Variables": []}""")]
    [InlineData("""{"Items": 3, "Bytes": {"sentences.csv": 0, "documents.csv": 0, "evidence.csv": 0}, "Rows": {"sentences.csv": 0, "documents.csv": 0, "evidence.csv": 0}, "ErrorRows": 0, "ErrorBytes": 0, "Variables": []}""")]
    [InlineData("not json")]
    public void A_damaged_checkpoint_is_refused(string checkpoint) =>
        AssertCleanFailure(ResumeFrom(checkpoint, "header\nrow\n"), "is damaged");

    [Fact]
    public void A_checkpoint_of_an_earlier_version_is_refused_saying_so() =>
        AssertCleanFailure(
            ResumeFrom("""{"Items": 0, "Bytes": {"sentences.csv": 7, "documents.csv": 7, "evidence.csv": 7}, "Rows": {"sentences.csv": 0, "documents.csv": 0, "evidence.csv": 0}, "ErrorRows": 0, "ErrorBytes": 0, "Variables": []}""", "header\n"),
            "made by an earlier version of PolicyText");

    /// <summary>Runs <c>analyze --resume</c> on a one-document input, in a folder holding <paramref name="checkpoint"/> and three unfinished files of <paramref name="partial"/>.</summary>
    private static CliResult ResumeFrom(string checkpoint, string partial)
    {
        using var tmp = new TempDir();
        var input = OneDocument(tmp);
        var output = Path.Combine(tmp.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, RunCheckpoint.FileName), checkpoint);
        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv" })
        {
            File.WriteAllText(Path.Combine(output, file + ".partial"), partial);
        }

        return CliRunner.Run("analyze", input, "--out", output, "--resume");
    }

    [Fact]
    public void Standard_input_is_read_as_the_bytes_piped_in()
    {
        using var tmp = new TempDir();
        var output = Path.Combine(tmp.Path, "out");
        var cli = typeof(PolicyText.Cli.Program).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "analyze", "-", "--out", output, "-q" })
        {
            start.ArgumentList.Add(a);
        }

        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            // "café" with a Latin-1 é: not UTF-8.
            process.StandardInput.BaseStream.Write([.. "{\"id\":\"a\",\"text\":\"caf"u8.ToArray(), 0xE9, .. " sanctions.\"}\n"u8.ToArray()]);
            process.StandardInput.Close();
            process.WaitForExit();
            Assert.Equal(2, process.ExitCode);
        }

        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.StartsWith("a,stdin.jsonl:1,invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Running_out_of_memory_is_one_line_on_standard_error_not_a_stack_trace()
    {
        var stderr = new StringWriter();
        int code = PolicyText.Cli.Program.Guard(stderr, () => throw new OutOfMemoryException());
        Assert.Equal(1, code);
        Assert.Equal("policytext: out of memory: a line, field or file of the input may be too large to hold at once; split it, or free memory, and run again.", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void The_run_key_holds_the_schema_and_tool_versions()
    {
        // A build that writes other columns (schema) or reads the text otherwise (tool version)
        // must not continue another build's run.
        var settings = new Dictionary<string, string> { ["tokens"] = "false", ["raw_cells"] = "false", ["id_column"] = "id", ["text_column"] = "text" };
        var key = PolicyText.Cli.Program.RunKeyText([], false, [], settings, TextAnalyzer.CreateDefault());
        Assert.Contains($"schema\t{PolicyText.Export.RunManifest.SchemaVersion}\n", key, StringComparison.Ordinal);
        Assert.Contains($"tool\t{PolicyText.Export.RunManifest.ToolVersion}\n", key, StringComparison.Ordinal);
        // Readers that make other items of the same input (rows of separators skipped since 2)
        // must not continue a run by skipping the wrong number of them.
        Assert.Contains($"reading\t{PolicyText.Cli.Program.InputReadingVersion}\n", key, StringComparison.Ordinal);
        Assert.Equal(7, PolicyText.Cli.Program.InputReadingVersion);
    }

    [Fact]
    public void A_checkpoint_is_continued_only_under_the_same_run_key()
    {
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        var analyzer = TextAnalyzer.CreateDefault();
        var output = Path.Combine(tmp.Path, "out");
        var options = new CorpusRunOptions { Threads = 2, CheckpointEvery = 16, RunKey = "first" };
        using (var cancel = new CancellationTokenSource())
        {
            var source = CorpusSource.Open(corpus);
            Assert.ThrowsAny<OperationCanceledException>(() => CorpusRunner.Run(source.Items, source.Variables, output, analyzer, options,
                new PolicyText.Tests.Corpora.CancelAfter(cancel, 40), cancel.Token));
        }

        var again = CorpusSource.Open(corpus);
        var refused = Assert.Throws<IOException>(() => CorpusRunner.Run(again.Items, again.Variables, output, analyzer, options with { Resume = true, RunKey = "second" }));
        // A key that is not written in parts is refused with every part it may cover named.
        Assert.Contains("cannot be resumed: it differs from this run in its input, lexicon or model files, options or PolicyText version (the tool's, or how it reads inputs).", refused.Message, StringComparison.Ordinal);

        // A key written in parts, a name and a value a line, is refused naming the parts that differ.
        again = CorpusSource.Open(corpus);
        var parts = Assert.Throws<IOException>(() => CorpusRunner.Run(again.Items, again.Variables, output, analyzer, options with { Resume = true, RunKey = "data\tx\nsettings\ty\n" }));
        Assert.Contains("cannot be resumed: it differs from this run in its input, lexicon or model files", parts.Message, StringComparison.Ordinal);

        again = CorpusSource.Open(corpus);
        Assert.Equal(490, CorpusRunner.Run(again.Items, again.Variables, output, analyzer, options with { Resume = true }).Documents);
    }
}
