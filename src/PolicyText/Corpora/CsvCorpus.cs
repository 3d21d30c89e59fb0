using System.Globalization;
using CsvHelper;

namespace PolicyText.Corpora;

/// <summary>
/// Reads documents from a CSV file with a header: the id column and the text column are named
/// by the caller; every other column is carried through as a document variable. The separator
/// is detected from the first lines (<c>,</c> <c>;</c> tab or <c>|</c>; an Excel <c>sep=</c>
/// line sets it). A row without the id or the text (too few fields), with fields of more than white space
/// past the header's columns (an unquoted separator in a text), a repeated id or a text over
/// <see cref="CorpusItem.MaxDocumentLength"/> is an error item; the rest are read.
/// </summary>
public static class CsvCorpus
{
    /// <summary>The columns of the file other than the id and text columns, in header order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="idColumn">The id column.</param>
    /// <param name="textColumn">The text column.</param>
    /// <returns>The names of the document variables.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">A named column is not in the header; the message lists the columns.</exception>
    public static IReadOnlyList<string> VariableNames(string path, string idColumn, string textColumn)
    {
        using var reader = Open(path);
        var (_, _, variables) = Columns(reader, path, idColumn, textColumn);
        return variables.Select(v => v.Name).ToList();
    }

    /// <summary>Reads the documents, one at a time, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="idColumn">The id column.</param>
    /// <param name="textColumn">The text column.</param>
    /// <returns>The items.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">A named column is not in the header.</exception>
    public static IEnumerable<CorpusItem> ReadItems(string path, string idColumn, string textColumn)
    {
        // Check the file and the columns now, not at the first MoveNext.
        VariableNames(path, idColumn, textColumn);
        return Read(path, idColumn, textColumn);
    }

    /// <summary>Whether the file holds invalid bytes for its encoding (UTF-8, or UTF-16 or UTF-32 by byte order mark; a pass over the file with a counting decoder).</summary>
    private static bool HasInvalidBytes(string path)
    {
        var fallback = new PolicyText.Internals.CountingDecoderFallback();
        using var reader = PolicyText.Internals.TextDecoding.Open(File.OpenRead(path), fallback);
        var buffer = new char[65536];
        while (reader.Read(buffer, 0, buffer.Length) > 0)
        {
            if (fallback.Replacements > 0)
            {
                return true;
            }
        }

        return fallback.Replacements > 0;
    }

    private static IEnumerable<CorpusItem> Read(string path, string idColumn, string textColumn)
    {
        bool invalid = HasInvalidBytes(path);

        // The reader reports rows that break the quoting rules; it reads them as best it can.
        CsvMalformedRecord? malformed = null;
        using var reader = Open(path, r => malformed = r);
        var (id, text, variables) = Columns(reader, path, idColumn, textColumn);
        int columns = reader.Headers.Count;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var name = Path.GetFileName(path);
        int needed = Math.Max(id, text) + 1;
        while (true)
        {
            malformed = null;
            if (!reader.Read())
            {
                break;
            }

            var source = string.Create(CultureInfo.InvariantCulture, $"{name}:row {reader.RowNumber}");
            if (malformed is { Reason: CsvMalformedReason.UnterminatedQuote } unterminated)
            {
                // A quote that is never closed swallows every later row into one field: nothing
                // from here on can be trusted, so none of it is analysed.
                yield return new CorpusItem(null, new CorpusError(source, null, "malformed_row", string.Create(CultureInfo.InvariantCulture,
                    $"A quoted field opened in this row (line {unterminated.LineNumber}) is never closed, so the rest of the file, from line {unterminated.LineNumber} to the end, was read as one row and not analysed. Close or double the quote and run again.")));
                continue;
            }

            // A row of nothing but separators and white space (the rows a spreadsheet leaves
            // after the last) is skipped like a blank line.
            if (Enumerable.Range(0, reader.FieldCount).All(i => string.IsNullOrWhiteSpace(reader.GetString(i))))
            {
                continue;
            }

            // The header again, as files joined with `cat` leave it (with the second file's byte
            // order mark): not a document.
            if (RepeatsHeader(reader))
            {
                yield return new CorpusItem(null, new CorpusError(source, null, "malformed_row", "The row repeats the header (as files joined one after another leave it); it was not analysed."));
                continue;
            }

            if (reader.FieldCount < needed)
            {
                yield return new CorpusItem(null, new CorpusError(source, id < reader.FieldCount ? reader.GetString(id) : null, "malformed_row", string.Create(CultureInfo.InvariantCulture, $"The row has {reader.FieldCount} {(reader.FieldCount == 1 ? "field" : "fields")}; the id and text columns need {needed}.")));
                continue;
            }

            // More fields than the header names, not all blank: most often a text with an
            // unquoted delimiter ("Sanctions, however, must stay."), which would cut the text
            // and shift the later columns. Nothing of such a row can be trusted.
            if (ExtraFields(reader, columns) is > 0 and var extra)
            {
                yield return new CorpusItem(null, new CorpusError(source, null, "malformed_row", string.Create(CultureInfo.InvariantCulture,
                    $"The row has {reader.FieldCount} fields; the header names {columns}, and {extra} of the fields past them hold more than white space. A field that holds the delimiter ('{reader.Separator}') must be quoted; the row was not analysed.")));
                continue;
            }

            var docId = reader.GetString(id) ?? string.Empty;
            var body = reader.GetString(text) ?? string.Empty;
            if (docId.Length == 0)
            {
                yield return new CorpusItem(null, new CorpusError(source, null, "malformed_row", "The id is empty; give every row an id. The row was not analysed."));
                continue;
            }

            if (body.Length > CorpusItem.MaxDocumentLength)
            {
                yield return new CorpusItem(null, new CorpusError(source, docId, "document_too_large", string.Create(CultureInfo.InvariantCulture, $"The text has {body.Length:N0} characters; the limit is {CorpusItem.MaxDocumentLength:N0}.")));
                continue;
            }

            // A row that is not analysed does not take its id: a later row with the id is the
            // first to be kept.
            if (body.Contains('\0', StringComparison.Ordinal))
            {
                yield return new CorpusItem(null, new CorpusError(source, docId, "binary_content", "The text holds NUL characters: it is not text; it was not analysed."));
                continue;
            }

            if (!ids.Add(docId))
            {
                yield return new CorpusItem(null, new CorpusError(source, docId, "duplicate_id", $"The id '{docId}' was used by an earlier row; this one was not analysed."));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, index) in variables)
            {
                values[column] = index < reader.FieldCount ? reader.GetString(index) ?? string.Empty : string.Empty;
            }

            bool flagged = invalid && (body.Contains('\uFFFD', StringComparison.Ordinal) || docId.Contains('\uFFFD', StringComparison.Ordinal)
                || values.Values.Any(v => v.Contains('\uFFFD', StringComparison.Ordinal)));
            var flag = flagged
                ? new CorpusError(source, docId, "invalid_bytes_replaced", "The row held invalid bytes for the file's encoding, replaced with U+FFFD; the document was analysed." + CorpusError.EncodingAdvice)
                : malformed is { } quoting
                    ? new CorpusError(source, docId, "malformed_quoting", string.Create(CultureInfo.InvariantCulture, $"{Describe(quoting.Reason)} (line {quoting.LineNumber}); the row was read as the reader recovered it and analysed."))
                    : null;
            yield return new CorpusItem(new CorpusDocument(docId, body, values.Count == 0 ? null : values), flag);
        }
    }

    /// <summary>A header name as a repeated header row may hold it: white space, a byte order mark and the quotes around it aside (after the mark, the reader takes the quotes for text: <c>\uFEFF"id"</c>).</summary>
    private static string Bare(string field)
    {
        var bare = field.Trim().TrimStart('\uFEFF').Trim();
        return bare.Length >= 2 && bare[0] == '"' && bare[^1] == '"' ? bare[1..^1].Trim() : bare;
    }

    /// <summary>Whether the current row's fields are the header's names (white space, case, quotes and a byte order mark aside).</summary>
    private static bool RepeatsHeader(CsvReader reader)
    {
        var headers = reader.Headers;
        if (reader.FieldCount != headers.Count)
        {
            return false;
        }

        for (int i = 0; i < headers.Count; i++)
        {
            if (!Bare(reader.GetString(i) ?? string.Empty).Equals(Bare(headers[i]), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields of the current row past the header's <paramref name="columns"/> that hold more than white space (a trailing delimiter adds an empty one, which loses nothing).</summary>
    private static int ExtraFields(CsvReader reader, int columns)
    {
        int extra = 0;
        for (int i = columns; i < reader.FieldCount; i++)
        {
            extra += string.IsNullOrWhiteSpace(reader.GetString(i)) ? 0 : 1;
        }

        return extra;
    }

    /// <summary>Header names as a message can show them: control characters escaped, at most 200 characters (a binary file's "header" is not echoed to the terminal).</summary>
    private static string Printable(string names)
    {
        var shown = names.Length > 200 ? names[..200] + "…" : names;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
    }

    /// <summary>What a malformed row's quoting did, in words.</summary>
    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "A quote inside an unquoted field (kept as a character)",
        CsvMalformedReason.TextAfterClosingQuote => "Text after the closing quote of a quoted field (the quotes were dropped and the text joined)",
        _ => $"Malformed quoting ({reason})",
    };

    private static CsvReader Open(string path, Action<CsvMalformedRecord>? onMalformed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        var options = onMalformed is null ? CsvReaderOptions.Default : CsvReaderOptions.Default with { OnMalformedRecord = onMalformed, TrackLineNumbers = true };
        return CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
    }

    /// <summary>
    /// The index of the column named <paramref name="name"/>; or, for <c>column_N</c> where no
    /// column has that name, the Nth column when it has no name (the row names R's write.csv and
    /// pandas' to_csv write first, which documents.csv calls column_N).
    /// </summary>
    private static bool TryColumn(CsvReader reader, string name, out int index)
    {
        if (reader.TryGetFieldIndex(name, out index))
        {
            return true;
        }

        var headers = reader.Headers;
        if (name.StartsWith("column_", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan("column_".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && n <= headers.Count && string.IsNullOrWhiteSpace(headers[n - 1])
            && name == string.Create(CultureInfo.InvariantCulture, $"column_{n}"))
        {
            index = n - 1;
            return true;
        }

        index = -1;
        return false;
    }

    private static (int Id, int Text, List<(string Name, int Index)> Variables) Columns(CsvReader reader, string path, string idColumn, string textColumn)
    {
        reader.ReadHeader();
        var headers = reader.Headers;
        if (headers.Count == 0 || (headers.Count == 1 && string.IsNullOrWhiteSpace(headers[0])))
        {
            throw new ArgumentException($"{path}: the file is empty; a CSV input needs a header row naming the '{idColumn}' and '{textColumn}' columns.");
        }

        if (!TryColumn(reader, idColumn, out int id) || !TryColumn(reader, textColumn, out int text))
        {
            // A column without a name is shown by the name documents.csv gives it, column_N.
            var shown = headers.Take(20).Select((h, i) => string.IsNullOrWhiteSpace(h) ? string.Create(CultureInfo.InvariantCulture, $"column_{i + 1} (no name)") : h);
            throw new ArgumentException($"{path}: no column '{(TryColumn(reader, idColumn, out _) ? textColumn : idColumn)}'; the columns are {Printable(string.Join(", ", shown))}{(headers.Count > 20 ? $" and {headers.Count - 20} more" : string.Empty)}.");
        }

        if (id == text)
        {
            throw new ArgumentException($"{path}: the id column and the text column are both '{Printable(headers[id])}'; name two different columns.");
        }

        // Each value is kept under its column's name: two columns of one name would lose one's values.
        // A column with no name (the row names pandas' to_csv and R's write.csv write first, the
        // empty columns a spreadsheet adds after the last) is named by its place, column_N.
        var names = headers.Select((h, i) => string.IsNullOrWhiteSpace(h) && i != id && i != text ? string.Create(CultureInfo.InvariantCulture, $"column_{i + 1}") : h).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!seen.TryAdd(names[i], i))
            {
                throw new ArgumentException(string.IsNullOrWhiteSpace(headers[seen[names[i]]]) || string.IsNullOrWhiteSpace(headers[i])
                    ? $"{path}: the column without a name at column {(string.IsNullOrWhiteSpace(headers[i]) ? i : seen[names[i]]) + 1} is read as '{names[i]}', which another column is called; rename one, so that no column's values are lost."
                    : $"{path}: the header names the column '{Printable(headers[i])}' twice (columns {seen[names[i]] + 1} and {i + 1}); rename one, so that no column's values are lost.");
            }
        }

        var variables = new List<(string, int)>();
        for (int i = 0; i < names.Count; i++)
        {
            if (i != id && i != text)
            {
                variables.Add((names[i], i));
            }
        }

        return (id, text, variables);
    }
}
