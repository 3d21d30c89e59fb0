using System.Globalization;
using System.Text.Json;
using PolicyText.Internals;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Corpora;

/// <summary>The split a gold document belongs to.</summary>
public enum CorpusSplit
{
    /// <summary>Training data.</summary>
    Train,

    /// <summary>Development data, for choosing thresholds and features.</summary>
    Dev,

    /// <summary>Held-out test data, for the reported evaluation.</summary>
    Test,
}

/// <summary>A gold sentence: a span of its document's text with its two labels.</summary>
/// <param name="Start">Code-point offset of the first character (as in the file).</param>
/// <param name="End">Code-point offset one past the last character.</param>
/// <param name="Utf16Start">The same start as a UTF-16 offset into <see cref="GoldDocument.Text"/>.</param>
/// <param name="Utf16End">The same end as a UTF-16 offset.</param>
/// <param name="Rights">The rights category.</param>
/// <param name="Linkage">The linkage stance.</param>
public readonly record struct GoldSentence(int Start, int End, int Utf16Start, int Utf16End, RightsCategory Rights, LinkageStance Linkage);

/// <summary>A gold-labelled document of a corpus in the PolicyText format (corpus/README.md).</summary>
/// <param name="Id">Unique document id.</param>
/// <param name="Title">The headline.</param>
/// <param name="Kind">Genre: op-ed, editorial, commentary, news, speech or ngo-statement.</param>
/// <param name="Context">Country or theme, such as north_korea or global.</param>
/// <param name="Date">Publication date (fictional).</param>
/// <param name="Author">Fictional author, or <see langword="null"/> for unsigned pieces.</param>
/// <param name="Split">The split the document belongs to.</param>
/// <param name="RightsEmphasis">Holistic rights emphasis, judged by a reader.</param>
/// <param name="Linkage">Holistic linkage stance, judged by a reader.</param>
/// <param name="Text">The document text.</param>
/// <param name="Sentences">The gold sentences, in order, not overlapping.</param>
public sealed record GoldDocument(
    string Id,
    string Title,
    string Kind,
    string Context,
    DateOnly Date,
    string? Author,
    CorpusSplit Split,
    RightsEmphasis RightsEmphasis,
    DocumentLinkage Linkage,
    string Text,
    IReadOnlyList<GoldSentence> Sentences)
{
    /// <summary>Whether the document was read from a corpus folder's <see cref="GoldCorpus.SentencesFileName"/> (<see cref="GoldCorpus.IsTrainingSentence"/>).</summary>
    internal bool FromSentencesFile { get; init; }

    /// <summary>Equal when every field is, the sentences compared one by one (not as list objects): the same document read twice is equal.</summary>
    /// <param name="other">The other document.</param>
    /// <returns>Whether the two are equal in value.</returns>
    public bool Equals(GoldDocument? other) =>
        other is not null && Id == other.Id && Title == other.Title && Kind == other.Kind && Context == other.Context
        && Date == other.Date && Author == other.Author && Split == other.Split && RightsEmphasis == other.RightsEmphasis
        && Linkage == other.Linkage && Text == other.Text && FromSentencesFile == other.FromSentencesFile
        && PolicyText.Internals.ValueEquality.Lists(Sentences, other.Sentences);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Text, Split, Sentences?.Count ?? -1);

    /// <summary>The text of a gold sentence of this document.</summary>
    /// <param name="sentence">One of <see cref="Sentences"/>.</param>
    /// <returns>Its characters.</returns>
    public string GetText(GoldSentence sentence) => Text[sentence.Utf16Start..sentence.Utf16End];
}

/// <summary>
/// A gold corpus: a folder with <c>documents.jsonl</c>, one document a line, in the format of
/// corpus/README.md. Loading validates it: unique ids, labels in the codebook's vocabulary,
/// sentence spans in range, in order and not overlapping, a known split.
/// </summary>
public sealed class GoldCorpus
{
    /// <summary>The file a corpus folder holds.</summary>
    public const string FileName = "documents.jsonl";

    private GoldCorpus(IReadOnlyList<GoldDocument> documents) => Documents = documents;

    /// <summary>The documents, in file order.</summary>
    public IReadOnlyList<GoldDocument> Documents { get; }

    /// <summary>The documents of one split.</summary>
    /// <param name="split">The split.</param>
    /// <returns>Its documents, in file order.</returns>
    public IEnumerable<GoldDocument> InSplit(CorpusSplit split) => Documents.Where(d => d.Split == split);

    /// <summary>The same documents with their splits reassigned (for example, the folds of a cross-validation).</summary>
    /// <param name="split">The new split of each document, given its index in <see cref="Documents"/> and the document.</param>
    /// <returns>A new corpus; this one is unchanged.</returns>
    public GoldCorpus WithSplits(Func<int, GoldDocument, CorpusSplit> split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new GoldCorpus(Documents.Select((d, i) => d with { Split = split(i, d) }).ToList());
    }

    /// <summary>
    /// The file of training sentences a corpus folder may hold beside <see cref="FileName"/>:
    /// one-sentence documents of kind <c>sentence</c> in the train split, which train the models
    /// (the first stage, which labels a sentence given alone) and which cross-validation trains on
    /// in every fold without scoring them (docs/models.md).
    /// </summary>
    public const string SentencesFileName = "sentences.jsonl";

    /// <summary>
    /// Loads a corpus from a folder holding <c>documents.jsonl</c> (and, when present,
    /// <see cref="SentencesFileName"/>, whose documents follow), or from one such file alone.
    /// </summary>
    /// <param name="path">The folder or the file.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">A line is not a valid document (or, in the sentences file, not a one-sentence training document); the message names the file, the line and the problem (<c>documents.jsonl, line 3: …</c>), or, when several lines are, their count and the first 20 of them, one a line.</exception>
    public static GoldCorpus Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool folder = Directory.Exists(path);
        var file = folder ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No corpus at '{path}': expected a folder with {FileName} or such a file.", file);
        }

        var documents = new List<GoldDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Read(file, documents, ids, sentencesOnly: false);
        var sentences = folder ? Path.Combine(path, SentencesFileName) : null;
        if (sentences is not null && File.Exists(sentences))
        {
            Read(sentences, documents, ids, sentencesOnly: true);
        }

        return new GoldCorpus(documents);
    }

    /// <summary>
    /// Whether a document is a sentence given as training data: read from a corpus folder's
    /// <see cref="SentencesFileName"/> (kind <c>sentence</c>, one sentence), and in the train
    /// split. A one-sentence document of kind <c>sentence</c> in <see cref="FileName"/> is a
    /// document like any other: a corpus of one's own may be made of sentences alone.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsTrainingSentence(GoldDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.FromSentencesFile && document.Split == CorpusSplit.Train;
    }

    /// <summary>Whether a document may stand in <see cref="SentencesFileName"/>: kind <c>sentence</c>, train split, one sentence.</summary>
    private static bool IsSentenceDocument(GoldDocument document) =>
        document.Split == CorpusSplit.Train && document.Kind == "sentence" && document.Sentences.Count == 1;

    /// <summary>Problems named in one message at most: a file with more has its count said.</summary>
    private const int MaxProblemsShown = 20;

    private static void Read(string file, List<GoldDocument> documents, HashSet<string> ids, bool sentencesOnly)
    {
        int lineNumber = 0;
        // Every line's problem is gathered, so that one run of `corpus stats` names them all.
        var problems = new List<string>();
        Exception? firstCause = null;
        int count = 0;
        void Problem(string message, Exception? cause = null)
        {
            count++;
            firstCause ??= cause;
            if (problems.Count < MaxProblemsShown)
            {
                problems.Add(message);
            }
        }

        // Each line's bytes are checked before they are decoded, so that invalid UTF-8 is refused
        // on the line that holds it (a literal U+FFFD elsewhere is text like any other).
        using (var reader = new Utf8LineReader(File.OpenRead(file)))
        {
            while (reader.TryReadLine(out var line, out bool valid))
            {
                lineNumber++;
                if (!valid)
                {
                    Problem($"{file}, line {lineNumber}: invalid UTF-8 bytes; a gold corpus must be UTF-8.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                GoldDocument doc;
                try
                {
                    doc = ParseDocument(line);
                }
                catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
                {
                    Problem($"{file}, line {lineNumber}: {PolicyText.Internals.JsonMessages.Describe(ex)}", ex);
                    continue;
                }

                if (!ids.Add(doc.Id))
                {
                    Problem($"{file}, line {lineNumber}: duplicate document id '{doc.Id}'.");
                    continue;
                }

                if (sentencesOnly && !IsSentenceDocument(doc))
                {
                    Problem($"{file}, line {lineNumber}: document '{doc.Id}' is not a training sentence (kind \"sentence\", split \"train\", one sentence), which is all {SentencesFileName} may hold.");
                    continue;
                }

                documents.Add(sentencesOnly ? doc with { FromSentencesFile = true } : doc);
            }
        }

        if (count == 1)
        {
            throw new FormatException(problems[0], firstCause);
        }

        if (count > 1)
        {
            var shown = count > problems.Count ? string.Create(CultureInfo.InvariantCulture, $"; the first {problems.Count}") : string.Empty;
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{count} lines are not valid documents{shown}:") + Environment.NewLine + string.Join(Environment.NewLine, problems), firstCause);
        }
    }

    /// <summary>The fields every gold document has, in the order the corpus writes them.</summary>
    private static readonly string[] RequiredFields = ["id", "title", "kind", "context", "date", "split", "doc_rights", "doc_linkage", "text", "sentences"];

    private static GoldDocument ParseDocument(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a line must hold one JSON object (a document); this one holds {Kind(root)}.");
        }

        // Every field a gold document needs that is missing, named at once (not one per run).
        var missing = RequiredFields.Where(name => !root.TryGetProperty(name, out _)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(n => $"'{n}'"));
            throw new FormatException(missing.Count == 1 && missing[0] == "sentences"
                ? $"document '{(root.TryGetProperty("id", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : "?")}': missing array field 'sentences'."
                : $"missing {(missing.Count == 1 ? "string field" : "fields")} {names} (a gold document has the string fields {string.Join(", ", RequiredFields.SkipLast(1))}, an optional author and an array of sentences; corpus/README.md).");
        }

        string id = RequiredString(root, "id");
        // An id is matched as written (eval --labels, the predictions file): one that is empty or
        // has outer white space could not be matched by a labels file that trims its cells.
        if (id.Length == 0 || id.Trim().Length != id.Length)
        {
            throw new FormatException($"the id '{id}' is empty or has white space at its ends.");
        }

        string text = RequiredString(root, "text");
        // A value that is not what the codebook allows (a date, a split, a label) leaves the rest
        // of the document readable, so all of them are named together: a label misspelled in
        // every sentence is one message, not one run per sentence.
        var wrong = new List<string>();
        var dateText = RequiredString(root, "date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            wrong.Add($"field 'date' must be a date written YYYY-MM-DD; it is '{dateText}'");
        }

        var splitText = RequiredString(root, "split");
        var split = splitText switch
        {
            "train" => CorpusSplit.Train,
            "dev" => CorpusSplit.Dev,
            "test" => CorpusSplit.Test,
            _ => (CorpusSplit?)null,
        };
        if (split is null)
        {
            wrong.Add($"split '{splitText}' is not train, dev or test");
        }

        if (!LabelCodes.TryParse(RequiredString(root, "doc_rights"), out RightsEmphasis emphasis))
        {
            wrong.Add($"doc_rights {Shown(root.GetProperty("doc_rights"))} is not in the codebook");
        }

        if (!LabelCodes.TryParse(RequiredString(root, "doc_linkage"), out DocumentLinkage docLinkage))
        {
            wrong.Add($"doc_linkage {Shown(root.GetProperty("doc_linkage"))} is not in the codebook");
        }

        var author = root.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.String ? WholeString(a, "field 'author'") : null;
        var sentences = new List<GoldSentence>();
        try
        {
            var toUtf16 = CodePointMap(text, out int codePoints);

            // The furniture that the text layer skips (TextDocument.PageFurniture: a PDF's page
            // numbers, running heads and footers, a web page's "Advertisement" or "Share this
            // article") may lie between sentences, as white space does.
            // A sentence must not hold a line of web furniture: its words would be read by no one.
            var (read, _, web) = TextDocument.Layout(text);
            int previousEnd = 0;
            if (!root.TryGetProperty("sentences", out var spans) || spans.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"document '{id}': missing array field 'sentences'.");
            }

            foreach (var s in spans.EnumerateArray())
            {
                string where = $"document '{id}': sentence {sentences.Count}";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{where} must be a JSON object with start, end, rights and linkage; it is {Kind(s)}.");
                }

                int start = Offset(s, "start", where);
                int end = Offset(s, "end", where);
                if (start < previousEnd || end <= start || end > codePoints)
                {
                    throw new FormatException($"{where} [{start}, {end}) is out of range, empty, or overlaps the one before (text has {codePoints} code points).");
                }

                // A sentence has words: a span of white space alone would be trained on and scored
                // as a sentence no reader sees.
                if (string.IsNullOrWhiteSpace(text[toUtf16(start)..toUtf16(end)]))
                {
                    throw new FormatException($"{where} [{start}, {end}) is only white space; a sentence needs text.");
                }

                // The sentences cover the text: only white space lies between them (corpus/README.md).
                if (!string.IsNullOrWhiteSpace(read[toUtf16(previousEnd)..toUtf16(start)]))
                {
                    throw new FormatException($"{where} [{start}, {end}): the text before it, from offset {previousEnd}, is not all white space; the sentences must cover the text.");
                }

                if (web?.FirstOrDefault(f => f.Start < toUtf16(end) && f.End > toUtf16(start)) is { End: > 0 } skipped)
                {
                    throw new FormatException($"{where} [{start}, {end}) holds the line '{text[skipped.Start..skipped.End]}', which the text layer reads as a web page's furniture and skips (docs/segmentation.md, *Web page furniture*); leave the line out of the sentences.");
                }

                string sentence = $"sentence {sentences.Count}";
                if (!LabelCodes.TryParse(Label(s, "rights", where), out RightsCategory rights))
                {
                    wrong.Add($"{sentence} has rights label {Shown(s.GetProperty("rights"))}, not in the codebook");
                }

                if (!LabelCodes.TryParse(Label(s, "linkage", where), out LinkageStance linkage))
                {
                    wrong.Add($"{sentence} has linkage label {Shown(s.GetProperty("linkage"))}, not in the codebook");
                }

                sentences.Add(new GoldSentence(start, end, toUtf16(start), toUtf16(end), rights, linkage));
                previousEnd = end;
            }

            // A document without sentences has nothing to train on or to score (and no document
            // label to compare): an empty text is refused like a text its sentences do not cover.
            if (sentences.Count == 0 && string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException($"document '{id}': the text is empty and has no sentences; a gold document needs at least one sentence.");
            }

            if (!string.IsNullOrWhiteSpace(read[toUtf16(previousEnd)..]))
            {
                throw new FormatException(sentences.Count == 0
                    ? $"document '{id}': the text has no sentences; the sentences must cover the text."
                    : $"document '{id}': the text after its last sentence, from offset {previousEnd}, is not all white space; the sentences must cover the text.");
            }
        }
        catch (FormatException ex) when (wrong.Count > 0)
        {
            // The sentences could not all be read: the values already found wrong are named too.
            string prefix = $"document '{id}': ";
            wrong.Add((ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message).TrimEnd('.'));
            throw NotAllowed(id, wrong, ex);
        }

        if (wrong.Count > 0)
        {
            throw NotAllowed(id, wrong, null);
        }

        return new GoldDocument(id, RequiredString(root, "title"), RequiredString(root, "kind"), RequiredString(root, "context"),
            date, author, split!.Value, emphasis, docLinkage, text, sentences);
    }

    /// <summary>A document's problems in one message: one as it is, several counted and listed (the first 20).</summary>
    private static FormatException NotAllowed(string id, List<string> problems, Exception? cause) =>
        new(problems.Count == 1
            ? $"document '{id}': {problems[0]}."
            : string.Create(CultureInfo.InvariantCulture, $"document '{id}': {problems.Count} problems: {string.Join("; ", problems.Take(MaxProblemsShown))}{(problems.Count > MaxProblemsShown ? $"; and {problems.Count - MaxProblemsShown} more" : string.Empty)}."),
            cause);

    private static string RequiredString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value)
            ? throw new FormatException($"missing string field '{name}'.")
            : value.ValueKind == JsonValueKind.String
                ? WholeString(value, $"field '{name}'")
                : throw new FormatException(value.ValueKind is JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False
                    ? $"field '{name}' must be a string; it is {value.GetRawText()}."
                    : $"field '{name}' must be a string; it is {value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}.");

    private static int Offset(JsonElement sentence, string name, string where) =>
        !sentence.TryGetProperty(name, out var value)
            ? throw new FormatException($"{where}: missing field '{name}'.")
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int offset)
                ? offset
                : throw new FormatException($"{where}: '{name}' must be a whole number of code points, from 0 to {int.MaxValue:N0}; it is {value.GetRawText()}.");

    /// <summary>A value as a message shows it: a string in quotes, anything else (null, a number) as written.</summary>
    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value}'" : value.GetRawText();

    private static string? Label(JsonElement sentence, string name, string where) =>
        !sentence.TryGetProperty(name, out var value)
            ? throw new FormatException($"{where}: missing field '{name}'.")
            : value.ValueKind == JsonValueKind.String ? WholeString(value, $"{where}: field '{name}'") : null;

    /// <summary>
    /// A string value, refused with a message naming its field when it holds a \u escape of half
    /// a character (a lone surrogate, as when an emoji is cut in two), which .NET cannot read as
    /// a string.
    /// </summary>
    private static string WholeString(JsonElement value, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FormatException($"{field} holds a \\u escape of half a character (a lone surrogate, as when an emoji is cut in two); a gold corpus must hold whole characters.");
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>A map from code-point offsets to UTF-16 offsets (identity when there are no surrogate pairs).</summary>
    private static Func<int, int> CodePointMap(string text, out int codePoints)
    {
        if (!CodePoints.HasSurrogates(text))
        {
            codePoints = text.Length;
            return static i => i;
        }

        var map = CodePoints.CodePointToUtf16(text);
        codePoints = map.Length - 1;
        return i => map[i];
    }
}
