using System.Text;
using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Features;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Evaluation;

/// <summary>
/// Labels made elsewhere (<c>eval --labels FILE</c>): read from a tab- or comma-separated file,
/// checked against the sentences scored, and scored as one more system with the same measures.
/// </summary>
public class GivenLabelsTests
{
    private static readonly string CorpusPath = Path.Combine(RepoPaths.Root, "corpus");

    private static readonly string ModelPath = Path.Combine(RepoPaths.Root, "src", "PolicyText", "Models", "Resources", "policytext.models");

    private static GoldCorpus Corpus { get; } = GoldCorpus.Load(CorpusPath);

    /// <summary>Six test documents of the corpus as a held-out corpus of their own.</summary>
    private static string WriteHeldOut(TempDir tmp)
    {
        var lines = File.ReadLines(Path.Combine(CorpusPath, GoldCorpus.FileName))
            .Where(l => l.Contains("\"split\": \"test\"", StringComparison.Ordinal))
            .Take(6)
            .ToList();
        var folder = Path.Combine(tmp.Path, "heldout");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, GoldCorpus.FileName), lines);
        return folder;
    }

    /// <summary>A labels file of every sentence of <paramref name="corpus"/>: its gold labels, or with <paramref name="change"/> applied.</summary>
    private static string WriteLabels(TempDir tmp, GoldCorpus corpus, string name, char separator = '\t', Func<GoldDocument, int, (string Rights, string Linkage)>? change = null)
    {
        var sb = new StringBuilder($"doc_id{separator}index{separator}rights{separator}linkage\n");
        foreach (var d in corpus.Documents)
        {
            for (int i = 0; i < d.Sentences.Count; i++)
            {
                var (rights, linkage) = change?.Invoke(d, i) ?? (d.Sentences[i].Rights.ToCode(), d.Sentences[i].Linkage.ToCode());
                sb.Append($"{d.Id}{separator}{i}{separator}{rights}{separator}{linkage}\n");
            }
        }

        var path = Path.Combine(tmp.Path, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void Gold_labels_given_score_one_and_the_counting_rule_on_documents_while_the_systems_score_as_without_them()
    {
        using var tmp = new TempDir();
        var heldOut = GoldCorpus.Load(WriteHeldOut(tmp));
        var labels = GivenLabels.Load(WriteLabels(tmp, heldOut, "gold copy.tsv"));
        Assert.Equal("gold copy", labels.Name);
        Assert.Equal(heldOut.Documents.Sum(d => d.Sentences.Count), labels.Count);

        var with = TaggerEvaluation.Evaluate(Corpus, heldOut, PolicyModels.Default!, labels: labels);
        var without = TaggerEvaluation.Evaluate(Corpus, heldOut, PolicyModels.Default!);

        Assert.Equal([.. TaggerEvaluation.Systems, "gold copy"], with.Rights.Select(r => r.System));
        Assert.Equal(1.0, with.Rights[^1].MacroF1);
        Assert.Equal(1.0, with.Linkage[^1].MacroF1);
        double rule = heldOut.Documents.Count(d => DocumentAggregator.Summarize(d.Sentences.Select(s => (s.Rights, s.Linkage))).Linkage == d.Linkage) / (double)heldOut.Documents.Count;
        Assert.Equal(rule, with.DocumentLinkageAccuracy["gold copy"]);
        Assert.Equal(without.Rights.Select(r => r.MacroF1), with.Rights.Take(TaggerEvaluation.Systems.Count).Select(r => r.MacroF1));
        Assert.Equal(without.Intervals!["PolicyText default"], with.Intervals!["PolicyText default"]);
        Assert.Contains("gold copy", with.Intervals.Keys);
        Assert.Equal(TaggerEvaluation.Systems, with.RightsAlone!.Select(r => r.System));
        Assert.Contains("\nrights — gold copy\n", with.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_other_than_the_gold_score_what_they_are_and_commas_separate_as_well_as_tabs()
    {
        using var tmp = new TempDir();
        var heldOut = GoldCorpus.Load(WriteHeldOut(tmp));
        // Every sentence 'none' on rights, the gold on linkage.
        var path = WriteLabels(tmp, heldOut, "coder.csv", ',', (d, i) => ("none", d.Sentences[i].Linkage.ToCode()));

        var report = TaggerEvaluation.Evaluate(Corpus, heldOut, PolicyModels.Default!, labels: GivenLabels.Load(path, "all none"));

        var rights = report.Rights.Single(r => r.System == "all none");
        Assert.Equal(1.0, report.Linkage.Single(r => r.System == "all none").MacroF1);
        Assert.Equal(rights.Classes.Single(c => c.Label == "none").Support / (double)rights.Count, rights.Accuracy, 10);
        Assert.True(rights.MacroF1 < 0.2);
        Assert.Equal(heldOut.Documents.Count(d => d.RightsEmphasis == RightsEmphasis.None) / (double)heldOut.Documents.Count, report.DocumentRightsAccuracy["all none"]);
    }

    [Theory]
    [InlineData("doc,index,rights\n", "line 1: the header")]
    [InlineData("", "line 1: the file is empty")]
    [InlineData("doc_id,index,rights,linkage\na,0,none,none,x\n", "line 2: 5 cells")]
    [InlineData("doc_id\tindex\trights\tlinkage\na\t0\tnone\n", "line 2: 3 cells")]
    [InlineData("doc_id\tindex\trights\tlinkage\na\t-1\tnone\tnone\n", "line 2: the index '-1'")]
    [InlineData("doc_id\tindex\trights\tlinkage\n\na\tx\tnone\tnone\n", "line 3: the index 'x'")]
    [InlineData("doc_id\tindex\trights\tlinkage\na\t0\tfreedoms\tnone\n", "line 2: 'freedoms' is not a rights label")]
    [InlineData("doc_id\tindex\trights\tlinkage\na\t0\tnone\tmixed\n", "line 2: 'mixed' is not a linkage label")]
    [InlineData("doc_id\tindex\trights\tlinkage\na\t0\tnone\tnone\na\t0\tboth\tnone\n", "line 3: document 'a' sentence 0 is labelled twice")]
    [InlineData("doc_id\tindex\trights\tlinkage\n\t0\tnone\tnone\n", "line 2: the doc_id is empty")]
    public void A_malformed_file_is_refused_naming_the_line(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => GivenLabels.Parse(new StringReader(text), "x", "f.tsv"));
        Assert.Contains("f.tsv, " + message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_blank_lines_carriage_returns_and_blank_trailing_cells_are_read()
    {
        var labels = GivenLabels.Parse(new StringReader("\uFEFFdoc_id,index,rights,linkage\r\na,0,both,pro_linkage\r\n\r\na,1,none,none,\r\n"), "x");
        Assert.Equal(2, labels.Count);
    }

    [Fact]
    public void A_quote_never_closed_is_refused_naming_the_file()
    {
        var ex = Assert.Throws<FormatException>(() => GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\n\"a,0,none,none\nb,0,none,none\n"), "x", "f.csv"));
        Assert.StartsWith("f.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_cells_as_r_writes_them_are_read()
    {
        // write.csv(labels, row.names = FALSE) in R.
        var labels = GivenLabels.Parse(new StringReader("\"doc_id\",\"index\",\"rights\",\"linkage\"\n\"a, b\",0,\"general\",\"neutral\"\n"), "x");
        Assert.Equal(1, labels.Count);
        labels.CheckCovers([new GoldDocument("a, b", "t", "op-ed", "global", new DateOnly(2026, 1, 1), null, CorpusSplit.Test, RightsEmphasis.General, DocumentLinkage.Neutral, "Text.", [new GoldSentence(0, 5, 0, 5, RightsCategory.General, LinkageStance.Neutral)])]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PolicyText default")]
    [InlineData("a name far longer than the table's column")]
    [InlineData("PolicyText default ")]
    [InlineData("policytext default")]
    [InlineData("second\ncoder")]
    [InlineData("second\tcoder")]
    public void A_name_that_is_empty_a_systems_or_too_long_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\n"), name));
    }

    [Fact]
    public void A_file_name_longer_than_the_column_is_cut_to_fit()
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "second-coder-labels-of-december-2026.tsv");
        File.WriteAllText(path, "doc_id\tindex\trights\tlinkage\n");
        Assert.Equal("second-coder-labels-of-dece", GivenLabels.Load(path).Name);
    }

    [Fact]
    public void A_name_in_wide_characters_counts_two_columns_a_character_and_keeps_its_row_aligned()
    {
        // Fourteen ideographs take 28 columns: one too many.
        Assert.Throws<ArgumentException>(() => GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\n"), "第二編碼員的標籤第二編碼員的標籤"[..14]));
        Assert.Throws<ArgumentException>(() => GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\n"), "\u200D"));
        Assert.Equal("第二編碼員", GivenLabels.Parse(new StringReader("doc_id,index,rights,linkage\n"), "第二編碼員").Name);

        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "二人目のコーダーによるラベル付けの結果です.tsv");
        File.WriteAllText(path, "doc_id\tindex\trights\tlinkage\n");
        Assert.Equal("二人目のコーダーによるラベ", GivenLabels.Load(path).Name); // 13 characters, 26 columns

        var sb = new System.Text.StringBuilder();
        EvaluationReport.AppendRow(sb, string.Empty, "第二編碼員", 0.5, 0.5, 0.5, 0.5);
        EvaluationReport.AppendRow(sb, string.Empty, "second coder", 0.5, 0.5, 0.5, 0.5);
        var rows = sb.ToString().Split('\n');
        // Five characters of two columns and 18 spaces fill the 28 columns "second coder" and 16 spaces fill.
        Assert.Equal("第二編碼員" + new string(' ', 18) + rows[1][28..], rows[0]);
    }

    [Theory]
    [InlineData("second coder", 12)]
    [InlineData("第二", 4)]
    [InlineData("🚀 coder ✅", 11)]
    [InlineData("⌚🪐🈁𛀀", 8)]
    [InlineData("한글", 4)]
    [InlineData("\u1112\u1161\u11AB\u1100\u1173\u11AF", 4)]
    [InlineData("cafe\u0301", 4)]
    public void Widths_are_counted_in_the_columns_of_a_monospaced_table(string name, int columns)
    {
        Assert.Equal(columns, PolicyText.Internals.ColumnWidth.Of(name));
    }

    [Fact]
    public void A_file_name_cut_at_a_space_is_trimmed_not_refused()
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "my second coder labels for ab ce.tsv");
        File.WriteAllText(path, "doc_id\tindex\trights\tlinkage\n");
        Assert.Equal("my second coder labels for", GivenLabels.Load(path).Name);
    }

    [Fact]
    public void Labels_of_other_sentences_than_those_scored_are_refused_counting_both_sides()
    {
        using var tmp = new TempDir();
        var heldOut = GoldCorpus.Load(WriteHeldOut(tmp));
        var first = heldOut.Documents[0];
        var path = WriteLabels(tmp, heldOut, "l.tsv");
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(1);
        lines.Add("elsewhere\t3\tnone\tnone");
        File.WriteAllLines(path, lines);

        var ex = Assert.Throws<ArgumentException>(() => GivenLabels.Load(path).CheckCovers(heldOut.Documents));

        Assert.Contains("1 of", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unlabelled and 1 labels are of no scored sentence", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"first unlabelled: document '{first.Id}' sentence 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("first of no scored sentence: document 'elsewhere' sentence 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_prints_the_labels_as_a_row_of_each_table()
    {
        using var tmp = new TempDir();
        var folder = WriteHeldOut(tmp);
        var path = WriteLabels(tmp, GoldCorpus.Load(folder), "coder.tsv");

        var run = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, "--model", ModelPath, "--labels", path, "--labels-name", "second coder");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\nsecond coder                            1.000             1.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nrights — second coder\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_refuses_labels_with_cross_validation_a_name_alone_and_labels_of_other_sentences_in_one_line()
    {
        using var tmp = new TempDir();
        var folder = WriteHeldOut(tmp);
        var path = WriteLabels(tmp, GoldCorpus.Load(folder), "coder.tsv");

        var cv = CliRunner.Run("eval", "--corpus", CorpusPath, "--cv", "2", "--labels", path);
        Assert.Equal(1, cv.ExitCode);
        Assert.Equal("policytext: --labels scores labels of one split or held-out corpus; it cannot be combined with --cv.", cv.Stderr.Trim());

        var nameAlone = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, "--labels-name", "x");
        Assert.Equal(1, nameAlone.ExitCode);
        Assert.Equal("policytext: --labels-name names the labels of --labels; give --labels too.", nameAlone.Stderr.Trim());

        // The held-out documents' labels for the corpus's dev split: refused before any training.
        var other = CliRunner.Run("eval", "--corpus", CorpusPath, "--split", "dev", "--labels", path);
        Assert.Equal(1, other.ExitCode);
        Assert.StartsWith("policytext: The labels 'coder' must be of exactly the sentences scored:", other.Stderr, StringComparison.Ordinal);
        Assert.Single(other.Stderr.Trim().Split('\n'));

        // The labels file as the predictions file would be overwritten: refused like the corpus.
        var over = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, "--model", ModelPath, "--labels", path, "--predictions", path);
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("would overwrite the input", over.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("doc_id\tindex", File.ReadAllText(path), StringComparison.Ordinal);

        var missing = CliRunner.Run("eval", "--corpus", CorpusPath, "--heldout", folder, "--labels", Path.Combine(tmp.Path, "none.tsv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("none.tsv' does not exist", missing.Stderr, StringComparison.Ordinal);
    }
}
