using System.Globalization;
using System.Text.Json;

namespace PolicyText.Tests.Cli;

/// <summary>The input forms of analyze, and the document variables they carry into documents.csv.</summary>
public class InputFormTests
{
    [Fact]
    public void A_csv_input_names_its_id_and_text_columns_and_carries_the_rest()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(input, "doc,outlet,year,body,sentences\nd1,Daily,2024,\"Aid must flow, regardless of sanctions.\",x\nd2,\"The Post\",2025,Rights matter.,y\n");
        var output = Path.Combine(tmp.Path, "out");

        var result = CliRunner.Run("analyze", input, "--out", output, "--id-column", "doc", "--text-column", "body", "-q");

        Assert.Equal(0, result.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.StartsWith("doc_id,outlet,year,var_sentences,chars,tokens,words,sentences,", documents[0], StringComparison.Ordinal);
        Assert.StartsWith("d1,Daily,2024,x,39,", documents[1], StringComparison.Ordinal);
        Assert.StartsWith("d2,The Post,2025,y,14,", documents[2], StringComparison.Ordinal);
        var sentences = File.ReadAllLines(Path.Combine(output, "sentences.csv"));
        Assert.Equal(3, sentences.Length);
    }

    [Fact]
    public void An_unknown_column_is_a_clear_fatal_error()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(input, "id,body\na,Text.\n");
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no column 'text'; the columns are id, body", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_number_variable_is_written_as_a_number_and_text_that_looks_like_a_formula_is_escaped()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"Aid must flow.\",\"score\":-5,\"share\":-0.350,\"label\":\"-x\",\"formula\":\"=1+2\",\"code\":\"-05\"}\n");
        var output = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.StartsWith("doc_id,score,share,label,formula,code,", documents[0], StringComparison.Ordinal);
        Assert.StartsWith("a,-5,-0.350,\"'-x\",\"'=1+2\",\"'-05\",", documents[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_header_that_names_a_column_twice_is_a_clear_fatal_error_not_a_lost_column()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.csv");
        File.WriteAllText(input, "id,year,year,text\na,1990,2000,\"Aid must flow.\"\n");
        var result = CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the header names the column 'year' twice (columns 2 and 3)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in.jsonl", "{\"id\":\"a\",\"text\":\"bad\\u0000x\"}\n{\"id\":\"a\",\"text\":\"Aid must flow.\"}\n")]
    [InlineData("in.csv", "id,text\na,\"bad\0x\"\na,\"Aid must flow.\"\n")]
    public void A_document_that_is_not_analysed_does_not_take_its_id_from_a_later_one(string name, string content)
    {
        using var tmp = new TempDir();
        var (result, output, errors) = CliRunner.AnalyzeFile(tmp, name, content);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, errors.Length);
        Assert.Contains(",binary_content,", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("a,", File.ReadAllLines(Path.Combine(output, "documents.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_fields_other_than_id_and_text_become_columns_in_first_seen_order()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "text": "Aid came.", "outlet": "Daily", "year": 2024}""",
            """{"id": "b", "text": "Talks stalled.", "year": 2025, "tags": ["x", "y"], "author": null}""",
        ]);
        var output = Path.Combine(tmp.Path, "out");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);

        var documents = File.ReadAllLines(Path.Combine(output, "documents.csv"));
        Assert.StartsWith("doc_id,outlet,year,tags,author,chars,", documents[0], StringComparison.Ordinal);
        Assert.StartsWith("a,Daily,2024,,,", documents[1], StringComparison.Ordinal);
        Assert.StartsWith("b,,2025,\"[\"\"x\"\", \"\"y\"\"]\",,", documents[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_and_utf8_with_one_read_the_same()
    {
        using var tmp = new TempDir();
        var a = Path.Combine(tmp.Path, "a");
        var b = Path.Combine(tmp.Path, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        const string text = "Korea’s aid — 👍 — came.";
        File.WriteAllText(Path.Combine(a, "doc.txt"), text, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        File.WriteAllText(Path.Combine(b, "doc.txt"), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0, CliRunner.Run("analyze", a, "--out", Path.Combine(tmp.Path, "oa"), "-q").ExitCode);
        Assert.Equal(0, CliRunner.Run("analyze", b, "--out", Path.Combine(tmp.Path, "ob"), "-q").ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(tmp.Path, "oa", "sentences.csv")), File.ReadAllText(Path.Combine(tmp.Path, "ob", "sentences.csv")));
        Assert.Contains(text, File.ReadAllText(Path.Combine(tmp.Path, "oa", "sentences.csv")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in.jsonl", "{\"id\":\"a\",\"text\":\"Aid X must flow.\"}\n{\"id\":\"b\",\"text\":\"Fine.\"}\n", false, false)]
    [InlineData("in.jsonl", "{\"id\":\"a\",\"text\":\"Aid X must flow.\"}\n{\"id\":\"b\",\"text\":\"Fine.\"}\n", true, false)]
    [InlineData("in.csv", "id,text\na,Aid X must flow.\nb,Fine.\n", false, false)]
    [InlineData("dir", "Aid X must flow.", false, false)]
    [InlineData("dir", "Aid X must flow.", false, true)]
    public void Invalid_bytes_in_utf16_or_utf32_input_are_flagged_like_invalid_utf8(string name, string content, bool bigEndian, bool utf32)
    {
        // The X becomes a lone high surrogate in the file's encoding: invalid bytes.
        using var tmp = new TempDir();
        System.Text.Encoding encoding = utf32 ? new System.Text.UTF32Encoding(bigEndian, byteOrderMark: true) : new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        var x = encoding.GetBytes("X");
        var lone = utf32 ? (bigEndian ? new byte[] { 0, 0, 0xD8, 0 } : new byte[] { 0, 0xD8, 0, 0 }) : (bigEndian ? new byte[] { 0xD8, 0 } : new byte[] { 0, 0xD8 });
        var bytes = new List<byte>(encoding.GetPreamble());
        foreach (char c in content)
        {
            bytes.AddRange(c == 'X' ? lone : encoding.GetBytes(c.ToString()));
        }

        Assert.Equal(x.Length, lone.Length);
        var input = Path.Combine(tmp.Path, name);
        if (name == "dir")
        {
            Directory.CreateDirectory(input);
            File.WriteAllBytes(Path.Combine(input, "a.txt"), [.. bytes]);
        }
        else
        {
            File.WriteAllBytes(input, [.. bytes]);
        }

        var output = Path.Combine(tmp.Path, "out");
        Assert.Equal(2, CliRunner.Run("analyze", input, "--out", output, "-q").ExitCode);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("a,", errors[1], StringComparison.Ordinal);
        Assert.Contains(",invalid_bytes_replaced,", errors[1], StringComparison.Ordinal);
        Assert.Contains("Aid \uFFFD must flow.", File.ReadAllText(Path.Combine(output, "sentences.csv")), StringComparison.Ordinal);
    }
}

public class DeterminismTests
{
    [Fact]
    public void The_output_is_byte_for_byte_the_same_for_any_number_of_threads()
    {
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        foreach (var threads in new[] { "1", "3", "8" })
        {
            Assert.Equal(0, CliRunner.Run("analyze", corpus, "--out", Path.Combine(tmp.Path, threads), "--threads", threads, "--tokens", "-q").ExitCode);
        }

        foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv", "tokens.csv" })
        {
            var one = File.ReadAllBytes(Path.Combine(tmp.Path, "1", file));
            Assert.Equal(one, File.ReadAllBytes(Path.Combine(tmp.Path, "3", file)));
            Assert.Equal(one, File.ReadAllBytes(Path.Combine(tmp.Path, "8", file)));
        }
    }

    [Fact]
    public async Task The_output_is_byte_for_byte_the_same_with_any_vector_instructions()
    {
        // The runtime reads its instruction-set switches at start-up, so each run is a process
        // of its own, and its manifest says what it ran with: the switch took effect. The
        // C library's switch (Linux x64) makes the softmax's exp the plain SSE2 one, not the FMA
        // one; elsewhere it is ignored.
        using var tmp = new TempDir();
        var corpus = Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl");
        var here = Path.Combine(tmp.Path, "here");
        Assert.Equal(0, CliRunner.Run("analyze", corpus, "--out", here, "--tokens", "-q").ExitCode);
        var runs = new (string Name, Dictionary<string, string> Environment, Func<JsonElement, bool> TookEffect)[]
        {
            ("no-avx512", new() { ["DOTNET_EnableAVX512"] = "0" }, p => !Sets(p).Contains("avx512f")),
            ("no-avx2", new() { ["DOTNET_EnableAVX2"] = "0" }, p => !Sets(p).Contains("avx2") && !Sets(p).Contains("fma")),
            ("vector-256", new() { ["DOTNET_PreferredVectorBitWidth"] = "256" }, p => int.Parse(p.GetProperty("vector_bits").GetString()!, CultureInfo.InvariantCulture) <= 256),
            ("no-vectors", new() { ["DOTNET_EnableHWIntrinsic"] = "0", ["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F" }, p => p.GetProperty("vector_bits").GetString() == "0" && Sets(p).Length == 0),
        };

        foreach (var (name, environment, tookEffect) in runs)
        {
            var output = Path.Combine(tmp.Path, name);
            var run = await CliRunner.RunProcess(environment, TimeSpan.FromMinutes(3), "analyze", corpus, "--out", output, "--tokens", "-q", "--threads", "2");
            Assert.True(run.ExitCode == 0, run.Stderr);
            using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifest.json"))))
            {
                var platform = manifest.RootElement.GetProperty("platform");
                Assert.True(tookEffect(platform), $"{name}: the switch did not take effect: {platform}");
            }

            foreach (var file in new[] { "sentences.csv", "documents.csv", "evidence.csv", "tokens.csv" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(here, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))), $"{name}: {file} differs");
            }
        }

        static string[] Sets(JsonElement platform) => platform.GetProperty("instruction_sets").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}

public class ManifestTests
{
    [Fact]
    public void The_manifest_records_versions_inputs_with_hashes_rows_times_and_options()
    {
        using var tmp = new TempDir();
        Assert.Equal(AnalyzeCommandTests.MiniExit, CliRunner.Run("analyze", RepoPaths.TestData("mini"), "--out", tmp.Path, "-q", "--threads", "2").ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Path, "manifest.json")));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("schema_version").GetInt32());
        Assert.StartsWith("PolicyText ", root.GetProperty("tool").GetString(), StringComparison.Ordinal);
        Assert.Contains("rights@", root.GetProperty("lexicons").GetString(), StringComparison.Ordinal);
        Assert.Equal(PolicyText.Text.Abbreviations.DefaultVersion, root.GetProperty("abbreviations").GetString());
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(5, inputs.Count); // .txt and .md, not ignored.json
        var empty = inputs.Single(i => i.GetProperty("path").GetString() == "empty.txt");
        Assert.Equal(0, empty.GetProperty("bytes").GetInt64());
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.GetProperty("sha256").GetString());
        Assert.Equal(10, root.GetProperty("rows").GetProperty("sentences.csv").GetInt64());
        Assert.Equal(5, root.GetProperty("rows").GetProperty("documents.csv").GetInt64());
        Assert.EndsWith("Z", root.GetProperty("finished").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", root.GetProperty("options").GetProperty("threads").GetString());

        // The machine, as far as it could change a result.
        var platform = root.GetProperty("platform");
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, platform.GetProperty("runtime").GetString());
        Assert.False(string.IsNullOrWhiteSpace(platform.GetProperty("os").GetString()));
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), platform.GetProperty("architecture").GetString());
        Assert.Contains(platform.GetProperty("vector_bits").GetString(), new[] { "0", "128", "256", "512" });
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, platform.GetProperty("instruction_sets").GetString()!.Split(' ').Contains("avx2"));
    }
}

public class StandardInputTests
{
    [Fact]
    public void A_dash_reads_json_lines_from_standard_input()
    {
        using var tmp = new TempDir();
        var lines = "{\"id\": \"a\", \"text\": \"Aid came.\", \"year\": 2024}\n{broken\n{\"id\": \"b\", \"text\": \"Talks stalled.\"}\n";

        var result = CliRunner.RunWithInput(lines, "analyze", "-", "--out", tmp.Path, "-q");

        Assert.Equal(2, result.ExitCode);
        var documents = File.ReadAllLines(Path.Combine(tmp.Path, "documents.csv"));
        Assert.StartsWith("doc_id,year,chars,", documents[0], StringComparison.Ordinal);
        Assert.Equal(["a", "b"], documents.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith(",stdin.jsonl:2,malformed_line,", File.ReadAllLines(Path.Combine(tmp.Path, "errors.csv"))[1], StringComparison.Ordinal);
        Assert.Contains("\"path\": \"-\"", File.ReadAllText(Path.Combine(tmp.Path, "manifest.json")), StringComparison.Ordinal);
    }
}
