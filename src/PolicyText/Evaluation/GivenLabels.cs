using System.Globalization;
using CsvHelper;
using PolicyText.Corpora;
using PolicyText.Internals;
using PolicyText.Models;
using PolicyText.Tagging;

namespace PolicyText.Evaluation;

/// <summary>
/// Sentence labels made elsewhere — a second coder's, another tool's — to be scored beside the
/// systems by <see cref="TaggerEvaluation.Evaluate(GoldCorpus, CorpusSplit, PolicyModels, LexiconSet?, GivenLabels?)"/>
/// (<c>policytext eval --labels FILE</c>) with the same measures, bootstrap draws and document
/// rule (docs/evaluation.md, <em>Scoring labels made elsewhere</em>). A file has a header
/// <c>doc_id, index, rights, linkage</c> separated by commas or tabs (or semicolons or bars;
/// fields may be quoted, as R and spreadsheets write them) and
/// one row per sentence: the document's id, the sentence's index in the document from 0, and
/// its two labels in the codebook's names. Immutable.
/// </summary>
public sealed class GivenLabels
{
    /// <summary>The widest name the report's tables keep aligned, in columns of a monospaced table (a character of the wide East Asian scripts takes two).</summary>
    public const int MaxNameLength = 27;

    private readonly Dictionary<(string DocId, int Index), (RightsCategory Rights, LinkageStance Linkage)> _labels;

    private GivenLabels(string name, Dictionary<(string, int), (RightsCategory, LinkageStance)> labels)
    {
        Name = name;
        _labels = labels;
    }

    /// <summary>The name the labels go by in the report: the file's name without its extension unless given.</summary>
    public string Name { get; }

    /// <summary>The number of sentences labelled.</summary>
    public int Count => _labels.Count;

    /// <summary>Reads a file of labels.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <param name="name">The name in the report, or <see langword="null"/> for the file's name without its extension (as much of it as fits in <see cref="MaxNameLength"/> columns).</param>
    /// <returns>The labels.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (or is a folder).</exception>
    /// <exception cref="FormatException">The file is not in the format above; the message names the line.</exception>
    /// <exception cref="ArgumentException">The name is empty, wider than <see cref="MaxNameLength"/> columns, has control characters or outer spaces, or is one of <see cref="TaggerEvaluation.Systems"/> (in any case).</exception>
    public static GivenLabels Load(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(Directory.Exists(path) ? $"The labels file '{path}' is a folder; give the file." : $"The labels file '{path}' does not exist.", path);
        }

        // A file's name longer than the table's column is cut to fit, not refused.
        var fromFile = Path.GetFileNameWithoutExtension(path);
        using var reader = new StreamReader(path);
        // Cut, then trimmed: a cut that ends at a space would otherwise be refused for it.
        return Parse(reader, name ?? ColumnWidth.Truncate(fromFile, MaxNameLength).Trim(), path);
    }

    /// <summary>Reads labels from text in the file format.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The name in the report.</param>
    /// <param name="source">What to call the text in error messages.</param>
    /// <returns>The labels.</returns>
    /// <exception cref="FormatException">The text is not in the format; the message names the line.</exception>
    /// <exception cref="ArgumentException">The name is empty, too long, has control characters or outer spaces, or is a system's.</exception>
    public static GivenLabels Parse(TextReader reader, string name, string source = "labels")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        // A name is a row's label in a fixed-width table: no control characters (a line break or a
        // tab would break the table), no outer spaces, and none that reads as a system's name.
        if (ColumnWidth.Of(name) is 0 or > MaxNameLength || name.Trim().Length != name.Length || name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            || TaggerEvaluation.Systems.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The labels' name (by default the file's name without its extension; --labels-name in the command line) must have 1 to {MaxNameLength} characters (a character of the wide East Asian scripts counts as two), no control characters or outer spaces, and not be a system's name ({string.Join(", ", TaggerEvaluation.Systems)}); got '{name.ReplaceLineEndings(" ")}'.");
        }

        // CsvHelper reads the quoting R and spreadsheets write ("doc_id","index",...) and finds the
        // separator (comma, semicolon, tab or bar) from the first lines.
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        Expect(() => { csv.ReadHeader(); return true; }, source);
        var header = csv.Headers.Select((h, i) => i == 0 ? h.TrimStart('\uFEFF').Trim() : h.Trim()).ToList();
        // R's write.csv writes the row names first, in a column without a name: left out.
        int skip = header.Count == 5 && header[0].Length == 0 && header.Skip(1).SequenceEqual(["doc_id", "index", "rights", "linkage"]) ? 1 : 0;
        if (!header.Skip(skip).SequenceEqual(["doc_id", "index", "rights", "linkage"]))
        {
            throw new FormatException(header.Count == 0 || (header.Count == 1 && header[0].Length == 0)
                ? $"{source}, line 1: the file is empty; it needs a header doc_id, index, rights, linkage and a row per sentence."
                : $"{source}, line 1: the header must be doc_id, index, rights, linkage, separated by commas or tabs; it is {string.Join(", ", header.Take(8))}.");
        }

        var labels = new Dictionary<(string, int), (RightsCategory, LinkageStance)>();
        while (Expect(() => csv.Read(), source))
        {
            long line = csv.LineNumber;
            int fields = csv.FieldCount;
            if (fields < 4 + skip || Enumerable.Range(4 + skip, Math.Max(0, fields - 4 - skip)).Any(i => !string.IsNullOrWhiteSpace(csv.GetString(i))))
            {
                throw new FormatException($"{source}, line {line}: {fields} {(fields == 1 ? "cell" : "cells")}; a row has {(skip == 0 ? "four (doc_id, index, rights, linkage)" : "five (the row name, doc_id, index, rights, linkage)")}.");
            }

            var cells = Enumerable.Range(skip, 4).Select(i => csv.GetString(i).Trim()).ToArray();
            if (cells[0].Length == 0)
            {
                throw new FormatException($"{source}, line {line}: the doc_id is empty.");
            }

            if (!int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                throw new FormatException($"{source}, line {line}: the index '{cells[1]}' is not a sentence's index (0, 1, 2, ...).");
            }

            if (!LabelCodes.TryParse(cells[2], out RightsCategory rights))
            {
                throw new FormatException($"{source}, line {line}: '{cells[2]}' is not a rights label ({string.Join(", ", LabelCodes.RightsVocabulary)}).");
            }

            if (!LabelCodes.TryParse(cells[3], out LinkageStance linkage))
            {
                throw new FormatException($"{source}, line {line}: '{cells[3]}' is not a linkage label ({string.Join(", ", LabelCodes.LinkageVocabulary)}).");
            }

            if (!labels.TryAdd((cells[0], index), (rights, linkage)))
            {
                throw new FormatException($"{source}, line {line}: document '{cells[0]}' sentence {index} is labelled twice.");
            }
        }

        return new GivenLabels(name, labels);
    }

    /// <summary>Runs a step of the CSV reader, its complaint about malformed quoting made a <see cref="FormatException"/> naming the file.</summary>
    private static T Expect<T>(Func<T> step, string source)
    {
        try
        {
            return step();
        }
        catch (CsvFormatException ex)
        {
            throw new FormatException($"{source}: {ex.Message}", ex);
        }
    }

    /// <summary>Fails unless the labels are of exactly the sentences of <paramref name="documents"/>.</summary>
    /// <param name="documents">The documents to be scored.</param>
    /// <exception cref="ArgumentException">A sentence is unlabelled, or a label is of no sentence among them; the message counts both and names the first.</exception>
    public void CheckCovers(IEnumerable<GoldDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var expected = new HashSet<(string, int)>();
        (string Doc, int Index)? firstMissing = null;
        int missing = 0;
        foreach (var d in documents)
        {
            for (int i = 0; i < d.Sentences.Count; i++)
            {
                if (expected.Add((d.Id, i)) && !_labels.ContainsKey((d.Id, i)))
                {
                    missing++;
                    firstMissing ??= (d.Id, i);
                }
            }
        }

        var extra = _labels.Keys.Where(k => !expected.Contains(k)).ToList();
        if (missing > 0 || extra.Count > 0)
        {
            var first = firstMissing is { } m ? $"; first unlabelled: document '{m.Doc}' sentence {m.Index}" : string.Empty;
            var e = extra.OrderBy(k => k.DocId, StringComparer.Ordinal).ThenBy(k => k.Index).FirstOrDefault();
            var firstExtra = extra.Count > 0 ? $"; first of no scored sentence: document '{e.DocId}' sentence {e.Index}" : string.Empty;
            throw new ArgumentException($"The labels '{Name}' must be of exactly the sentences scored: {missing} of {expected.Count} sentences are unlabelled and {extra.Count} labels are of no scored sentence{first}{firstExtra}.");
        }
    }

    /// <summary>The labels of sentence <paramref name="index"/> of document <paramref name="docId"/> (after <see cref="CheckCovers"/>, every scored sentence has them).</summary>
    internal (RightsCategory Rights, LinkageStance Linkage) Of(string docId, int index) => _labels[(docId, index)];
}
