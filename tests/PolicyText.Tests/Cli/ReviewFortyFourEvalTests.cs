using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyText.Corpora;
using PolicyText.Evaluation;

namespace PolicyText.Tests.Cli;

/// <summary>
/// A researcher's own gold corpora and files given to <c>train</c>, <c>eval</c> and
/// <c>eval-segmenter</c> (a review of the forty-fourth session): a corpus of sentences alone,
/// held-out sets that overlap the training data, R's row names, test sets as other tools write
/// them, and files put where they do harm.
/// </summary>
public class ReviewFortyFourEvalTests
{
    private static readonly string Repo = RepoPaths.Root;

    /// <summary>A corpus of 60 one-sentence documents of kind "sentence" (the held-out sentences), dealt into train, dev and test.</summary>
    private static string SentenceCorpus(TempDir tmp)
    {
        string[] splits = ["train", "train", "train", "train", "train", "train", "train", "dev", "test", "test"];
        var lines = File.ReadLines(Path.Combine(Repo, "corpus", "heldout-sentences", GoldCorpus.FileName)).Take(60)
            .Select((l, i) =>
            {
                var node = JsonNode.Parse(l)!.AsObject();
                node["split"] = splits[i % splits.Length];
                return node.ToJsonString();
            });
        var folder = Path.Combine(tmp.Path, "sentences-corpus");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, GoldCorpus.FileName), lines);
        return folder;
    }

    [Fact]
    public void A_corpus_of_sentences_alone_trains_and_its_sentences_are_documents()
    {
        using var tmp = new TempDir();
        var folder = SentenceCorpus(tmp);
        var corpus = GoldCorpus.Load(folder);
        Assert.All(corpus.Documents, d => Assert.Equal("sentence", d.Kind));
        // Only sentences.jsonl's lines are training sentences (first stage only, never scored).
        Assert.DoesNotContain(corpus.Documents, GoldCorpus.IsTrainingSentence);
        Assert.All(GoldCorpus.Load(Path.Combine(Repo, "corpus")).Documents.Where(d => d.Kind == "sentence"), d => Assert.True(GoldCorpus.IsTrainingSentence(d)));

        var models = Path.Combine(tmp.Path, "s.models");
        var result = CliRunner.Run("train", "--corpus", folder, "--out", models);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("trained on 42 sentences", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(models));
    }

    [Fact]
    public void Train_refuses_to_write_where_a_corpus_file_is_read_from_before_training()
    {
        using var tmp = new TempDir();
        var folder = SentenceCorpus(tmp);
        var target = Path.Combine(folder, GoldCorpus.SentencesFileName);

        var result = CliRunner.Run("train", "--corpus", folder, "--out", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is where the corpus's sentences.jsonl is read from", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        // Also with the corpus given as its documents.jsonl: a later load of the folder would read it.
        var byFile = CliRunner.Run("train", "--corpus", Path.Combine(folder, GoldCorpus.FileName), "--out", target);
        Assert.Equal(1, byFile.ExitCode);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public void A_held_out_set_that_is_the_training_data_is_warned_of()
    {
        using var tmp = new TempDir();
        var folder = SentenceCorpus(tmp);
        var model = Path.Combine(Repo, "src", "PolicyText", "Models", "Resources", "policytext.models");

        var same = CliRunner.Run("eval", "--corpus", folder, "--heldout", folder, "--model", model);

        Assert.Equal(0, same.ExitCode);
        Assert.Contains("policytext: warning: 42 of the 60 held-out sentences (of 20 characters or more) are, word for word, sentences of --corpus's train split, which trains the baselines, the first", same.Stderr, StringComparison.Ordinal);

        // A small set, all of it training sentences, is warned of too.
        var small = Path.Combine(tmp.Path, "small");
        Directory.CreateDirectory(small);
        File.WriteAllLines(Path.Combine(small, GoldCorpus.FileName), File.ReadLines(Path.Combine(folder, GoldCorpus.FileName)).Take(4));
        var four = CliRunner.Run("eval", "--corpus", folder, "--heldout", small, "--model", model);
        Assert.Contains("policytext: warning: 4 of the 4 held-out sentences", four.Stderr, StringComparison.Ordinal);

        // A set apart from the training data is not.
        var apart = CliRunner.Run("eval", "--corpus", folder, "--heldout", Path.Combine(Repo, "corpus", "heldout-statements"), "--model", model);
        Assert.Equal(0, apart.ExitCode);
        Assert.DoesNotContain("warning", apart.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_written_by_Rs_write_csv_with_row_names_are_read()
    {
        var r = "\"\",\"doc_id\",\"index\",\"rights\",\"linkage\"\n\"1\",\"a\",0,\"freedom\",\"neutral\"\n\"2\",\"a\",1,\"none\",\"none\"\n";
        var labels = GivenLabels.Parse(new StringReader(r), "coder");
        var plain = GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\na,0,freedom,neutral\na,1,none,none\n"), "coder");
        Assert.Equal(plain.Count, labels.Count);
        Assert.Equal(2, labels.Count);

        var short4 = Assert.Throws<FormatException>(() => GivenLabels.Parse(new StringReader("\"\",\"doc_id\",\"index\",\"rights\",\"linkage\"\na,0,freedom,neutral\n"), "coder"));
        Assert.Contains("a row has five (the row name, doc_id, index, rights, linkage)", short4.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_segmenter_strips_expected_sentences_and_shows_line_breaks_on_one_line()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "cases.jsonl");
        File.WriteAllText(file, """{"id":"1","text":"Hello there. How are you?","expected":["Hello there. ","How are you?\n"]}""" + "\n"
            + """{"id":"2","text":"One.\nTwo","expected":["One.\nTwo"]}""" + "\n");

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Contains("passed 1/2", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  text:     One.\\nTwo", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  expected: [One.\\nTwo]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_segmenter_refuses_an_empty_set_and_bytes_that_are_not_utf8()
    {
        using var tmp = new TempDir();
        var empty = Path.Combine(tmp.Path, "empty.jsonl");
        File.WriteAllText(empty, "\n");
        var none = CliRunner.Run("eval-segmenter", empty);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no cases", none.Stderr, StringComparison.Ordinal);

        var latin1 = Path.Combine(tmp.Path, "latin1.jsonl");
        File.WriteAllBytes(latin1, [.. "{\"id\":\"x\",\"text\":\"Caf"u8, 0xE9, .. ". Ok.\",\"expected\":[\"Caf. Ok.\"]}\n"u8]);
        var bad = CliRunner.Run("eval-segmenter", latin1);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("latin1.jsonl, line 1: invalid UTF-8 bytes", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_segmenter_refuses_an_expected_sentence_of_white_space()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "ws.jsonl");
        File.WriteAllText(file, """{"id":"1","text":"Hello there. How are you?","expected":["Hello there.","   ","How are you?"]}""" + "\n");

        var result = CliRunner.Run("eval-segmenter", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ws.jsonl, line 1: not a case with 'text' (a string) and 'expected' (an array of strings): an expected sentence is empty or only white space", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gold_corpus_line_that_is_not_json_names_the_byte_in_its_line()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, GoldCorpus.FileName);
        File.WriteAllLines(file, [File.ReadLines(Path.Combine(Repo, "corpus", GoldCorpus.FileName)).First(), "{\"id\": oops}"]);

        var ex = Assert.Throws<FormatException>(() => GoldCorpus.Load(file));

        Assert.Contains(", line 2: 'o' is an invalid start of a value. (at byte 8 of the line)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_of_another_kind_is_named_and_called_no_model_file()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "a.txt");
        File.WriteAllText(input, "Aid came.");
        var junk = Path.Combine(tmp.Path, "junk.models");
        File.WriteAllBytes(junk, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var result = CliRunner.Run("analyze", input, "--model", junk, "--out", Path.Combine(tmp.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{junk}: Not a PolicyText model file.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("7-bit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_records_the_hashes_of_a_model_file_and_lexicon_files()
    {
        using var tmp = new TempDir();
        var input = Path.Combine(tmp.Path, "a.txt");
        File.WriteAllText(input, "Aid came.");
        var model = Path.Combine(Repo, "src", "PolicyText", "Models", "Resources", "policytext.models");
        var lexicon = Path.Combine(Repo, "src", "PolicyText", "Lexicons", "Resources", "rights.lexicon");

        Assert.Equal(0, CliRunner.Run("analyze", input, "--model", model, "--lexicon", lexicon, "--out", Path.Combine(tmp.Path, "with"), "-q").ExitCode);
        Assert.Equal(0, CliRunner.Run("analyze", input, "--out", Path.Combine(tmp.Path, "without"), "-q").ExitCode);

        var with = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Path, "with", "manifest.json"))).RootElement.GetProperty("options");
        Assert.Equal(ManifestInputHash(model), with.GetProperty("model_sha256").GetString());
        Assert.Equal(ManifestInputHash(lexicon), with.GetProperty("lexicon_sha256").GetString());
        var without = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Path, "without", "manifest.json"))).RootElement.GetProperty("options");
        Assert.Equal(string.Empty, without.GetProperty("model_sha256").GetString());
        Assert.Equal(string.Empty, without.GetProperty("lexicon_sha256").GetString());

        static string ManifestInputHash(string file) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
    }

    [Fact]
    public void A_gold_label_that_is_null_is_shown_as_null()
    {
        using var tmp = new TempDir();
        var line = File.ReadLines(Path.Combine(Repo, "corpus", GoldCorpus.FileName)).First();
        var node = JsonNode.Parse(line)!.AsObject();
        node["sentences"]![0]!["linkage"] = null;
        var file = Path.Combine(tmp.Path, GoldCorpus.FileName);
        File.WriteAllText(file, node.ToJsonString() + "\n");

        var ex = Assert.Throws<FormatException>(() => GoldCorpus.Load(file));
        Assert.Contains("has linkage label null, not in the codebook", ex.Message, StringComparison.Ordinal);
    }
}
