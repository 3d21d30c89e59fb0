namespace PolicyText.Internals;

/// <summary>Sizes of input files, for the readers and the manifest.</summary>
internal static class FileSizes
{
    /// <summary>
    /// The size of a file in bytes as the file system reports it; for a symbolic link, its final
    /// target's (the link's own size is the length of the path it holds, so a link to a named pipe
    /// or a device was opened, and waited for a writer forever).
    /// </summary>
    /// <exception cref="IOException">The link cannot be resolved (a loop of links).</exception>
    internal static long ContentLength(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target)
        {
            return target.Length;
        }

        return info.Length;
    }
}
