using System.Globalization;
using System.IO.Enumeration;
using System.Text;

namespace PolicyText.Corpora;

/// <summary>
/// Reads a folder of plain-text files (<c>*.txt</c> and <c>*.md</c>, recursively, not following
/// links to folders nor entering hidden folders, whose names start with ".") as a corpus, or a
/// single file. Files are read as plain text: a Markdown file's marks are words and punctuation
/// like any other (its front matter is read past as furniture, docs/segmentation.md).
/// A document's id is its path relative to the folder, without the extension, with forward
/// slashes (<c>opinion/2024/kim-op-ed</c>); a file named only by its extension (<c>.txt</c>)
/// keeps it, so that no id is empty. Documents come in ordinal order of their ids, so
/// the output is the same on every machine.
/// </summary>
public static class TextFolderCorpus
{
    /// <summary>The files a folder or file path stands for, in ordinal order of their ids.</summary>
    /// <param name="path">A folder, or one <c>.txt</c> file.</param>
    /// <returns>Pairs of document id and full file path.</returns>
    /// <exception cref="FileNotFoundException">Neither a file nor a folder exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<(string Id, string Path)> ListFiles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ListFilesAndOthers(path, null);
    }

    /// <summary><see cref="ListFiles(string)"/>, also collecting, in the same walk, the files of other kinds outside hidden folders (not named with a leading "."), which are not read.</summary>
    internal static IReadOnlyList<(string Id, string Path)> ListFilesAndOthers(string path, List<string>? others)
    {
        if (File.Exists(path))
        {
            return [(WithoutExtension(Path.GetFileName(path)), Path.GetFullPath(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No file or folder at '{path}'.", path);
        }

        // Links to folders are not followed: a link back up the tree would read it again and again.
        var root = Path.GetFullPath(path);
        var files = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && (IsTextFile(entry.FileName) || (others is not null && !IsHidden(entry.FileName))),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !IsHidden(entry.FileName),
        };

        if (others is not null)
        {
            var all = files.ToList();
            others.AddRange(all.Where(f => !IsTextFile(f)).Order(StringComparer.Ordinal));
            return Sorted(root, all.Where(f => IsTextFile(f)));
        }

        return Sorted(root, files);
    }

    private static List<(string Id, string Path)> Sorted(string root, IEnumerable<string> files)
    {
        // Two files can have one id (a.txt and a.md): their paths settle the order.
        return files
            .Select(file => (Id: ToId(root, file), Path: file))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The <c>.txt</c> and <c>.md</c> files in the hidden folders below a folder (names that start
    /// with ".": <c>.ipynb_checkpoints</c>, <c>.git</c>, <c>.Trash</c>), which <see cref="ListFiles"/>
    /// leaves out, as R's <c>list.files</c> and Python's <c>glob</c> do: copies that an editor or a
    /// notebook keeps there would be counted twice. Links to folders are not followed.
    /// </summary>
    /// <param name="path">A folder (a file has none).</param>
    /// <returns>The files' full paths, in ordinal order.</returns>
    public static IReadOnlyList<string> ListHiddenFolderFiles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return [];
        }

        var root = Path.GetFullPath(path);
        var hidden = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && IsTextFile(entry.FileName) && InHiddenFolder(root, entry.Directory),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return hidden.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a folder's or file's name marks it hidden: it starts with ".".</summary>
    private static bool IsHidden(ReadOnlySpan<char> name) => name.StartsWith('.');

    /// <summary>Whether a folder below <paramref name="root"/> is hidden or inside a hidden one.</summary>
    private static bool InHiddenFolder(string root, ReadOnlySpan<char> directory)
    {
        var relative = Path.GetRelativePath(root, directory.ToString());
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            if (part is not "." && IsHidden(part))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a file name is one this reader reads: <c>.txt</c> or <c>.md</c>.</summary>
    internal static bool IsTextFile(ReadOnlySpan<char> name) =>
        name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the documents of a folder or a file, one at a time. A file of 0 bytes is not opened: its document is empty (so a named pipe, which reports 0 bytes, does not wait for a writer).</summary>
    /// <param name="path">A folder, or one <c>.txt</c> file.</param>
    /// <returns>The documents, in ordinal order of their ids.</returns>
    public static IEnumerable<CorpusDocument> Read(string path)
    {
        foreach (var (id, file) in ListFiles(path))
        {
            yield return new CorpusDocument(id, PolicyText.Internals.FileSizes.ContentLength(file) == 0 ? string.Empty : ReadText(file));
        }
    }

    /// <summary>
    /// Reads the documents of a folder or a file, with an error item in place of each file that
    /// cannot be read, holds binary content (a NUL character), or is larger than
    /// <see cref="CorpusItem.MaxDocumentLength"/>; the rest are read. A file of 0 bytes is not
    /// opened: its document is empty (so a named pipe, which reports 0 bytes, does not wait for a
    /// writer).
    /// </summary>
    /// <param name="path">A folder, or one <c>.txt</c> file.</param>
    /// <returns>The items, in ordinal order of the ids.</returns>
    public static IEnumerable<CorpusItem> ReadItems(string path) => ReadItems(ListFiles(path));

    /// <summary><see cref="ReadItems(string)"/> over the files <see cref="ListFiles"/> gave: one walk of a folder serves the count, the items and the run's manifest, which then name the same files.</summary>
    internal static IEnumerable<CorpusItem> ReadItems(IReadOnlyList<(string Id, string Path)> files)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, file) in files)
        {
            CorpusItem item;
            try
            {
                var length = PolicyText.Internals.FileSizes.ContentLength(file);
                if (length == 0)
                {
                    // Not opened: an empty file reads as nothing anyway, and a named pipe (FIFO)
                    // or a device, which the file system also reports as 0 bytes, would wait for
                    // a writer forever.
                    item = new CorpusItem(new CorpusDocument(id, string.Empty), null);
                }
                else if (length > 4L * CorpusItem.MaxDocumentLength)
                {
                    item = new CorpusItem(null, new CorpusError(file, id, "document_too_large", string.Create(CultureInfo.InvariantCulture, $"The file has {length:N0} bytes.")));
                }
                else
                {
                    var text = ReadText(file, out int replaced);
                    item = text.Length > CorpusItem.MaxDocumentLength
                        ? new CorpusItem(null, new CorpusError(file, id, "document_too_large", string.Create(CultureInfo.InvariantCulture, $"The text has {text.Length:N0} characters; the limit is {CorpusItem.MaxDocumentLength:N0}.")))
                        : text.Contains('\0', StringComparison.Ordinal)
                            ? new CorpusItem(null, new CorpusError(file, id, "binary_content", "The file holds NUL characters: it is not text."))
                            : new CorpusItem(
                                new CorpusDocument(id, text),
                                replaced == 0 ? null : new CorpusError(file, id, "invalid_bytes_replaced", $"{replaced} invalid byte {(replaced == 1 ? "sequence (for the file's encoding) was" : "sequences (for the file's encoding) were")} replaced with U+FFFD; the document was analysed." + CorpusError.EncodingAdvice));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file name that is not UTF-8 is listed with U+FFFD in place of its bad bytes,
                // and cannot be opened under that name: say so, not merely "could not find".
                var message = ex is FileNotFoundException && Path.GetFileName(file).Contains('\uFFFD', StringComparison.Ordinal)
                    ? "The file's name is not valid UTF-8 (shown with U+FFFD), so it cannot be opened by that name; rename the file."
                    : ex.Message;
                item = new CorpusItem(null, new CorpusError(file, id, "unreadable", message));
            }

            // Only a document analysed takes its id: a file refused for its content (binary,
            // too large, unreadable) leaves it to the other file of the same name.
            if (item.Document is not null && !ids.Add(id))
            {
                item = new CorpusItem(null, new CorpusError(file, id, "duplicate_id", $"The id '{id}' is also the id of another file (the same name with another extension); this one was not analysed. Rename one of them."));
            }

            yield return item;
        }
    }

    /// <summary>Reads a text file as UTF-8 (a UTF-8, UTF-16 or UTF-32 byte order mark is honoured); invalid bytes become U+FFFD.</summary>
    /// <param name="file">The file.</param>
    /// <returns>Its text, without the byte order mark.</returns>
    public static string ReadText(string file) => ReadText(file, out _);

    /// <summary>Reads a text file as <see cref="ReadText(string)"/> does, counting the invalid byte sequences it replaced.</summary>
    /// <param name="file">The file.</param>
    /// <param name="replaced">The number of invalid byte sequences replaced with U+FFFD.</param>
    /// <returns>Its text, without the byte order mark.</returns>
    public static string ReadText(string file, out int replaced)
    {
        var fallback = new PolicyText.Internals.CountingDecoderFallback();
        using var reader = PolicyText.Internals.TextDecoding.Open(File.OpenRead(file), fallback);
        var text = reader.ReadToEnd();
        replaced = fallback.Replacements;
        return text;
    }

    private static string ToId(string root, string file) =>
        WithoutExtension(Path.GetRelativePath(root, file)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>A relative path without its extension, or whole when its file name is nothing but the extension (<c>.txt</c>): an id is never empty.</summary>
    private static string WithoutExtension(string relative) =>
        Path.GetFileNameWithoutExtension(relative).Length == 0 ? relative : Path.ChangeExtension(relative, null) ?? relative;
}
