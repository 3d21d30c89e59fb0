using System.Text.RegularExpressions;
using PolicyText.Export;

namespace PolicyText.Tests.Export;

/// <summary>
/// Stata pipelines read the CSV files with <c>import delimited</c> (docs/csv-schema.md,
/// <i>Loading</i>): every column PolicyText names must be a valid Stata variable name, and the
/// documented <c>stringcols()</c> lists must name the text columns of each file.
/// </summary>
public class StataReadingTests
{
    // Stata's reserved names (they cannot name a variable), besides str1 … str2045.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long",
        "_n", "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with",
    };

    public static TheoryData<string, string[]> Files() => new()
    {
        { "sentences.csv", [.. SentenceCsvWriter.Columns] },
        { "documents.csv", [.. DocumentCsvWriter.Columns] },
        { "evidence.csv", [.. EvidenceCsvWriter.Columns] },
        { "tokens.csv", [.. TokenCsvWriter.Columns] },
        { "errors.csv", [.. ErrorCsvWriter.Columns] },
        { "predictions", [.. PredictionCsvWriter.Columns] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_column_name_is_a_valid_Stata_variable_name(string file, string[] columns)
    {
        foreach (var name in columns)
        {
            Assert.True(IsStataName(name), $"{file}: column '{name}' is not a valid Stata variable name");
        }

        Assert.Equal(columns.Length, columns.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_renamed_document_variable_is_a_valid_Stata_name_when_the_input_name_is()
    {
        var header = DocumentCsvWriter.Header(["doc_id", "var_doc_id", "tokens", "country"]);
        Assert.All(header, name => Assert.True(IsStataName(name), name));
        Assert.False(IsStataName("pub date"));
        Assert.False(IsStataName("2024_score"));
        Assert.False(IsStataName(new string('a', 33)));
        Assert.False(IsStataName("str80"));
        Assert.True(IsStataName("structure"));
    }

    [Fact]
    public void The_documented_import_commands_keep_exactly_the_text_columns_strings()
    {
        var expected = new Dictionary<string, (IReadOnlyList<string> Columns, string[] Text)>
        {
            ["sentences.csv"] = (SentenceCsvWriter.Columns, ["doc_id", "rights", "linkage", "text"]),
            ["documents.csv"] = (DocumentCsvWriter.Columns, ["doc_id"]),
            ["evidence.csv"] = (EvidenceCsvWriter.Columns, ["doc_id", "matched", "entry", "category", "cue"]),
            ["tokens.csv"] = (TokenCsvWriter.Columns, ["doc_id", "text", "norm", "kind"]),
        };
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "csv-schema.md"));
        var block = Regex.Match(doc, "```stata\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/csv-schema.md has no ```stata block");
        var seen = new HashSet<string>();
        foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = Regex.Match(line, "^import delimited using \"out/([a-z]+\\.csv)\", clear .*stringcols\\(([0-9 /]+)\\)$");
            Assert.True(m.Success, line);
            var file = m.Groups[1].Value;
            Assert.True(seen.Add(file), file);
            foreach (var option in new[] { "varnames(1)", "case(preserve)", "encoding(\"utf-8\")", "bindquote(strict)", "maxquotedrows(unlimited)", "asdouble" })
            {
                Assert.Contains(option, line);
            }

            var (columns, text) = expected[file];
            var named = Numlist(m.Groups[2].Value).Select(i => columns[i - 1]).ToArray();
            Assert.Equal(text, named);
        }

        Assert.Equal(expected.Keys.Order(), seen.Order());
    }

    private static IEnumerable<int> Numlist(string list)
    {
        foreach (var part in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('/');
            var from = int.Parse(range[0]);
            var to = range.Length == 2 ? int.Parse(range[1]) : from;
            for (var i = from; i <= to; i++)
            {
                yield return i;
            }
        }
    }

    private static bool IsStataName(string name) =>
        name.Length is >= 1 and <= 32
        && Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$")
        && !Reserved.Contains(name)
        && !Regex.IsMatch(name, "^str[0-9]+$");
}
