using System.Text.RegularExpressions;
using Microsoft.ML;
using PolicyText.Corpora;
using PolicyText.Features;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests;

/// <summary>
/// The README's C# examples, compiled here and run, with their printed output asserted. The
/// test also checks that the README shows exactly this code and this output, so they cannot drift.
/// </summary>
public partial class ReadmeTests
{
    private static string RunTagging()
    {
        // A local named Console captures what the README's code prints.
        using var Console = new StringWriter { NewLine = "\n" };
        // README:begin
        var analyzer = TextAnalyzer.CreateDefault();
        var result = analyzer.Analyze(
            "Tying food aid to denuclearization talks is not the right approach. " +
            "Children need clean water regardless of politics. " +
            "The envoy said sanctions would stay until the prison camps close.");
        foreach (var s in result.Sentences)
        {
            Console.WriteLine($"{s.Rights.ToCode()} ({s.RightsConfidence:F2}), {s.Linkage.ToCode()} ({s.LinkageConfidence:F2}): {result.Document.Text[s.Start..s.End]}");
            foreach (var e in s.Evidence)
            {
                Console.WriteLine($"    {e.Cue,-11} {e.Category,-15} \"{e.Text}\"");
            }
        }

        Console.WriteLine($"document: {result.Summary.RightsEmphasis.ToCode()}, {result.Summary.Linkage.ToCode()}");
        // README:end
        return Console.ToString();
    }

    /// <summary>The README's paths are relative to the repository root; tests that change the current directory take this lock.</summary>
    private static readonly Lock CurrentDirectory = new();

    private static string RunBatch()
    {
        using var Console = new StringWriter { NewLine = "\n" };
        lock (CurrentDirectory)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = RepoPaths.Root;
            try
            {
        // README:begin
        var source = CorpusSource.Open("corpus/documents.jsonl");
        var result = CorpusRunner.Run(source.Items, source.Variables, "out", TextAnalyzer.CreateDefault(), new CorpusRunOptions { Threads = 2 });
        Console.WriteLine($"{result.Documents} documents, {result.Sentences} sentences, {result.Errors.Count} errors: {string.Join(", ", result.Files)}");
        // README:end
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }

        return Console.ToString();
    }

    private static string RunDataView()
    {
        using var Console = new StringWriter { NewLine = "\n" };
        // README:begin
        var ml = new MLContext(seed: 1);
        var data = TextAnalyzer.CreateDefault().ToDataView(ml, [
            "Aid must flow regardless of politics. Children need clean water.",
            "Sanctions must stay until the camps close. Relief must be earned.",
        ]);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Linkage")
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        var model = pipeline.Fit(data);
        Console.WriteLine($"{data.Schema["Features"].Type}: {model.Transform(data).Preview().RowView.Length} sentences");
        // README:end
        return Console.ToString();
    }

    private static string RunTextLayer()
    {
        using var Console = new StringWriter { NewLine = "\n" };
        // README:begin
        var doc = TextDocument.Parse("The U.S. didn't send aid. Dr. Kim said so... Talks resume Jan. 14.");
        foreach (var sentence in doc.Sentences)
        {
            Console.WriteLine(sentence.GetText(doc.Text).ToString());
        }

        foreach (var token in doc.Sentences[0].GetTokens(doc.Tokens))
        {
            Console.WriteLine($"{token.Start,3} {token.Kind,-12} {token.GetText(doc.Text)} -> {doc.GetNormalized(token)}");
        }
        // README:end
        return Console.ToString();
    }

    [Fact]
    public void Every_csharp_example_in_the_readme_prints_what_the_readme_says()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var blocks = FencedBlock().Matches(readme).Select(m => (Lang: m.Groups[1].Value, Body: m.Groups[2].Value)).ToList();
        var examples = blocks.Select((b, i) => (b, i)).Where(x => x.b.Lang == "csharp").Select(x => x.i).ToList();
        var runs = new Func<string>[] { RunTagging, RunBatch, RunDataView, RunTextLayer };
        Assert.Equal(runs.Length, examples.Count);

        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PolicyText.Tests", "ReadmeTests.cs"));
        var regions = Region().Matches(source).Select(m => m.Groups[1].Value).ToList();
        for (int k = 0; k < runs.Length; k++)
        {
            var printed = blocks[examples[k] + 1].Body;
            Assert.Equal(printed, runs[k]());

            var tested = string.Join('\n', regions[k].Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
            var shown = UsingLines().Replace(blocks[examples[k]].Body, string.Empty).TrimStart('\n');
            Assert.Equal(tested, shown);
        }
    }

    [Fact]
    public void The_readme_sample_of_sentences_csv_is_what_the_quick_start_command_writes()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var sample = FencedBlock().Matches(readme).Select(m => m.Groups[2].Value).Single(b => b.StartsWith("doc_id,sentence_index,", StringComparison.Ordinal));

        using var tmp = new Cli.TempDir();
        Assert.Equal(0, Cli.CliRunner.Run("analyze", Path.Combine(RepoPaths.Root, "corpus", "quickstart"), "--out", tmp.Path, "-q").ExitCode);
        var written = File.ReadAllLines(Path.Combine(tmp.Path, "sentences.csv"));
        var shown = sample.TrimEnd('\n').Split('\n');
        Assert.Equal(written.Take(shown.Length), shown);
    }

    [GeneratedRegex("```([a-z]*)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("// README:begin\\n(.*?)        // README:end", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex("^using [A-Za-z.]+;\\n", RegexOptions.Multiline)]
    private static partial Regex UsingLines();
}
