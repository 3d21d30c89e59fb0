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
        // Read-only views: a cast back to List<T> must not change a lexicon in use.
        Categories = categories.ToArray().AsReadOnly();
        Entries = entries.ToArray().AsReadOnly();
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
            throw new FileNotFoundException(Directory.Exists(path) ? $"'{path}' is a folder, not a lexicon file." : $"No lexicon file at '{path}'.", path);
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
        string text;
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            // UTF-16 or UTF-32 by its byte order mark, strictly: half a character (a lone
            // surrogate) would be read as U+FFFD, in an entry that then never matches.
            var encoding = bytes switch
            {
                [0xFF, 0xFE, 0x00, 0x00, ..] => (System.Text.Encoding)new System.Text.UTF32Encoding(bigEndian: false, byteOrderMark: true),
                [0x00, 0x00, 0xFE, 0xFF, ..] => new System.Text.UTF32Encoding(bigEndian: true, byteOrderMark: true),
                [0xFF, 0xFE, ..] => new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true),
                _ => new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            };
            int bom = encoding.Preamble.Length;
            text = encoding.GetString(bytes, bom, bytes.Length - bom);

            // A U+FFFD that the file's bytes do not hold there is what the decoder put in place
            // of bytes it could not read (a U+FFFD written in the file is text like any other).
            if (FirstReplaced(text, bytes.AsSpan(bom), encoding) is int replaced and >= 0)
            {
                throw new FormatException($"{path}, line {LineOf(text, replaced)}: the file holds half a character (a lone surrogate) or bytes that are not {encoding.WebName}; save it as UTF-8.");
            }
        }
        else
        {
            ReadOnlySpan<byte> utf8 = bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.AsSpan(3) : bytes;
            var chars = new char[utf8.Length];
            var status = System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out int read, out int written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                int line = LineOf(new string(chars, 0, written), written);
                throw new FormatException($"{path}, line {line}: the file is not UTF-8 (an invalid byte 0x{utf8[read]:X2}); save it as UTF-8.");
            }

            text = new string(chars, 0, written);
        }

        // UTF-16 without a byte order mark is valid UTF-8 when it is ASCII, with a NUL every other
        // byte; a NUL in any encoding is not a character of an entry.
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new FormatException($"{path}, line {LineOf(text, nul)}: the file holds NUL characters, so it is not text (UTF-16 without a byte order mark?); save it as UTF-8.");
        }

        return text;
    }

    /// <summary>
    /// The index in <paramref name="text"/> of the first U+FFFD that the decoder put in place of
    /// bytes it could not read, or -1: UTF-16 reads two bytes a character, UTF-32 four a code
    /// point, one U+FFFD for each unit it cannot read.
    /// </summary>
    private static int FirstReplaced(string text, ReadOnlySpan<byte> bytes, System.Text.Encoding encoding)
    {
        int unit = encoding is System.Text.UTF32Encoding ? 4 : 2;
        var written = encoding.GetBytes("\uFFFD");
        int at = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\uFFFD' && (at + unit > bytes.Length || !bytes.Slice(at, unit).SequenceEqual(written)))
            {
                return i;
            }

            // A surrogate pair is one unit of UTF-32, two of UTF-16.
            if (unit == 4 && char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            at += unit;
        }

        return -1;
    }

    /// <summary>The line (from 1) of the character at <paramref name="index"/>, counting LF, CR LF and CR as one line end each, as <see cref="Parse"/> does.</summary>
    private static int LineOf(string text, int index)
    {
        int line = 1;
        int end = Math.Min(index, text.Length);
        for (int i = 0; i < end; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
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

                // The manifest writes name@version;name@version: a value is one word, without
                // those separators or a comment.
                if (value.AsSpan().IndexOfAny(" \t;@#") >= 0)
                {
                    throw Error(source, lineNumber, $"{directive[0]} '{value}' must be one word without ';', '@' or '#' (comments go on a line of their own)");
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
                var pattern = string.Join(' ', line.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries));

                // Duplicates are the entries that match the same tokens, as the matcher reads
                // them: "forced–labour" (an en dash splits it) is not "forced-labour".
                if (seen.Add((category, LexiconMatcher.MatchKey(pattern, PolicyText.Text.Tokenizer.Default))))
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

    private static readonly char[] WordSeparators = [' ', '\t'];

    private static void ValidatePattern(string pattern, string source, int line)
    {
        foreach (var word in pattern.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            // "freedom # core word": a comment after an entry would be read as words of it,
            // which never match ("#MeToo", a hashtag, is a word).
            if (!word.AsSpan().ContainsAnyExcept('#'))
            {
                throw Error(source, line, $"'{word}': '#' starts a comment only at the start of a line; put the comment on a line of its own (a hashtag is written with its word, '#MeToo')");
            }

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
