using System.Text.Json;

namespace PolicyText.Corpora;

/// <summary>
/// The state of an unfinished run, saved every few hundred documents: how many input items are
/// written, and the length and row count of each unfinished file at that point, and of the log
/// of errors so far (<see cref="ErrorLogName"/>, one JSON object a line, appended as errors come,
/// so that a checkpoint costs the same whether a run has met no error or millions).
/// </summary>
internal sealed record RunCheckpoint(
    long Items,
    IReadOnlyDictionary<string, long> Bytes,
    IReadOnlyDictionary<string, long> Rows,
    long ErrorRows,
    long ErrorBytes,
    IReadOnlyList<string> Variables,
    string? Key = null)
{
    public const string FileName = "checkpoint.json";

    /// <summary>The errors of the unfinished run, one <see cref="CorpusError"/> in JSON a line, beside the checkpoint.</summary>
    public const string ErrorLogName = "checkpoint-errors.jsonl";

    /// <summary>The errors up to the checkpoint, read back by <see cref="Load"/> (not saved in the checkpoint itself).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CorpusError> Errors { get; private init; } = [];

    /// <summary>One line of the error log: the error in JSON and a line break.</summary>
    public static byte[] ErrorLine(CorpusError error) => [.. JsonSerializer.SerializeToUtf8Bytes(error), (byte)'\n'];

    /// <summary>The items written so far that were not analysed; −1 in a checkpoint written before it was kept.</summary>
    public long Failed { get; init; } = -1;

    public void Save(string path)
    {
        using (var stream = File.Create(path + ".partial"))
        {
            JsonSerializer.Serialize(stream, this);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>
    /// The checkpoint of a run that wrote the same files and variables under the same
    /// <paramref name="key"/> (<see cref="CorpusRunOptions.RunKey"/>), or <see langword="null"/>
    /// when there is none to continue.
    /// </summary>
    /// <exception cref="IOException">There is a checkpoint, but of another run, or damaged: it cannot be continued.</exception>
    public static RunCheckpoint? Load(string path, IReadOnlyList<string> files, IReadOnlyList<string> variables, string? key = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        RunCheckpoint? checkpoint;
        try
        {
            using var stream = File.OpenRead(path);
            checkpoint = JsonSerializer.Deserialize<RunCheckpoint>(stream);
        }
        catch (JsonException)
        {
            checkpoint = null;
        }

        // Every file had its header written before the first checkpoint, so none is empty.
        if (checkpoint is not { Bytes: not null, Rows: not null, Variables: not null }
            || checkpoint.Items < 0
            || checkpoint.ErrorRows < 0
            || checkpoint.ErrorBytes < 0
            || checkpoint.Bytes.Values.Any(b => b <= 0)
            || checkpoint.Rows.Values.Any(r => r < 0))
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: its checkpoint ({FileName}) is damaged. Start afresh without --resume, or use another folder.");
        }

        if (checkpoint.Key is null && key is not null)
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: its checkpoint was made by an earlier version of PolicyText, which did not record its input and options. Start afresh without --resume, or use another folder.");
        }

        // What differs is named, so that a user can tell a changed option from a changed input.
        var differences = string.Equals(checkpoint.Key, key, StringComparison.Ordinal) ? [] : KeyDifferences(checkpoint.Key, key);
        bool sameFiles = files.Count == checkpoint.Bytes.Count && files.All(f => checkpoint.Bytes.ContainsKey(f) && checkpoint.Rows.ContainsKey(f));
        if (!sameFiles && differences.Count == 0)
        {
            var added = files.Where(f => !checkpoint.Bytes.ContainsKey(f)).ToList();
            var dropped = checkpoint.Bytes.Keys.Where(f => !files.Contains(f)).Order(StringComparer.Ordinal).ToList();
            var said = added.Count > 0 ? [$"this run also writes {string.Join(", ", added)}"] : new List<string>();
            if (dropped.Count > 0)
            {
                said.Add($"the interrupted run also wrote {string.Join(", ", dropped)}");
            }

            differences.Add($"files written ({string.Join("; ", said)})");
        }

        if (!checkpoint.Variables.SequenceEqual(variables, StringComparer.Ordinal) && differences.Count == 0)
        {
            differences.Add("document variables (the input's other fields or columns)");
        }

        if (differences.Count > 0)
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: it differs from this run in its {string.Join(", ", differences.SkipLast(1))}{(differences.Count > 1 ? " and " : string.Empty)}{differences[^1]}. Start afresh without --resume, or use another folder.");
        }

        if (files.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f + ".partial")) || new FileInfo(Path.Combine(folder, f + ".partial")).Length < checkpoint.Bytes[f]) is { } cut)
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: its unfinished file {cut}.partial is missing or shorter than its checkpoint says. Start afresh without --resume, or use another folder.");
        }

        return checkpoint with { Errors = ReadErrors(Path.Combine(folder, ErrorLogName), checkpoint.ErrorRows, checkpoint.ErrorBytes, folder) };
    }

    /// <summary>
    /// The parts in which two run keys differ, by name, when both are written as parts, one a
    /// line, a name and a value separated by a tab (as the command line writes them); for keys
    /// written otherwise, the parts any key may cover.
    /// </summary>
    private static List<string> KeyDifferences(string? saved, string? now)
    {
        static Dictionary<string, string>? Parts(string? key)
        {
            if (key is null)
            {
                return null;
            }

            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in key.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0 || !parts.TryAdd(line[..tab], line[(tab + 1)..]))
                {
                    return null;
                }
            }

            return parts.Count > 0 ? parts : null;
        }

        var before = Parts(saved);
        var after = Parts(now);
        if (before is null || after is null)
        {
            return ["input, lexicon or model files, options or PolicyText version (the tool's, or how it reads inputs)"];
        }

        var names = after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Where(name => !before.TryGetValue(name, out var a) || !after.TryGetValue(name, out var b) || a != b)
            .ToList();
        return names.Count > 0 ? names : ["input, lexicon or model files, options or PolicyText version (the tool's, or how it reads inputs)"];
    }

    /// <summary>The first <paramref name="rows"/> errors of the log, which must hold at least <paramref name="bytes"/> bytes (a crash may have left more after them); the log is cut back to them.</summary>
    private static List<CorpusError> ReadErrors(string log, long rows, long bytes, string folder)
    {
        var damaged = new IOException($"The run in '{folder}' cannot be resumed: its log of errors ({ErrorLogName}) is missing or damaged. Start afresh without --resume, or use another folder.");
        if (!File.Exists(log) || new FileInfo(log).Length < bytes)
        {
            throw damaged;
        }

        var errors = new List<CorpusError>();
        using (var stream = new FileStream(log, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.SetLength(bytes);
            using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    errors.Add(JsonSerializer.Deserialize<CorpusError>(line) ?? throw damaged);
                }
            }
            catch (Exception ex) when (ex is JsonException or System.Text.DecoderFallbackException)
            {
                throw damaged;
            }
        }

        if (errors.Count != rows || errors.Any(e => e.Source is null || e.Code is null || e.Message is null))
        {
            throw damaged;
        }

        return errors;
    }
}
