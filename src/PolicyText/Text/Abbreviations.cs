using System.Collections.Frozen;

namespace PolicyText.Text;

/// <summary>How an abbreviation behaves at a possible sentence end.</summary>
public enum AbbreviationKind : byte
{
    /// <summary>Not an abbreviation.</summary>
    None,

    /// <summary>Stands before a name or number and never ends a sentence ("Dr.", "Sen.").</summary>
    Prefix,

    /// <summary>Often ends a sentence: a capitalised word after it starts a new one ("Inc.", "etc.").</summary>
    End,

    /// <summary>Ends a sentence only before a common sentence starter ("Jan.", "Jr.").</summary>
    Other,

    /// <summary>An initialism with inner periods ("U.S.", "p.m."); recognised by shape.</summary>
    Initialism,

    /// <summary>A single letter and its period ("E." in "Jonas E. Smith"); recognised by shape.</summary>
    Initial,

    /// <summary>
    /// Listed kind <c>number</c>: an abbreviation only when a number follows ("No. 5", "no.12"),
    /// or, after a capitalised word, an identifier ("Case No. ICC-01/04", "Protocol No. XII"),
    /// and then it stands before it like <see cref="Prefix"/> (the token reports
    /// <see cref="Prefix"/>); anywhere else the word and its period are a word and a sentence end
    /// ("The answer is no.").
    /// </summary>
    Number,
}

/// <summary>
/// The abbreviation list and the sentence-starter list the tokenizer and segmenter use. Both are
/// data: the defaults are embedded resources (<c>abbreviations.txt</c>,
/// <c>sentence-starters.txt</c>) and a caller can load replacements with <see cref="Parse"/>.
/// </summary>
public sealed class Abbreviations
{
    private readonly FrozenDictionary<string, AbbreviationKind> _entries;
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string> _starters;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starterLookup;

    private static readonly Lazy<Abbreviations> DefaultInstance = new(LoadDefault);

    private Abbreviations(Dictionary<string, AbbreviationKind> entries, HashSet<string> starters)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _starters = starters.ToFrozenSet(StringComparer.Ordinal);
        _starterLookup = _starters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lists shipped with PolicyText.</summary>
    public static Abbreviations Default => DefaultInstance.Value;

    /// <summary>Version of the shipped lists, recorded in outputs so results can be reproduced.</summary>
    public const string DefaultVersion = "2";

    /// <summary>Number of abbreviations in the list.</summary>
    public int Count => _entries.Count;

    /// <summary>The kind of the abbreviation spelled <paramref name="word"/> (without its period), ignoring case.</summary>
    /// <param name="word">The word before the period.</param>
    /// <returns>The kind, or <see cref="AbbreviationKind.None"/> when it is not listed.</returns>
    public AbbreviationKind Lookup(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;

    /// <summary>Whether <paramref name="word"/> is a listed sentence starter (case-sensitive).</summary>
    /// <param name="word">A word.</param>
    /// <returns><see langword="true"/> when it is listed.</returns>
    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _starterLookup.Contains(word);

    /// <summary>
    /// Builds lists from text in the documented format: for abbreviations, one entry a line,
    /// <c>word kind</c> with kind <c>prefix</c>, <c>end</c>, <c>other</c> or <c>number</c>; for starters, one word
    /// a line. Lines starting with <c>#</c> and blank lines are ignored.
    /// </summary>
    /// <param name="abbreviations">The abbreviation list.</param>
    /// <param name="sentenceStarters">The sentence-starter list.</param>
    /// <returns>The lists.</returns>
    /// <exception cref="FormatException">A line is not in the format; the message names the line.</exception>
    public static Abbreviations Parse(string abbreviations, string sentenceStarters)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(sentenceStarters);
        var entries = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        int lineNumber = 0;
        // A byte order mark (text decoded with Encoding.UTF8.GetString keeps it) is not part of the first line.
        foreach (var raw in abbreviations.TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var kind = parts.Length == 2 ? ParseKind(parts[1]) : AbbreviationKind.None;
            if (kind == AbbreviationKind.None || parts[0].Contains('.', StringComparison.Ordinal))
            {
                throw new FormatException(
                    $"Abbreviation list, line {lineNumber}: expected 'word kind' with kind prefix, end, other or number, and no period in the word; got '{line}'.");
            }

            entries[parts[0]] = kind;
        }

        var starters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in sentenceStarters.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                starters.Add(line);
            }
        }

        return new Abbreviations(entries, starters);
    }

    private static AbbreviationKind ParseKind(string kind) => kind switch
    {
        "prefix" => AbbreviationKind.Prefix,
        "end" => AbbreviationKind.End,
        "other" => AbbreviationKind.Other,
        "number" => AbbreviationKind.Number,
        _ => AbbreviationKind.None,
    };

    private static Abbreviations LoadDefault() =>
        Parse(ReadResource("abbreviations.txt"), ReadResource("sentence-starters.txt"));

    private static string ReadResource(string name)
    {
        var assembly = typeof(Abbreviations).Assembly;
        using var stream = assembly.GetManifestResourceStream("PolicyText.Text.Resources." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
