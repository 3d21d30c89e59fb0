using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text.Json;
using PolicyText.Text;

namespace PolicyText.Export;

/// <summary>An input file of a run, with its size and SHA-256, so that a result can be tied to its data.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record ManifestInput(string Path, long Bytes, string Sha256)
{
    /// <summary>Describes a file; a file that cannot be read gets size -1 and an empty hash (errors.csv says why). A file of 0 bytes is not opened.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its size and hash.</returns>
    public static ManifestInput Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            // A file of 0 bytes is not opened (its hash is that of nothing): a named pipe (FIFO)
            // also reports 0 bytes, and opening it would wait for a writer (a link's target's size).
            if (File.Exists(path) && PolicyText.Internals.FileSizes.ContentLength(path) == 0)
            {
                return new ManifestInput(path, 0, Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty)));
            }

            using var stream = File.OpenRead(path);
            var hash = SHA256.HashData(stream);
            return new ManifestInput(path, stream.Length, Convert.ToHexStringLower(hash));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ManifestInput(path, -1, string.Empty);
        }
    }
}

/// <summary>
/// <c>manifest.json</c>: what produced a folder of CSV files — schema, tool, lexicon and model
/// versions, the input files with sizes and hashes, row counts, start and end time, options.
/// </summary>
/// <param name="Inputs">The input files.</param>
/// <param name="Rows">Rows written per file (header not counted).</param>
/// <param name="Started">When the run started (UTC).</param>
/// <param name="Finished">When it finished (UTC).</param>
/// <param name="LexiconVersion">The lexicons' names and versions.</param>
/// <param name="ModelVersion">The models' versions, or <c>none</c> for the lexicon-only rules.</param>
/// <param name="Options">The options of the run, by name.</param>
public sealed record RunManifest(
    IReadOnlyList<ManifestInput> Inputs,
    IReadOnlyDictionary<string, long> Rows,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string LexiconVersion,
    string ModelVersion,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The CSV schema version (docs/csv-schema.md).</summary>
    public const int SchemaVersion = 3;

    /// <summary>
    /// The version of the abbreviation list the tokenizer and segmenter used (by default the
    /// shipped list's, <see cref="Abbreviations.DefaultVersion"/>; docs/tokenization.md).
    /// </summary>
    public string AbbreviationVersion { get; init; } = Abbreviations.DefaultVersion;

    /// <summary>The version of the PolicyText library that wrote the files.</summary>
    public static string ToolVersion { get; } =
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(RunManifest).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// The machine the process runs on, as far as it could change a result: the runtime, the
    /// operating system, the process architecture, the widest vector the runtime accelerates
    /// (bits; 0 for none) and the vector instruction sets it uses. The output is the same bytes
    /// whatever these are on x64 (docs/csv-schema.md, <c>manifest.json</c>); they are recorded
    /// so that a run can be described and any difference traced.
    /// </summary>
    internal static IEnumerable<(string Name, string Value)> Platform()
    {
        yield return ("runtime", RuntimeInformation.FrameworkDescription);
        yield return ("os", RuntimeInformation.OSDescription);
        yield return ("architecture", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
        int width = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        yield return ("vector_bits", width.ToString(CultureInfo.InvariantCulture));
        (bool Supported, string Name)[] sets =
        [
            (System.Runtime.Intrinsics.X86.Avx512F.IsSupported, "avx512f"),
            (System.Runtime.Intrinsics.X86.Avx2.IsSupported, "avx2"),
            (System.Runtime.Intrinsics.X86.Fma.IsSupported, "fma"),
            (System.Runtime.Intrinsics.X86.Avx.IsSupported, "avx"),
            (System.Runtime.Intrinsics.X86.Sse42.IsSupported, "sse4.2"),
            (System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported, "advsimd"),
        ];
        yield return ("instruction_sets", string.Join(' ', sets.Where(s => s.Supported).Select(s => s.Name)));
    }

    /// <summary>Writes <c>manifest.json</c> into a folder (under a temporary name, then moved into place).</summary>
    /// <param name="folder">The output folder.</param>
    public void Write(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = System.IO.Path.Combine(folder, "manifest.json");
        using (var stream = File.Create(path + ".partial"))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema_version", SchemaVersion);
            w.WriteString("tool", "PolicyText " + ToolVersion);
            w.WriteString("lexicons", LexiconVersion);
            w.WriteString("abbreviations", AbbreviationVersion);
            w.WriteString("models", ModelVersion);
            w.WriteStartArray("inputs");
            foreach (var input in Inputs)
            {
                w.WriteStartObject();
                w.WriteString("path", input.Path);
                w.WriteNumber("bytes", input.Bytes);
                w.WriteString("sha256", input.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("rows");
            foreach (var (file, rows) in Rows)
            {
                w.WriteNumber(file, rows);
            }

            w.WriteEndObject();
            w.WriteString("started", Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("finished", Finished.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteStartObject("platform");
            foreach (var (name, value) in Platform())
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteStartObject("options");
            foreach (var (name, value) in Options)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
