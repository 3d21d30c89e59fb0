using System.Globalization;
using CsvHelper;

namespace PolicyText.Corpora;

/// <summary>
/// Reads documents from a CSV file with a header: the id column and the text column are named
/// by the caller; every other column is carried through as a document variable. A row without
/// the id or the text (too few fields), a repeated id or a text over
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

    /// <summary>Whether the file holds invalid UTF-8 (a pass over the file with a counting decoder).</summary>
    private static bool HasInvalidUtf8(string path)
    {
        var fallback = new PolicyText.Internals.CountingDecoderFallback();
        var encoding = System.Text.Encoding.GetEncoding("utf-8", System.Text.EncoderFallback.ReplacementFallback, fallback);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
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
        bool invalid = HasInvalidUtf8(path);
        using var reader = Open(path);
        var (id, text, variables) = Columns(reader, path, idColumn, textColumn);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var name = Path.GetFileName(path);
        int needed = Math.Max(id, text) + 1;
        while (reader.Read())
        {
            var source = string.Create(CultureInfo.InvariantCulture, $"{name}:row {reader.RowNumber}");
            if (reader.FieldCount < needed)
            {
                yield return new CorpusItem(null, new CorpusError(source, null, "malformed_row", $"The row has {reader.FieldCount} fields; the id and text columns need {needed}."));
                continue;
            }

            var docId = reader.GetString(id) ?? string.Empty;
            var body = reader.GetString(text) ?? string.Empty;
            if (body.Length > CorpusItem.MaxDocumentLength)
            {
                yield return new CorpusItem(null, new CorpusError(source, docId, "document_too_large", $"The text has {body.Length:N0} characters; the limit is {CorpusItem.MaxDocumentLength:N0}."));
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
            yield return new CorpusItem(
                new CorpusDocument(docId, body, values.Count == 0 ? null : values),
                flagged ? new CorpusError(source, docId, "invalid_bytes_replaced", "The row held invalid UTF-8 bytes, replaced with U+FFFD; the document was analysed.") : null);
        }
    }

    private static CsvReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file at '{path}'.", path);
        }

        return CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default, leaveOpen: false);
    }

    private static (int Id, int Text, List<(string Name, int Index)> Variables) Columns(CsvReader reader, string path, string idColumn, string textColumn)
    {
        reader.ReadHeader();
        var headers = reader.Headers;
        if (!reader.TryGetFieldIndex(idColumn, out int id) || !reader.TryGetFieldIndex(textColumn, out int text))
        {
            throw new ArgumentException($"{path}: no column '{(reader.TryGetFieldIndex(idColumn, out _) ? textColumn : idColumn)}'; the columns are {string.Join(", ", headers)}.");
        }

        var variables = new List<(string, int)>();
        for (int i = 0; i < headers.Count; i++)
        {
            if (i != id && i != text)
            {
                variables.Add((headers[i], i));
            }
        }

        return (id, text, variables);
    }
}
