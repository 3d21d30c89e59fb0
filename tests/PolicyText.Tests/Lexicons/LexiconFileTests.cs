using System.Text;
using PolicyText.Lexicons;
using PolicyText.Tagging;
using PolicyText.Tests.Cli;

namespace PolicyText.Tests.Lexicons;

/// <summary>A researcher's own lexicon files: what is read, and what is refused with a message rather than silently never matched.</summary>
public class LexiconFileTests
{
    private const string Rights = "@lexicon rights\n@version 1\n[freedom]\nfreedom\n[economic_social]\nfood\n[general]\nrights\n";

    [Fact]
    public void The_format_example_in_the_docs_replaces_the_rights_lexicon()
    {
        // docs/lexicons.md, Format: the first code block after the heading, copied by a researcher
        // as a start, loads as a replacement (it lacked [general] and was refused).
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "lexicons.md"));
        int format = docs.IndexOf("## Format", StringComparison.Ordinal);
        int open = docs.IndexOf("```\n", format, StringComparison.Ordinal) + 4;
        var example = docs[open..docs.IndexOf("```", open, StringComparison.Ordinal)];
        var lexicon = Lexicon.Parse(example);
        Assert.Equal("rights", lexicon.Name);
        var set = LexiconSet.Default.With(lexicon);
        Assert.StartsWith("rights@2-my-lab;", set.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_named_as_a_folder()
    {
        using var tmp = new TempDir();
        var folder = Path.Combine(tmp.Path, "my.lexicon");
        Directory.CreateDirectory(folder);
        var ex = Assert.Throws<FileNotFoundException>(() => Lexicon.Load(folder));
        Assert.Equal($"'{folder}' is a folder, not a lexicon file.", ex.Message);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Half_a_character_in_utf16_or_utf32_is_refused_with_its_line(string encodingName)
    {
        // Read with replacement, the lone surrogate became U+FFFD inside an entry that never matched.
        var encoding = encodingName == "utf-32" ? new UTF32Encoding(false, true) : Encoding.GetEncoding(encodingName);
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "r.lexicon");
        // A U+FFFD written on line 4 is text; the bad unit on line 7 is the one named.
        var good = Rights.Replace("food\n", "food\nwater\n", StringComparison.Ordinal).Replace("freedom\n[", "free\uFFFDdom\n[", StringComparison.Ordinal);
        File.WriteAllBytes(file, [.. encoding.GetPreamble(), .. encoding.GetBytes(good)]);
        Assert.Equal(4, Lexicon.Load(file).Entries.Count);

        // "water" on line 7 becomes "wat" + a lone high surrogate + "r".
        var bytes = new List<byte>(encoding.GetPreamble());
        bytes.AddRange(encoding.GetBytes(good[..good.IndexOf("ter", StringComparison.Ordinal)]));
        bytes.AddRange(encodingName switch
        {
            "utf-16" => [0x3D, 0xD8],
            "utf-16BE" => [0xD8, 0x3D],
            _ => [0x3D, 0xD8, 0x00, 0x00],
        });
        bytes.AddRange(encoding.GetBytes(good[(good.IndexOf("ter", StringComparison.Ordinal) + 2)..]));
        File.WriteAllBytes(file, [.. bytes]);
        var ex = Assert.Throws<FormatException>(() => Lexicon.Load(file));
        Assert.StartsWith($"{file}, line 7: the file holds half a character", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_utf16_is_refused_and_lines_ending_in_cr_are_counted()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "r.lexicon");
        File.WriteAllBytes(file, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Rights.Replace("food\n", "fo\0od\n", StringComparison.Ordinal))]);
        Assert.StartsWith($"{file}, line 6: the file holds NUL characters", Assert.Throws<FormatException>(() => Lexicon.Load(file)).Message, StringComparison.Ordinal);

        // Latin-1 with classic Mac line ends: the bad byte is on line 6, not "line 1".
        File.WriteAllBytes(file, Encoding.Latin1.GetBytes(Rights.Replace("food\n", "caf\u00e9\n", StringComparison.Ordinal).Replace('\n', '\r')));
        Assert.StartsWith($"{file}, line 6: the file is not UTF-8", Assert.Throws<FormatException>(() => Lexicon.Load(file)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rights", "[Ignore]\npress release\n", "[Ignore]", "[ignore]")]
    [InlineData("rights", "[ignored]\npress release\n", "[ignored]", "[ignore]")]
    [InlineData("rights", "[freedoms]\nliberty\n", "[freedoms]", "[freedom]")]
    [InlineData("linkage", "[presure]\nsanction*\n", "[presure]", "[pressure]")]
    [InlineData("linkage", "[laments]\nheld to ransom\n", "[laments]", "[lament]")]
    public void A_misspelled_category_is_refused_not_read_as_a_new_one(string role, string section, string written, string meant)
    {
        var text = role == "rights" ? Rights : "@lexicon linkage\n@version 1\n[instrument]\nsanction*\n[pro]\nlink\n[anti]\ndelink\n";
        var ex = Assert.Throws<ArgumentException>(() => LexiconSet.Default.With(Lexicon.Parse(text + section)));
        Assert.Contains($"has the category {written}, which the taggers do not read and which is close to {meant}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_of_ones_own_is_read_and_one_in_cues_is_refused()
    {
        // In the rights and linkage lexicons, a new category is evidence and a model feature.
        var set = LexiconSet.Default.With(Lexicon.Parse("@lexicon linkage\n@version 1\n[instrument]\nsanction*\n[pro]\nlink\n[anti]\ndelink\n[actors]\ntreasury\n"));
        var sentence = Assert.Single(new TextAnalyzer(new TextAnalyzerOptions { Lexicons = set }).Analyze("The Treasury acted.").Sentences);
        Assert.Contains(sentence.Evidence, e => e.Category == "actors" && e.Text == "Treasury");

        // The rules read the cues lexicon's categories by name: another would do nothing.
        var cues = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", "cues.lexicon")) + "\n[intensifier]\nvery\n";
        var ex = Assert.Throws<ArgumentException>(() => LexiconSet.Default.With(Lexicon.Parse(cues)));
        Assert.Contains("has the category [intensifier], which the taggers do not read (the rules read only negation,", ex.Message, StringComparison.Ordinal);
    }
}
