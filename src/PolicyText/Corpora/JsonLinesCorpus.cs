using System.Text;
using System.Text.Json;

namespace PolicyText.Corpora;

/// <summary>
/// Reads documents from a JSON Lines file: one object a line with an <c>id</c> (string or
/// number) and a <c>text</c> (string). Other fields are ignored for now. A gold corpus file
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

    private static IEnumerable<CorpusDocument> ReadLines(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        using var reader = new StreamReader(path, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CorpusDocument doc;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.GetProperty("id") switch
                {
                    { ValueKind: JsonValueKind.String } s => s.GetString()!,
                    { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                    _ => throw new FormatException("'id' must be a string or a number."),
                };
                var text = root.GetProperty("text").GetString() ?? throw new FormatException("'text' must be a string.");
                doc = new CorpusDocument(id, text);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}, line {lineNumber}: not an object with 'id' and 'text': {ex.Message}", ex);
            }

            if (!ids.Add(doc.Id))
            {
                throw new FormatException($"{path}, line {lineNumber}: duplicate id '{doc.Id}'.");
            }

            yield return doc;
        }
    }
}
