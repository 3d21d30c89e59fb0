using System.Text.Json;
using PolicyText.Text;

namespace PolicyText.Evaluation;

/// <summary>One case of a segmentation test set.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Text">The input text.</param>
/// <param name="Expected">The expected sentences, stripped of surrounding white space.</param>
public sealed record SegmentationCase(string Id, string Text, IReadOnlyList<string> Expected);

/// <summary>The outcome of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Actual">The sentences PolicyText found, stripped of surrounding white space.</param>
public sealed record SegmentationResult(SegmentationCase Case, IReadOnlyList<string> Actual)
{
    /// <summary>Whether the actual sentences equal the expected ones exactly.</summary>
    public bool Passed => Actual.SequenceEqual(Case.Expected, StringComparer.Ordinal);
}

/// <summary>
/// Scores the sentence segmenter on a test set in the JSON Lines format of the English Golden
/// Rules: one object a line with <c>id</c>, <c>text</c> and <c>expected</c> (an array of
/// sentences). Cases are compared the way the published peers compare: split, strip white space
/// from each sentence, compare the lists exactly.
/// </summary>
public static class SegmenterEvaluation
{
    /// <summary>Reads a JSON Lines test set.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The cases, in file order.</returns>
    /// <exception cref="FormatException">A line is not a case, or not UTF-8; the message names the line. Or the file holds no case.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is a folder.</exception>
    public static IReadOnlyList<SegmentationCase> ReadCases(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a folder; give a JSON Lines file of cases.");
        }

        var cases = new List<SegmentationCase>();
        int lineNumber = 0;
        // Each line's bytes are checked before they are decoded: a case read with U+FFFD in
        // place of its bad bytes would fail for the file's sake, not the segmenter's.
        using var reader = new PolicyText.Internals.Utf8LineReader(File.OpenRead(path));
        while (reader.TryReadLine(out var line, out bool valid))
        {
            lineNumber++;
            if (!valid)
            {
                throw new FormatException($"{path}, line {lineNumber}: invalid UTF-8 bytes; a test set must be UTF-8.");
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"the line holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
                }

                var id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : $"line-{lineNumber}";
                var missing = new[] { "text", "expected" }.Where(name => !root.TryGetProperty(name, out _)).ToList();
                if (missing.Count > 0)
                {
                    throw new FormatException(missing.Count == 1 ? $"'{missing[0]}' is missing" : "'text' and 'expected' are missing");
                }

                var textElement = root.GetProperty("text");
                var text = textElement.ValueKind == JsonValueKind.String ? textElement.GetString()! : throw new FormatException($"'text' is {textElement.GetRawText()}, not a string");
                var expectedElement = root.GetProperty("expected");
                if (expectedElement.ValueKind != JsonValueKind.Array || expectedElement.EnumerateArray().Any(e => e.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                {
                    throw new FormatException("'expected' is not an array of strings");
                }

                if (expectedElement.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Null))
                {
                    throw new FormatException("an expected sentence is null");
                }

                // Stripped as the sentences found are (a sentence given with its trailing space or
                // line break is the same sentence).
                var expected = expectedElement.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
                if (expected.Contains(string.Empty))
                {
                    // Stripped to nothing, it could never be found: the case would fail whatever the segmenter does.
                    throw new FormatException("an expected sentence is empty or only white space");
                }

                cases.Add(new SegmentationCase(id, text, expected));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}, line {lineNumber}: not a case with 'text' (a string) and 'expected' (an array of strings): {PolicyText.Internals.JsonMessages.Describe(ex)}", ex);
            }
        }

        if (cases.Count == 0)
        {
            throw new FormatException($"{path}: no cases; a test set has one JSON object a line, with 'text' and 'expected'.");
        }

        return cases;
    }

    /// <summary>Runs the segmenter over each case.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="tokenizer">The tokenizer, or <see langword="null"/> for the default.</param>
    /// <param name="segmenter">The segmenter, or <see langword="null"/> for the default.</param>
    /// <returns>One result per case, in order.</returns>
    public static IReadOnlyList<SegmentationResult> Run(IEnumerable<SegmentationCase> cases, Tokenizer? tokenizer = null, SentenceSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<SegmentationResult>();
        foreach (var c in cases)
        {
            if (c?.Text is null || c.Expected is null)
            {
                throw new ArgumentException($"Case {results.Count} is null or has no text or no expected sentences.", nameof(cases));
            }

            results.Add(new SegmentationResult(c, Split(c.Text, tokenizer, segmenter)));
        }

        return results;
    }

    /// <summary>The sentences of <paramref name="text"/> as stripped strings.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokenizer">The tokenizer, or <see langword="null"/> for the default.</param>
    /// <param name="segmenter">The segmenter, or <see langword="null"/> for the default.</param>
    /// <returns>The sentences.</returns>
    public static IReadOnlyList<string> Split(string text, Tokenizer? tokenizer = null, SentenceSegmenter? segmenter = null)
    {
        var doc = TextDocument.Parse(text, tokenizer, segmenter);
        var list = new List<string>(doc.Sentences.Length);
        foreach (var s in doc.Sentences)
        {
            list.Add(s.GetText(text).Trim().ToString());
        }

        return list;
    }
}
