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

        bool sameFiles = files.Count == checkpoint.Bytes.Count
            && files.All(f => checkpoint.Bytes.ContainsKey(f) && checkpoint.Rows.ContainsKey(f)
                && File.Exists(Path.Combine(folder, f + ".partial"))
                && new FileInfo(Path.Combine(folder, f + ".partial")).Length >= checkpoint.Bytes[f]);
        if (!sameFiles || !checkpoint.Variables.SequenceEqual(variables, StringComparer.Ordinal) || !string.Equals(checkpoint.Key, key, StringComparison.Ordinal))
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: its input, lexicon or model files, options or PolicyText version (the tool's, or how it reads inputs) differ from this run's. Start afresh without --resume, or use another folder.");
        }

        return checkpoint with { Errors = ReadErrors(Path.Combine(folder, ErrorLogName), checkpoint.ErrorRows, checkpoint.ErrorBytes, folder) };
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
