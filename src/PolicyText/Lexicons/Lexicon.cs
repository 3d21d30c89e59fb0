using System.Globalization;

namespace PolicyText.Lexicons;

/// <summary>One entry of a lexicon: a word, a glob (<c>sanction*</c>) or a multi-word expression.</summary>
/// <param name="Category">The category (section) the entry belongs to.</param>
/// <param name="Pattern">The entry as written in the file.</param>
/// <param name="Line">The line of the file it came from (1-based).</param>
public sealed record LexiconEntry(string Category, string Pattern, int Line);

/// <summary>
/// A lexicon: named categories of entries, in the documented text format (docs/lexicons.md),
/// like a quanteda <c>dictionary()</c> with glob patterns. Match it against documents with a
/// <see cref="LexiconMatcher"/>.
/// </summary>
public sealed class Lexicon
{
    private Lexicon(string name, string version, IReadOnlyList<string> categories, IReadOnlyList<LexiconEntry> entries)
    {
        Name = name;
        Version = version;
        Categories = categories;
        Entries = entries;
    }

    /// <summary>The lexicon's name (<c>@lexicon</c>).</summary>
    public string Name { get; }

    /// <summary>The lexicon's version (<c>@version</c>), recorded in outputs.</summary>
    public string Version { get; }

    /// <summary>The categories, in file order.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Reads a lexicon file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">The file is not in the format; the message names the line.</exception>
    public static Lexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No lexicon file at '{path}'.", path);
        }

        return Parse(ReadUtf8(path), path);
    }

    /// <summary>
    /// The text of a lexicon file: UTF-8 (a byte order mark is skipped), or UTF-16/UTF-32 with a
    /// byte order mark. Invalid UTF-8 is refused, not replaced: an entry saved in another encoding
    /// ("libert\xE9" in Latin-1) would otherwise never match, without a word said.
    /// </summary>
    private static string ReadUtf8(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return File.ReadAllText(path);
        }

        ReadOnlySpan<byte> utf8 = bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.AsSpan(3) : bytes;
        var text = new char[utf8.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8, text, out int read, out int written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            int line = utf8[..read].Count((byte)'\n') + 1;
            throw new FormatException($"{path}, line {line}: the file is not UTF-8 (an invalid byte 0x{utf8[read]:X2}); save it as UTF-8.");
        }

        // UTF-16 without a byte order mark is valid UTF-8 when it is ASCII, with a NUL every other byte.
        int nul = Array.IndexOf(text, '\0', 0, written);
        if (nul >= 0)
        {
            int line = text.AsSpan(0, nul).Count('\n') + 1;
            throw new FormatException($"{path}, line {line}: the file holds NUL characters, so it is not UTF-8 text (UTF-16 without a byte order mark?); save it as UTF-8.");
        }

        return new string(text, 0, written);
    }

    /// <summary>Parses a lexicon from text in the documented format.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">A name for error messages (a file name).</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="FormatException">The text is not in the format; the message names the line.</exception>
    public static Lexicon Parse(string text, string source = "lexicon")
    {
        ArgumentNullException.ThrowIfNull(text);
        string? name = null;
        string? version = null;
        string? category = null;
        var categories = new List<string>();
        var entries = new List<LexiconEntry>();
        var seen = new HashSet<(string, string)>();
        // A byte order mark read as text, and any line ending (LF, CR LF, CR).
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            int lineNumber = n + 1;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var directive = line[0] == '@' ? line.Split([' ', '\t'], 2) : [];
            if (directive is ["@lexicon" or "@version", ..])
            {
                var value = directive.Length > 1 ? directive[1].Trim() : string.Empty;
                if (value.Length == 0)
                {
                    throw Error(source, lineNumber, $"{directive[0]} needs a value");
                }

                if ((directive[0] == "@lexicon" ? name : version) is not null)
                {
                    throw Error(source, lineNumber, $"{directive[0]} appears twice");
                }

                if (directive[0] == "@lexicon")
                {
                    name = value;
                }
                else
                {
                    version = value;
                }
            }
            else if (line[0] == '@')
            {
                throw Error(source, lineNumber, $"unknown directive '{line}' (expected @lexicon or @version)");
            }
            else if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw Error(source, lineNumber, $"a category is written [name]; got '{line}'");
                }

                category = line[1..^1].Trim();
                if (category.Length == 0)
                {
                    throw Error(source, lineNumber, "a category needs a name: [name]");
                }

                if (categories.Contains(category))
                {
                    throw Error(source, lineNumber, $"category [{category}] appears twice");
                }

                categories.Add(category);
            }
            else
            {
                if (category is null)
                {
                    throw Error(source, lineNumber, "an entry before the first [category]");
                }

                ValidatePattern(line, source, lineNumber);
                var pattern = string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (seen.Add((category, PolicyText.Text.TextNormalizer.Normalize(pattern))))
                {
                    entries.Add(new LexiconEntry(category, pattern, lineNumber));
                }
            }
        }

        if (name is null || version is null)
        {
            throw new FormatException($"{source}: a lexicon needs an '@lexicon NAME' line and an '@version N' line.");
        }

        if (entries.Count == 0)
        {
            throw new FormatException($"{source}: the lexicon has no entries.");
        }

        return new Lexicon(name, version, categories, entries);
    }

    private static void ValidatePattern(string pattern, string source, int line)
    {
        foreach (var word in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int star = word.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0 && (star != word.Length - 1 || star < 3))
            {
                throw Error(source, line, $"'{word}': '*' may only end a word, after at least three characters");
            }
        }
    }

    private static FormatException Error(string source, int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}, line {line}: {message}."));

    /// <summary>Reads a lexicon shipped inside the library.</summary>
    internal static Lexicon LoadEmbedded(string fileName)
    {
        var assembly = typeof(Lexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("PolicyText.Lexicons.Resources." + fileName)
            ?? throw new InvalidOperationException($"Embedded lexicon {fileName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), fileName);
    }
}
