using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyText.Corpora;

/// <summary>
/// Reads documents from a JSON Lines file: one object a line with an <c>id</c> (string or
/// number) and a <c>text</c> (string; <c>null</c>, a missing value, is read as an empty text).
/// Other fields are the documents' variables (<see cref="VariableNames(string)"/>). A gold corpus file
/// (<c>corpus/documents.jsonl</c>) is such a file, so it can be analysed directly.
/// </summary>
public static class JsonLinesCorpus
{
    /// <summary>Reads the documents of <paramref name="path"/>, one at a time, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">A line is not an object with an id and a text, or an id repeats; the message names the line.</exception>
    public static IEnumerable<CorpusDocument> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        return ReadLines(path);
    }

    /// <summary>
    /// Reads the documents of <paramref name="path"/>, one at a time, in file order, with an
    /// error item in place of each line that is not a document (malformed JSON, no id or text, a
    /// repeated id, a text over <see cref="CorpusItem.MaxDocumentLength"/>); the rest are read.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The items.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static IEnumerable<CorpusItem> ReadItems(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        return ReadItemLines(path);
    }

    /// <summary>Where an item came from: <c>file:line</c>.</summary>
    private static string Source(string name, int lineNumber) => string.Create(CultureInfo.InvariantCulture, $"{name}:{lineNumber}");

    private static IEnumerable<CorpusItem> ReadItemLines(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        var name = Path.GetFileName(path);
        foreach (var (read, invalid, skipped) in Lines(path))
        {
            bool replaced = invalid;
            lineNumber++;
            var line = WithoutByteOrderMark(read);
            if (skipped > 0)
            {
                // Not read into memory: a text within the limit never needs a line this long.
                yield return new CorpusItem(null, new CorpusError(Source(name, lineNumber), null, "document_too_large", string.Create(CultureInfo.InvariantCulture, $"The line is longer than {MaxLineLength:N0} bytes (four for each of the {CorpusItem.MaxDocumentLength:N0} characters a text may have, as for a text file); it was not read.")));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var source = Source(name, lineNumber);
            CorpusItem item;
            try
            {
                using var json = JsonDocument.Parse(WithoutLoneSurrogateEscapes(line, ref replaced));
                var root = json.RootElement;
                var (id, text, code, message) = Classify(root, ids);
                item = code is not null
                    ? new CorpusItem(null, new CorpusError(source, id, code, message!))
                    : new CorpusItem(
                        new CorpusDocument(id!, text!, Variables(root)),
                        replaced
                            ? new CorpusError(source, id, "invalid_bytes_replaced", "The line held invalid bytes for the file's encoding, or an escaped half of a surrogate pair alone (\\uD800 to \\uDFFF), replaced with U+FFFD; the document was analysed." + CorpusError.EncodingAdvice)
                            : null);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                item = new CorpusItem(null, new CorpusError(source, null, "malformed_line", $"Not a JSON object with 'id' and 'text': {PolicyText.Internals.JsonMessages.Describe(ex)}"));
            }

            yield return item;
        }
    }

    /// <summary>
    /// The lines of a JSON Lines file, each with whether invalid bytes in it were replaced with
    /// U+FFFD: in a UTF-8 file, whether the line's own bytes are invalid (a literal U+FFFD is
    /// text); in a file that starts with a UTF-16 or UTF-32 byte order mark, decoded as that,
    /// whether the file held invalid sequences and the line contains U+FFFD.
    /// </summary>
    private static IEnumerable<(string Line, bool Replaced, long Skipped)> Lines(string path)
    {
        using var file = File.OpenRead(path);
        if (!StartsWithWideByteOrderMark(file))
        {
            using var utf8 = new PolicyText.Internals.Utf8LineReader(file, MaxLineLength);
            while (utf8.TryReadLine(out var text, out bool valid, out long skipped))
            {
                yield return (text, !valid, skipped);
            }

            yield break;
        }

        var fallback = new PolicyText.Internals.CountingDecoderFallback();
        using var reader = PolicyText.Internals.TextDecoding.Open(file, fallback, leaveOpen: true);
        foreach (var (line, skipped) in CappedLines(reader, MaxLineLength / 2))
        {
            yield return (line, fallback.Replacements > 0 && line.Contains('\uFFFD', StringComparison.Ordinal), skipped);
        }
    }

    /// <summary>The longest line read, in bytes (UTF-8; in a UTF-16 or UTF-32 file, the characters of as many UTF-16 bytes): four per character of the longest text, as for a text file.</summary>
    private const int MaxLineLength = 4 * CorpusItem.MaxDocumentLength;

    /// <summary>
    /// The lines of a text, ended as <see cref="TextReader.ReadLine"/> ends them, except that one
    /// of more than <paramref name="maxChars"/> characters is not kept: it comes as an empty line
    /// with its length.
    /// </summary>
    internal static IEnumerable<(string Line, long Skipped)> CappedLines(TextReader reader, int maxChars)
    {
        var buffer = new char[64 * 1024];
        var line = new StringBuilder();
        long skipped = 0;
        bool afterCarriageReturn = false;
        bool any = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            int from = 0;
            if (afterCarriageReturn && buffer[0] == '\n')
            {
                from = 1;
            }

            afterCarriageReturn = false;
            while (from < read)
            {
                int end = buffer.AsSpan(from, read - from).IndexOfAny('\n', '\r');
                int stop = end < 0 ? read : from + end;
                if (skipped > 0 || line.Length + (stop - from) > maxChars)
                {
                    skipped += line.Length + (stop - from);
                    line.Clear();
                }
                else
                {
                    line.Append(buffer, from, stop - from);
                }

                any = true;
                if (end < 0)
                {
                    break;
                }

                yield return (skipped > 0 ? string.Empty : line.ToString(), skipped);
                line.Clear();
                skipped = 0;
                any = false;
                from = stop + 1;
                if (buffer[stop] == '\r')
                {
                    if (from < read)
                    {
                        from += buffer[from] == '\n' ? 1 : 0;
                    }
                    else
                    {
                        afterCarriageReturn = true;
                    }
                }
            }
        }

        if (any)
        {
            yield return (skipped > 0 ? string.Empty : line.ToString(), skipped);
        }
    }

    /// <summary>Whether the file starts with a UTF-16 or UTF-32 byte order mark; the file is left at its start.</summary>
    private static bool StartsWithWideByteOrderMark(FileStream file)
    {
        Span<byte> head = stackalloc byte[4];
        int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return PolicyText.Internals.Utf8LineReader.IsWideByteOrderMark(head[..read]);
    }

    /// <summary>
    /// The names of the document variables of a JSON Lines file: every field other than
    /// <c>id</c> and <c>text</c> that any line has, in the order they first appear. (It reads the
    /// file once, so that the CSV header can hold them all before the first row is written.)
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> VariableNames(string path) => VariableNames(path, out _);

    /// <inheritdoc cref="VariableNames(string)"/>
    /// <param name="path">The file.</param>
    /// <param name="lines">The number of non-blank lines (one item each).</param>
    public static IReadOnlyList<string> VariableNames(string path, out long lines)
    {
        ArgumentNullException.ThrowIfNull(path);
        lines = 0;
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "id", "text" };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (read, _, skipped) in Lines(path))
        {
            var line = WithoutByteOrderMark(read);
            if (skipped > 0)
            {
                // An item (an error) with no fields to add.
                lines++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lines++;
            try
            {
                // Only the fields of documents that will be analysed make columns: a rejected
                // line's fields would add a column of empty cells.
                bool replaced = false;
                using var json = JsonDocument.Parse(WithoutLoneSurrogateEscapes(line, ref replaced));
                if (Classify(json.RootElement, ids).Code is not null)
                {
                    continue;
                }

                foreach (var p in json.RootElement.EnumerateObject())
                {
                    if (seen.Add(p.Name))
                    {
                        names.Add(p.Name);
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A malformed line is reported when the documents are read.
            }
        }

        return names;
    }

    /// <summary>
    /// What the reader makes of one line's JSON: the document's id and text, or the code and
    /// message of why it is not analysed (the id, when known). Ids of documents analysed are added
    /// to <paramref name="ids"/>: a document that is not analysed does not take its id, so a later
    /// one with the id is the first kept.
    /// </summary>
    /// <exception cref="FormatException">Not an object with an id (a string or a number).</exception>
    private static (string? Id, string? Text, string? Code, string? Message) Classify(JsonElement root, HashSet<string> ids)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var idElement))
        {
            throw new FormatException("there is no 'id' field.");
        }

        var id = idElement.ValueKind switch
        {
            JsonValueKind.String => idElement.GetString()!,
            JsonValueKind.Number => idElement.GetRawText(),
            _ => throw new FormatException("'id' must be a string or a number."),
        };
        if (id.Length == 0)
        {
            return (null, null, "malformed_line", "Not a JSON object with 'id' and 'text': the 'id' is empty; give every document an id.");
        }

        // A text that is null is a missing value (pandas' to_json writes a missing string so):
        // the document is kept and analysed as an empty text, which is flagged empty_text, as a
        // CSV's empty or NA cell is, rather than left out of documents.csv.
        if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return (id, null, "malformed_line", "Not a JSON object with 'id' and 'text': 'text' is missing or not a string.");
        }

        var text = textElement.ValueKind == JsonValueKind.Null ? string.Empty : textElement.GetString()!;
        return text.Length > CorpusItem.MaxDocumentLength
            ? (id, null, "document_too_large", string.Create(CultureInfo.InvariantCulture, $"The text has {text.Length:N0} characters; the limit is {CorpusItem.MaxDocumentLength:N0}."))
            : text.Contains('\0', StringComparison.Ordinal)
                ? (id, null, "binary_content", "The text holds NUL characters (\\u0000): it is not text; it was not analysed.")
                : !ids.Add(id)
                    ? (id, null, "duplicate_id", $"The id '{id}' was used by an earlier document; this one was not analysed.")
                    : (id, text, null, null);
    }

    /// <summary>
    /// The line with every escaped half of a surrogate pair that stands alone (<c>\ud83d</c> not
    /// followed by a low half, or a low half alone), as text cut in the middle of an emoji is
    /// written by JavaScript and Python, escaped as U+FFFD instead (<c>\ufffd</c>), as invalid
    /// bytes are read: the JSON reader refuses such a string when its value is read, and the
    /// whole line would be lost. Escaped pairs and an escaped backslash before a <c>u</c> are kept.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="replaced">Set when an escape was replaced.</param>
    /// <returns>The line, or a copy with the escapes replaced.</returns>
    internal static string WithoutLoneSurrogateEscapes(string line, ref bool replaced)
    {
        if (line.IndexOf("\\u", StringComparison.Ordinal) < 0)
        {
            return line;
        }

        StringBuilder? copy = null;
        int copied = 0;
        for (int i = 0; i < line.Length - 1; i++)
        {
            if (line[i] != '\\')
            {
                continue;
            }

            // An escape: a backslash and one character, or \uXXXX.
            if (line[i + 1] != 'u' || !TryHex(line, i + 2, out int unit))
            {
                i++;
                continue;
            }

            bool high = unit is >= 0xD800 and <= 0xDBFF;
            if (high && i + 7 < line.Length && line[i + 6] == '\\' && line[i + 7] == 'u' && TryHex(line, i + 8, out int next) && next is >= 0xDC00 and <= 0xDFFF)
            {
                i += 11;
                continue;
            }

            if (high || unit is >= 0xDC00 and <= 0xDFFF)
            {
                copy ??= new StringBuilder(line.Length);
                copy.Append(line, copied, i - copied).Append("\\ufffd");
                copied = i + 6;
                replaced = true;
            }

            i += 5;
        }

        return copy is null ? line : copy.Append(line, copied, line.Length - copied).ToString();

        static bool TryHex(string text, int start, out int value)
        {
            value = 0;
            return start + 4 <= text.Length && int.TryParse(text.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>A line without a leading byte order mark (U+FEFF): files joined with <c>cat</c> carry the second file's in the middle of the text.</summary>
    private static string WithoutByteOrderMark(string line) => line.StartsWith('\uFEFF') ? line[1..] : line;

    private static Dictionary<string, string>? Variables(JsonElement root)
    {
        Dictionary<string, string>? variables = null;
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name is "id" or "text")
            {
                continue;
            }

            variables ??= new Dictionary<string, string>(StringComparer.Ordinal);
            variables[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => p.Value.GetRawText(),
            };
        }

        return variables;
    }

    /// <summary>The strict reading behind <see cref="Read"/>: the first line that is not a document stops it.</summary>
    private static IEnumerable<CorpusDocument> ReadLines(string path)
    {
        foreach (var item in ReadItemLines(path))
        {
            if (item.Document is null)
            {
                var error = item.Error!;
                throw new FormatException($"{path}, {error.Source}: {error.Code}: {error.Message}");
            }

            yield return item.Document;
        }
    }
}
