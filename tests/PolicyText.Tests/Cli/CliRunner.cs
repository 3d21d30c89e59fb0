namespace PolicyText.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Writes <paramref name="content"/> to a file <paramref name="name"/> in <paramref name="tmp"/>, runs <c>analyze</c> on it into <c>out</c> there (quietly unless <paramref name="quiet"/> is false), and returns the result, the output folder and the lines of errors.csv (none when it was not written).</summary>
    public static (CliResult Result, string Output, string[] Errors) AnalyzeFile(TempDir tmp, string name, string content, bool quiet = true)
    {
        var input = System.IO.Path.Combine(tmp.Path, name);
        File.WriteAllText(input, content);
        var output = System.IO.Path.Combine(tmp.Path, "out");
        var result = quiet ? Run("analyze", input, "--out", output, "-q") : Run("analyze", input, "--out", output);
        var errors = System.IO.Path.Combine(output, "errors.csv");
        return (result, output, File.Exists(errors) ? File.ReadAllLines(errors) : []);
    }

    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        int code = PolicyText.Cli.Program.Run(args, stdout, stderr, input);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policytext-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
