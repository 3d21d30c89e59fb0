using PolicyText.Corpora;

namespace PolicyText.Tests.Cli;

/// <summary>What a first-time user's probe (forty-eighth session) found unsaid or unreachable in <c>policytext analyze</c>.</summary>
public class ReviewFortyEightTests
{
    [Fact]
    public void Files_of_other_kinds_in_a_folder_are_named_as_not_read()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "a.txt"), "Aid must flow.");
        File.WriteAllText(Path.Combine(input, "op.docx"), "not text");
        File.WriteAllText(Path.Combine(input, "sub", "n.text"), "Sanctions must stay.");
        File.WriteAllText(Path.Combine(input, ".DS_Store"), "hidden, not counted");

        var source = CorpusSource.Open(input);
        Assert.Equal(["a"], source.Files!.Select(f => f.Id));
        Assert.Equal([Path.Combine(input, "op.docx"), Path.Combine(input, "sub", "n.text")], source.OtherFiles);

        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("policytext: note: 2 files not read, the first 'op.docx': a folder's .txt and .md files are read; convert other documents to plain text (.txt) first.", result.Stderr, StringComparison.Ordinal);

        // An output folder inside the input folder holds the run's own files: not counted.
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(input, "out")).ExitCode);
        var again = CliRunner.Run("analyze", input, "--out", Path.Combine(input, "out"));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("policytext: note: 2 files not read, the first 'op.docx'", again.Stderr, StringComparison.Ordinal);
        Directory.Delete(Path.Combine(input, "out"), recursive: true);

        // Said with --quiet too, as the hidden folders' files are: documents left unread.
        var quiet = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "q"), "-q");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("policytext: note: 2 files not read", quiet.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_a_run_with_no_checkpoint_says_it_starts_afresh()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\": \"a\", \"text\": \"Aid must flow.\"}\n");
        var output = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        var resumed = CliRunner.Run("analyze", input, "--out", output, "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"policytext: note: no checkpoint in '{output}' (its run finished, or none was begun there): --resume started afresh.", resumed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "documents.csv")).Length);
    }

    [Fact]
    public void The_row_names_column_of_R_can_be_the_id_column_by_its_documents_csv_name()
    {
        using var tmp = new TempDir();
        // As R's write.csv writes a data frame: row names in a first column without a name.
        var input = Path.Combine(tmp.Path, "r.csv");
        File.WriteAllText(input, "\"\",\"outlet\",\"text\"\n\"1\",\"X\",\"Aid must flow.\"\n\"2\",\"Y\",\"Sanctions must stay.\"\n");

        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"), "--id-column", "column_1");
        Assert.Equal(0, result.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(tmp.Path, "out", "documents.csv"));
        Assert.StartsWith("doc_id,outlet,", rows[0], StringComparison.Ordinal);
        Assert.Equal(["1,X", "2,Y"], rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));

        // A column_N that names a column with a name is not taken; the message shows the
        // nameless column by the name documents.csv gives it.
        var wrong = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "w"), "--id-column", "column_2");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("no column 'column_2'; the columns are column_1 (no name), outlet, text.", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bytes_say_what_encoding_they_usually_mean_and_a_short_row_is_counted_in_the_singular()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        // Windows-1252: an e acute and curly quotes, bytes that are not UTF-8.
        File.WriteAllBytes(input, [.. "id,text\n1,Caf"u8, 0xE9, .. " "u8, 0x93, .. "aid"u8, 0x94, .. ".\n2\n"u8]);
        var output = Path.Combine(tmp.Path, "out");
        var result = CliRunner.Run("analyze", input, "--out", output, "-q");
        Assert.Equal(2, result.ExitCode);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains("invalid_bytes_replaced", errors[1], StringComparison.Ordinal);
        Assert.Contains("such as Windows-1252 or Latin-1", errors[1], StringComparison.Ordinal);
        Assert.Contains("iconv -f windows-1252 -t utf-8", errors[1], StringComparison.Ordinal);
        Assert.Contains("The row has 1 field; the id and text columns need 2.", errors[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze|in|--out|o|--thread|2", "policytext: unknown option '--thread'; did you mean '--threads'?\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyze|in|--out|o|--threads|two", "policytext: Cannot parse argument 'two' for option '--threads' as a whole number.\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyzee|in", "policytext: unknown command 'analyzee'; did you mean 'analyze'?\npolicytext: see 'policytext --help'.\n")]
    [InlineData("corpus|stat|x", "policytext: unknown command 'stat'; did you mean 'stats'?\npolicytext: see 'policytext corpus --help'.\n")]
    [InlineData("analyze|in|-o|o|extra", "policytext: unexpected argument 'extra'.\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyzee|in|--out|o|--threads|2", "policytext: unknown command 'analyzee'; did you mean 'analyze'?\npolicytext: see 'policytext --help'.\n")]
    [InlineData("xy", "policytext: unknown command 'xy'.\npolicytext: see 'policytext --help'.\n")]
    [InlineData("analyze|in|-o|o|x", "policytext: unexpected argument 'x'.\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyze|--quite|in|-o|o", "policytext: unknown option '--quite'; did you mean '--quiet'?\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyze|--thread|2|in.csv|--out|o", "policytext: unknown option '--thread'; did you mean '--threads'?\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyze|--id-colum|id|in.csv|--out|o", "policytext: unknown option '--id-colum'; did you mean '--id-column'?\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("analyze|--thread|2|in.csv|--out|o|extra", "policytext: unknown option '--thread'; did you mean '--threads'?\npolicytext: unexpected argument 'extra'.\npolicytext: see 'policytext analyze --help'.\n")]
    [InlineData("eval|--corpus|c|--cv|x", "policytext: Cannot parse argument 'x' for option '--cv' as a whole number.\npolicytext: see 'policytext eval --help'.\n")]
    [InlineData("--bogus", "policytext: unknown option '--bogus'.\npolicytext: see 'policytext --help'.\n")]
    public void A_mistyped_command_line_gets_one_line_per_mistake_and_the_nearest_name(string args, string expected)
    {
        var result = CliRunner.Run(args.Split('|'));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal), result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
