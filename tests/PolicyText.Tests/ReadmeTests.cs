using System.Text.RegularExpressions;
using PolicyText.Text;

namespace PolicyText.Tests;

/// <summary>
/// The README's C# example, compiled here and run, with its printed output asserted. The test
/// also checks that the README shows exactly this code and this output, so the two cannot drift.
/// </summary>
public partial class ReadmeTests
{
    private static string RunQuickStart()
    {
        // A local named Console captures what the README's code prints.
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
    public void The_csharp_quick_start_prints_what_the_readme_says()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var blocks = FencedBlock().Matches(readme).Select(m => (Lang: m.Groups[1].Value, Body: m.Groups[2].Value)).ToList();
        int code = blocks.FindIndex(b => b.Lang == "csharp");
        Assert.True(code >= 0, "README has no csharp block");
        var printed = blocks[code + 1].Body;

        Assert.Equal(printed, RunQuickStart());

        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PolicyText.Tests", "ReadmeTests.cs"));
        var begin = source.IndexOf("// README:begin\n", StringComparison.Ordinal) + "// README:begin\n".Length;
        var end = source.IndexOf("        // README:end", StringComparison.Ordinal);
        var tested = string.Join('\n', source[begin..end].Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        var shown = blocks[code].Body.Replace("using PolicyText.Text;\n\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(tested, shown);
    }

    [GeneratedRegex("```([a-z]*)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
