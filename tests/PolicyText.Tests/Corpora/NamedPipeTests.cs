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
