namespace PolicyText.Corpora;

/// <summary>The documents of an input and the names of their document variables.</summary>
/// <param name="Items">The documents (and read errors), in order, read lazily.</param>
/// <param name="Variables">The names of the document variables, for documents.csv.</param>
/// <param name="Count">The number of items when it is known in advance (files of a folder, lines of a JSON Lines file), for progress.</param>
public sealed record CorpusSource(IEnumerable<CorpusItem> Items, IReadOnlyList<string> Variables, long? Count = null)
{
    /// <summary>
    /// Opens an input by its form: a <c>.jsonl</c> file (fields <c>id</c> and <c>text</c>), a
    /// <c>.csv</c> file (the named id and text columns), or a folder or file of <c>.txt</c>.
    /// </summary>
    /// <param name="path">The input.</param>
    /// <param name="idColumn">For CSV, the id column.</param>
    /// <param name="textColumn">For CSV, the text column.</param>
    /// <returns>The source.</returns>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException">A CSV column is not in the header, or a single file is not a .txt, .md, .jsonl or .csv file.</exception>
    public static CorpusSource Open(string path, string idColumn = "id", string textColumn = "text")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path) && path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var names = JsonLinesCorpus.VariableNames(path, out long lines);
            return new CorpusSource(JsonLinesCorpus.ReadItems(path), names, lines);
        }

        if (File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new CorpusSource(CsvCorpus.ReadItems(path, idColumn, textColumn), CsvCorpus.VariableNames(path, idColumn, textColumn));
        }

        // A single file of another kind (.json, .html, .docx) would be read as one plain-text
        // document, which is rarely what was meant.
        if (File.Exists(path) && !TextFolderCorpus.IsTextFile(path))
        {
            // A tab-separated table is read as CSV (the separator is detected): as .txt it would be one document.
            var advice = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tab", StringComparison.OrdinalIgnoreCase)
                ? "Rename a tab-separated table to .csv: its tab separators are detected."
                : "Rename a plain-text file to .txt, a table to .csv.";
            throw new ArgumentException($"'{path}': the input is read by its extension: a .txt or .md file (one document), a .jsonl file or a .csv file, or a folder. {advice}");
        }

        var others = new List<string>();
        var files = TextFolderCorpus.ListFilesAndOthers(path, others); // fails now, not at the first document, when nothing is there
        return new CorpusSource(TextFolderCorpus.ReadItems(files), [], files.Count) { Files = files, OtherFiles = others };
    }

    /// <summary>
    /// For a folder, its files of other kinds than <c>.txt</c> and <c>.md</c> (full paths, in
    /// ordinal order; outside hidden folders, and not themselves hidden, named with a leading
    /// "."), found in the same walk as <see cref="Files"/>: they are not read (a <c>.docx</c>,
    /// <c>.rtf</c> or <c>.text</c> file must be converted or renamed first), and
    /// <c>policytext analyze</c> says how many there are. Empty for a single file; null for other
    /// inputs.
    /// </summary>
    public IReadOnlyList<string>? OtherFiles { get; init; }

    /// <summary>
    /// For a folder or a text file, the files its <see cref="Items"/> are read from (ids and full
    /// paths, in order, as <see cref="TextFolderCorpus.ListFiles"/> gives them), listed once when
    /// the source was opened, so that a file added to the folder later is not read and one removed
    /// is an <c>unreadable</c> item: the count, the items and a run's manifest name the same files.
    /// It describes the source as <see cref="Open"/> made it (a copy made <c>with</c> other
    /// <see cref="Items"/> keeps it). Null for other inputs.
    /// </summary>
    public IReadOnlyList<(string Id, string Path)>? Files { get; init; }
}
