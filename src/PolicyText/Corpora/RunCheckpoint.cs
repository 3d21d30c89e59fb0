using System.Text.Json;

namespace PolicyText.Corpora;

/// <summary>
/// The state of an unfinished run, saved every few hundred documents: how many input items are
/// written, and the length and row count of each unfinished file at that point.
/// </summary>
internal sealed record RunCheckpoint(
    long Items,
    IReadOnlyDictionary<string, long> Bytes,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<CorpusError> Errors,
    IReadOnlyList<string> Variables)
{
    public const string FileName = "checkpoint.json";

    public void Save(string path)
    {
        using (var stream = File.Create(path + ".partial"))
        {
            JsonSerializer.Serialize(stream, this);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>The checkpoint of a run that wrote the same files and variables, or <see langword="null"/> when there is none to continue.</summary>
    public static RunCheckpoint? Load(string path, IReadOnlyList<string> files, IReadOnlyList<string> variables)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        RunCheckpoint? checkpoint;
        try
        {
            using var stream = File.OpenRead(path);
            checkpoint = JsonSerializer.Deserialize<RunCheckpoint>(stream);
        }
        catch (JsonException)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        bool sameFiles = checkpoint is not null
            && files.Count == checkpoint.Bytes.Count
            && files.All(f => checkpoint.Bytes.ContainsKey(f) && checkpoint.Rows.ContainsKey(f)
                && File.Exists(Path.Combine(folder, f + ".partial"))
                && new FileInfo(Path.Combine(folder, f + ".partial")).Length >= checkpoint.Bytes[f]);
        if (!sameFiles || !checkpoint!.Variables.SequenceEqual(variables, StringComparer.Ordinal))
        {
            throw new IOException($"The run in '{folder}' cannot be resumed: its files or options differ from this run's. Start afresh without --resume, or use another folder.");
        }

        return checkpoint;
    }
}
