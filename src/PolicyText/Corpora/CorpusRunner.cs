using PolicyText.Export;

namespace PolicyText.Corpora;

/// <summary>Options of a <see cref="CorpusRunner"/> run.</summary>
public sealed record CorpusRunOptions
{
    /// <summary>Documents analysed at once; by default, and when 0 or less (as <see cref="CorpusReader.AnalyzeAsync"/>'s <c>threads</c>), one per processor. The output is the same for any number. A run holds about four documents per thread in memory, and never more than 4,096.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to write tokens.csv.</summary>
    public bool Tokens { get; init; }

    /// <summary>Whether to write text cells exactly as they are (no formula-injection protection).</summary>
    public bool RawCells { get; init; }

    /// <summary>
    /// Whether to continue an interrupted run in the same folder from its checkpoint: the
    /// unfinished files are cut back to the last checkpoint and the documents already written are
    /// skipped, so no row is written twice. Without a checkpoint the run starts afresh; a
    /// checkpoint of another run (another <see cref="RunKey"/>, other files or document
    /// variables) or a damaged one is refused with an <see cref="IOException"/>.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>Documents between two checkpoints of an unfinished run.</summary>
    public int CheckpointEvery { get; init; } = 256;

    /// <summary>
    /// What identifies the run's input and the options that shape its output (the command line
    /// makes it from the input files' hashes, the lexicons, the model and the options), saved
    /// with each checkpoint: <see cref="Resume"/> refuses a checkpoint saved under another key,
    /// so that a run is never continued with another input or other options. A key written in
    /// parts, one a line, each a name, a tab and a value (the command line's: its input, options,
    /// lexicon and model files, and versions, each hashed), is refused naming the parts whose
    /// values differ; any other key is refused naming everything a key may cover.
    /// </summary>
    public string? RunKey { get; init; }
}

/// <summary>What a run wrote.</summary>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Sentences">Sentence rows written.</param>
/// <param name="Errors">Documents that could not be read or analysed (written to errors.csv).</param>
/// <param name="Files">The files written, in the output folder.</param>
/// <param name="Rows">Rows written per file.</param>
public sealed record CorpusRunResult(long Documents, long Sentences, IReadOnlyList<CorpusError> Errors, IReadOnlyList<string> Files, IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>
    /// Whether the run continued an interrupted run from its checkpoint (<see cref="CorpusRunOptions.Resume"/>
    /// and a checkpoint found in the output folder); false when it started afresh, with or without
    /// <see cref="CorpusRunOptions.Resume"/>.
    /// </summary>
    public bool Resumed { get; init; }

    /// <summary>Of the input items, those an interrupted run had written before its checkpoint and this run did not read again (0 unless <see cref="Resumed"/>).</summary>
    public long ResumedItems { get; init; }

    /// <summary>Equal when the counts are and the errors, files and rows hold equal items (not when they are the same list objects): two runs over the same input compare equal, a resumed run and an uninterrupted one too (<see cref="Resumed"/> and <see cref="ResumedItems"/> are not compared).</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether the two are equal in value.</returns>
    public bool Equals(CorpusRunResult? other) =>
        other is not null && Documents == other.Documents && Sentences == other.Sentences
        && PolicyText.Internals.ValueEquality.Lists(Errors, other.Errors) && PolicyText.Internals.ValueEquality.Lists(Files, other.Files)
        && PolicyText.Internals.ValueEquality.Dictionaries(Rows, other.Rows);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Documents, Sentences, Errors?.Count ?? -1, Files?.Count ?? -1);
}

/// <summary>Progress of a run: documents done and characters read so far.</summary>
/// <param name="Documents">Documents analysed or failed.</param>
/// <param name="Characters">Characters of the documents analysed.</param>
public readonly record struct CorpusRunProgress(long Documents, long Characters)
{
    /// <summary>Of <see cref="Documents"/>, those that could not be read or analysed (listed in errors.csv; flagged documents were analysed and are not counted).</summary>
    public long Failed { get; init; }
}

/// <summary>
/// Analyses a stream of corpus items into the CSV files of docs/csv-schema.md. Documents are
/// analysed in parallel but written in input order, so the files are byte-for-byte the same
/// for any number of threads; at most a few documents per thread are held in memory at once.
/// Each file is written under a temporary name and moved into place when complete.
/// </summary>
public static class CorpusRunner
{
    /// <summary>The most documents a run holds at once, analysed or waiting to be written, whatever <see cref="CorpusRunOptions.Threads"/> says.</summary>
    internal const int MaxWindow = 4096;

    /// <summary>
    /// The names of every file a run may write in its output folder: sentences.csv,
    /// documents.csv, evidence.csv, tokens.csv, errors.csv, checkpoint.json and manifest.json,
    /// each followed by the name it has while it is written (<c>.partial</c>). A run refuses a
    /// folder in the place of any of them before it writes anything.
    /// </summary>
    public static IReadOnlyList<string> OutputFileNames { get; } =
        [.. new[] { "sentences.csv", "documents.csv", "evidence.csv", "tokens.csv", "errors.csv", RunCheckpoint.FileName, RunCheckpoint.ErrorLogName, "manifest.json" }.SelectMany(f => new[] { f, f + ".partial" })];

    /// <summary>Runs the analysis.</summary>
    /// <param name="items">The documents (and read errors), in order.</param>
    /// <param name="variables">The names of the document variables to carry into documents.csv.</param>
    /// <param name="outputFolder">The output folder; created if missing.</param>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="options">The options.</param>
    /// <param name="progress">Receives progress after each document, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; no output file is then moved into place.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="IOException">The output folder is a file, or cannot be written; or, with <see cref="CorpusRunOptions.Resume"/>, its checkpoint cannot be continued.</exception>
    public static CorpusRunResult Run(
        IEnumerable<CorpusItem> items,
        IReadOnlyList<string> variables,
        string outputFolder,
        TextAnalyzer analyzer,
        CorpusRunOptions options,
        IProgress<CorpusRunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(options);
        if (File.Exists(outputFolder))
        {
            // A link whose target is missing also "exists" as a file.
            var link = new FileInfo(outputFolder);
            if (link.LinkTarget is { } target && link.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                throw new IOException($"The output folder '{outputFolder}' is a link to '{target}', which does not exist; create that folder, or give another.");
            }

            throw new IOException($"The output folder '{outputFolder}' is a file.");
        }

        CreateOutputFolder(outputFolder);
        string[] names = options.Tokens
            ? ["sentences.csv", "documents.csv", "evidence.csv", "tokens.csv"]
            : ["sentences.csv", "documents.csv", "evidence.csv"];
        var targets = names.Select(n => Path.Combine(outputFolder, n)).ToArray();

        // A folder where an output file goes would stop the run half way, with files written:
        // refused before anything is.
        foreach (var path in OutputFileNames.Select(n => Path.Combine(outputFolder, n)))
        {
            if (Directory.Exists(path))
            {
                throw new IOException($"'{path}' is a folder, where the run writes a file; move or rename it. Nothing was written.");
            }
        }
        var errors = new List<CorpusError>();
        long documents = 0;
        // Items not analysed (read errors, empty items, analyses that failed), counted as they
        // come: an error's code does not say it, since a user's item may pair a document with any code.
        long failed = 0;
        long characters = 0;
        long sentenceRows;
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        bool raw = options.RawCells;
        var checkpointFile = Path.Combine(outputFolder, RunCheckpoint.FileName);
        var resumed = options.Resume ? RunCheckpoint.Load(checkpointFile, names, variables, options.RunKey) : null;
        if (resumed is not null)
        {
            documents = resumed.Items;
            errors.AddRange(resumed.Errors);
            // A checkpoint written before the count was kept: its errors' codes tell.
            failed = resumed.Failed >= 0 ? resumed.Failed : resumed.Errors.Count(e => !CorpusError.IsFlag(e.Code));
            items = items.Skip((int)Math.Min(resumed.Items, int.MaxValue));
        }
        else
        {
            // A run that starts afresh first removes any older run's checkpoint: its unfinished
            // files are about to be replaced, and a resume of the older run must not continue
            // that checkpoint over this run's rows (it starts afresh instead).
            File.Delete(checkpointFile);
        }

        // The errors so far, appended as they come; each checkpoint records how far it reaches.
        var errorLogFile = Path.Combine(outputFolder, RunCheckpoint.ErrorLogName);
        long errorRows = errors.Count;
        using var errorLog = new FileStream(errorLogFile, resumed is null ? FileMode.Create : FileMode.Append, FileAccess.Write);

        void LogErrors()
        {
            for (; errorRows < errors.Count; errorRows++)
            {
                errorLog.Write(RunCheckpoint.ErrorLine(errors[(int)errorRows]));
            }

            errorLog.Flush();
        }

        Stream Open(int i)
        {
            var path = targets[i] + ".partial";
            if (resumed is null)
            {
                return File.Create(path);
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            stream.SetLength(resumed.Bytes[names[i]]);
            stream.Seek(0, SeekOrigin.End);
            return stream;
        }

        using (var sentences = new SentenceCsvWriter(Open(0), rawCells: raw))
        using (var docs = new DocumentCsvWriter(Open(1), rawCells: raw, variables: variables))
        using (var evidence = new EvidenceCsvWriter(Open(2), rawCells: raw))
        using (var tokens = options.Tokens ? new TokenCsvWriter(Open(3), rawCells: raw) : null)
        {
            CsvFileWriter[] writers = tokens is null ? [sentences, docs, evidence] : [sentences, docs, evidence, tokens];
            if (resumed is not null)
            {
                for (int i = 0; i < writers.Length; i++)
                {
                    writers[i].ContinueAfter(resumed.Rows[names[i]]);
                }
            }

            void SaveCheckpoint()
            {
                var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
                var counts = new Dictionary<string, long>(StringComparer.Ordinal);
                for (int i = 0; i < writers.Length; i++)
                {
                    bytes[names[i]] = writers[i].Checkpoint();
                    counts[names[i]] = writers[i].Rows;
                }

                LogErrors();
                new RunCheckpoint(documents, bytes, counts, errorRows, errorLog.Length, variables, options.RunKey) { Failed = failed }.Save(checkpointFile);
            }

            // A window of analyses in flight, written strictly in input order.
            var window = new Queue<(CorpusItem Item, Task<(DocumentAnalysis? Analysis, string? Error)>? Work)>();
            // Four per thread, and never more than MaxWindow: a huge thread count must not hold a huge part of the corpus.
            int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            int limit = (int)Math.Min(threads * 4L, MaxWindow);
            void WriteOldest()
            {
                var (item, work) = window.Dequeue();
                if (item.Error is { } readError)
                {
                    errors.Add(readError);
                }
                else if (item.Document is null)
                {
                    // default(CorpusItem): nothing to analyse, and nothing to say why.
                    errors.Add(new CorpusError(string.Empty, null, "empty_item", "An item with neither a document nor an error (default(CorpusItem)); nothing was analysed."));
                }

                failed += item.Document is null ? 1 : 0;

                if (item.Document is not null)
                {
                    var document = item.Document!;
                    var (analysis, failure) = work!.GetAwaiter().GetResult();
                    if (analysis is null)
                    {
                        errors.Add(new CorpusError(document.Id, document.Id, "analysis_failed", failure!));
                        failed++;
                    }
                    else
                    {
                        sentences.Write(document.Id, analysis);
                        docs.Write(document.Id, analysis, document.Variables);
                        evidence.Write(document.Id, analysis);
                        tokens?.Write(document.Id, analysis.Document);
                        characters += document.Text.Length;
                        // Analysed, but garbled at its source (mojibake, HTML): said, not hidden.
                        foreach (var warning in analysis.InputWarnings)
                        {
                            errors.Add(new CorpusError(document.Id, document.Id, warning.Code, warning.Message));
                        }
                    }
                }

                documents++;
                if (documents % Math.Max(1, options.CheckpointEvery) == 0)
                {
                    SaveCheckpoint();
                }

                progress?.Report(new CorpusRunProgress(documents, characters) { Failed = failed });
            }

            using var gate = new SemaphoreSlim(threads);
            try
            {
                foreach (var item in items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Task<(DocumentAnalysis?, string?)>? work = null;
                    if (item.Document is { } document)
                    {
                        work = Task.Run(async () =>
                        {
                            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                            try
                            {
                                return ((DocumentAnalysis?)analyzer.Analyze(document.Text), (string?)null);
                            }
                            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                            {
                                // One bad document never stops the run.
                                return (null, ex.Message);
                            }
                            finally
                            {
                                gate.Release();
                            }
                        }, cancellationToken);
                    }

                    window.Enqueue((item, work));
                    if (window.Count >= limit)
                    {
                        WriteOldest();
                    }
                }

                while (window.Count > 0)
                {
                    WriteOldest();
                }

                // Cancelled after the last document was read: nothing is moved into place.
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                // Stopped by an error or a cancellation: the analyses in flight finish before the
                // gate is disposed, so that none outlives the run.
                foreach (var (_, work) in window)
                {
                    try
                    {
                        work?.Wait(CancellationToken.None);
                    }
                    catch (AggregateException)
                    {
                        // Its result is no longer wanted.
                    }
                }
            }

            sentenceRows = sentences.Rows;
            rows["sentences.csv"] = sentences.Rows;
            rows["documents.csv"] = docs.Rows;
            rows["evidence.csv"] = evidence.Rows;
            if (tokens is not null)
            {
                rows["tokens.csv"] = tokens.Rows;
            }
        }

        // Each file is complete before it takes its final name.
        foreach (var target in targets)
        {
            File.Move(target + ".partial", target, overwrite: true);
        }

        File.Delete(checkpointFile);
        errorLog.Dispose();
        File.Delete(errorLogFile);

        // A tokens.csv from an earlier run with --tokens would sit beside files it does not describe.
        if (!options.Tokens)
        {
            File.Delete(Path.Combine(outputFolder, "tokens.csv"));
        }

        var files = names.ToList();
        var errorsFile = Path.Combine(outputFolder, "errors.csv");
        if (errors.Count > 0)
        {
            using (var writer = new ErrorCsvWriter(File.Create(errorsFile + ".partial"), rawCells: raw))
            {
                errors.ForEach(writer.Write);
            }

            File.Move(errorsFile + ".partial", errorsFile, overwrite: true);
            files.Add("errors.csv");
            rows["errors.csv"] = errors.Count;
        }
        else if (File.Exists(errorsFile))
        {
            // An errors.csv from an earlier run would describe documents this run read.
            File.Delete(errorsFile);
        }

        return new CorpusRunResult(documents - failed, sentenceRows, errors, files, rows) { Resumed = resumed is not null, ResumedItems = resumed?.Items ?? 0 };
    }

    /// <summary>
    /// Creates the output folder, or says in words why it cannot be: a file where one of the
    /// folders on its path should be ("out.csv/run"), or the system's refusal (no permission, a
    /// read-only or virtual file system), rather than .NET's "Could not find a part of the path".
    /// </summary>
    private static void CreateOutputFolder(string outputFolder)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                throw new IOException($"The output folder '{outputFolder}' cannot be created: '{parent}' is a file, not a folder.");
            }

            if (Directory.Exists(parent))
            {
                break;
            }
        }

        try
        {
            Directory.CreateDirectory(outputFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The output folder '{outputFolder}' cannot be created ({ex.Message.TrimEnd('.')}); give a folder you can write to.", ex);
        }
    }
}
