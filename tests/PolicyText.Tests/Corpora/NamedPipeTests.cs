using System.ComponentModel;
using System.Diagnostics;
using PolicyText.Corpora;
using PolicyText.Export;

namespace PolicyText.Tests.Corpora;

/// <summary>
/// A named pipe (FIFO) inside an input folder: the file system reports it as a file of 0 bytes,
/// and opening it waits for a writer. Reading the folder and describing its files for the
/// manifest must not open it.
/// </summary>
public sealed class NamedPipeTests
{
    [SkippableFact]
    public void A_named_pipe_in_a_folder_is_an_empty_document_and_nothing_waits_for_a_writer()
    {
        Skip.If(OperatingSystem.IsWindows(), "a named pipe in a folder is a Unix file type");
        var folder = Directory.CreateTempSubdirectory("policytext-fifo-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "Aid must reach every clinic.");
            File.WriteAllText(Path.Combine(folder, "empty.txt"), string.Empty);
            var pipe = Path.Combine(folder, "pipe.txt");
            Skip.IfNot(MakeFifo(pipe), "mkfifo is not available here");

            var items = Task.Run(() => TextFolderCorpus.ReadItems(folder).ToList());
            var documents = Task.Run(() => TextFolderCorpus.Read(folder).ToList());
            var manifest = Task.Run(() => ManifestInput.Of(pipe));
            bool finished = Task.WaitAll([items, documents, manifest], TimeSpan.FromSeconds(30));
            if (!finished)
            {
                // Let the readers that are waiting go (a writer opens and closes the pipe) before failing.
                Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write).Dispose()).Wait(TimeSpan.FromSeconds(10));
            }

            Assert.True(finished, "reading the folder waited for a writer on the named pipe");
            Assert.Equal(["a", "empty", "pipe"], items.Result.Select(i => i.Document!.Id));
            Assert.All(items.Result, i => Assert.Null(i.Error));
            Assert.Equal(string.Empty, items.Result[2].Document!.Text);
            Assert.Equal(["Aid must reach every clinic.", string.Empty, string.Empty], documents.Result.Select(d => d.Text));
            Assert.Equal(0, manifest.Result.Bytes);
            Assert.Equal(ManifestInput.Of(Path.Combine(folder, "empty.txt")).Sha256, manifest.Result.Sha256);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void A_link_to_a_named_pipe_or_a_device_in_a_folder_is_an_empty_document_too()
    {
        // The link's own size (the length of the path it holds) was taken for the file's, so the
        // pipe was opened and the run waited for a writer forever.
        Skip.If(OperatingSystem.IsWindows(), "a named pipe in a folder is a Unix file type");
        var folder = Directory.CreateTempSubdirectory("policytext-fifo-").FullName;
        try
        {
            var pipe = Path.Combine(folder, "pipe");
            Skip.IfNot(MakeFifo(pipe), "mkfifo is not available here");
            var input = Path.Combine(folder, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "a.txt"), "Aid must reach every clinic.");
            File.CreateSymbolicLink(Path.Combine(input, "pipe.txt"), pipe);
            File.CreateSymbolicLink(Path.Combine(input, "zero.txt"), "/dev/zero");

            var items = Task.Run(() => TextFolderCorpus.ReadItems(input).ToList());
            var manifest = Task.Run(() => ManifestInput.Of(Path.Combine(input, "pipe.txt")));
            bool finished = Task.WaitAll([items, manifest], TimeSpan.FromSeconds(30));
            if (!finished)
            {
                Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write).Dispose()).Wait(TimeSpan.FromSeconds(10));
            }

            Assert.True(finished, "reading the folder waited on a link to a named pipe or a device");
            Assert.Equal(["a", "pipe", "zero"], items.Result.Select(i => i.Document!.Id));
            Assert.Equal([string.Empty, string.Empty], items.Result.Skip(1).Select(i => i.Document!.Text));
            Assert.Equal(0, manifest.Result.Bytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void A_named_pipe_given_as_the_input_is_read_once_and_analysed_like_the_file()
    {
        // It used to be opened several times (variables, hash, reading): the second open waited
        // for a writer that never came, and the run hung.
        Skip.If(OperatingSystem.IsWindows(), "a named pipe is a Unix file type here");
        var folder = Directory.CreateTempSubdirectory("policytext-fifo-").FullName;
        try
        {
            var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl")).Take(5).ToList();
            var file = Path.Combine(folder, "file.jsonl");
            File.WriteAllLines(file, lines);
            var pipe = Path.Combine(folder, "pipe.jsonl");
            Skip.IfNot(MakeFifo(pipe), "mkfifo is not available here");

            var writer = Task.Run(() => File.WriteAllLines(pipe, lines));
            var run = Task.Run(() => PolicyText.Tests.Cli.CliRunner.Run("analyze", pipe, "--out", Path.Combine(folder, "from-pipe"), "-q"));
            bool finished = run.Wait(TimeSpan.FromSeconds(60));
            if (!finished)
            {
                Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write).Dispose()).Wait(TimeSpan.FromSeconds(10));
            }

            Assert.True(finished, "the run waited on the named pipe");
            Assert.Equal(0, run.Result.ExitCode);
            Assert.True(writer.Wait(TimeSpan.FromSeconds(10)));
            Assert.Equal(0, PolicyText.Tests.Cli.CliRunner.Run("analyze", file, "--out", Path.Combine(folder, "from-file"), "-q").ExitCode);
            foreach (var name in new[] { "sentences.csv", "documents.csv", "evidence.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "from-file", name)), File.ReadAllBytes(Path.Combine(folder, "from-pipe", name)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void Standard_input_spooled_for_a_run_is_removed_when_the_run_is_interrupted()
    {
        Skip.If(OperatingSystem.IsWindows(), "the run is stopped with SIGTERM");
        var folder = Directory.CreateTempSubdirectory("policytext-spool-").FullName;
        var temp = Directory.CreateTempSubdirectory("policytext-tmp-").FullName;
        try
        {
            // A run long enough to be stopped midway: the corpus twenty times over (duplicate ids are errors, not a stop).
            var input = Path.Combine(folder, "big.jsonl");
            var corpus = File.ReadAllText(Path.Combine(RepoPaths.Root, "corpus", "documents.jsonl"));
            File.WriteAllText(input, string.Concat(Enumerable.Repeat(corpus, 20)));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { typeof(PolicyText.Cli.Program).Assembly.Location, "analyze", "-", "--out", Path.Combine(folder, "out"), "-q" })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["TMPDIR"] = temp;
            using var process = Process.Start(start)!;
            using (var stdin = process.StandardInput.BaseStream)
            using (var source = File.OpenRead(input))
            {
                source.CopyTo(stdin);
            }

            // Wait until the run writes its output, then stop it.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(Path.Combine(folder, "out", "sentences.csv.partial")) && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Skip.If(process.HasExited, "the run finished before it could be stopped");
            Assert.Single(Directory.GetDirectories(temp, "policytext-*"));
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(process.WaitForExit(30_000));
            Assert.NotEqual(0, process.ExitCode);
            Assert.Empty(Directory.GetDirectories(temp, "policytext-*"));
            Assert.Contains("interrupted; the files in", process.StandardError.ReadToEnd(), StringComparison.Ordinal);

            // Stopped while it is still copying standard input (the writer has not finished),
            // into an output folder with no unfinished files.
            Directory.Delete(Path.Combine(folder, "out"), recursive: true);
            using var spooling = Process.Start(start)!;
            spooling.StandardInput.BaseStream.Write(System.Text.Encoding.UTF8.GetBytes(corpus[..(1 << 20)]));
            spooling.StandardInput.BaseStream.Flush();
            deadline = DateTime.UtcNow.AddSeconds(60);
            while (Directory.GetDirectories(temp, "policytext-*").Length == 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Thread.Sleep(500);
            Assert.Single(Directory.GetDirectories(temp, "policytext-*"));
            Process.Start("kill", ["-TERM", spooling.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(spooling.WaitForExit(30_000));
            Assert.Empty(Directory.GetDirectories(temp, "policytext-*"));

            // Stopped before it wrote anything: nothing to resume, and it says nothing of it.
            Assert.DoesNotContain("interrupted", spooling.StandardError.ReadToEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(temp, recursive: true);
        }
    }

    private static bool MakeFifo(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false, RedirectStandardError = true });
            if (process is null || !process.WaitForExit(10_000))
            {
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
