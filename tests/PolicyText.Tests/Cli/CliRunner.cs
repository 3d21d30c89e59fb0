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

    /// <summary>
    /// Runs the CLI in a process of its own, with <paramref name="environment"/> added to this
    /// process's: for what the runtime or a library reads at start-up (DOTNET_EnableAVX2,
    /// MLNET_BACKEND), which setting here would reach the other tests. A run that takes longer
    /// than <paramref name="timeout"/> is killed and fails the test.
    /// </summary>
    public static async Task<CliResult> RunProcess(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new System.Diagnostics.ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(typeof(PolicyText.Cli.Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        // Both streams are drained as they come.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"policytext {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
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

    /// <summary>
    /// Deletes the folder: tried again after a moment (a child process that was just stopped may
    /// still be closing a file in it), then, on Unix, with <c>rm -rf</c>, which also removes a
    /// file whose name is not valid UTF-8 (.NET reads such a name with U+FFFD and cannot delete
    /// it by that name) and files whose permissions a test took away.
    /// </summary>
    public void Dispose()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            try
            {
                using var rm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("rm", ["-rf", Path]) { UseShellExecute = false });
                rm?.WaitForExit(10_000);
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }
}
