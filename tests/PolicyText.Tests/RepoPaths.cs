namespace PolicyText.Tests;

/// <summary>Paths in the repository and beside it, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData(params string[] parts) =>
        Path.Combine([Root, "tests", "PolicyText.Tests", "TestData", .. parts]);

    /// <summary>The shared peer data next to the repository (absent on a plain clone).</summary>
    public static string Peer(string file) => Path.Combine(Root, "..", "shared", "peer", file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyText.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PolicyText.sln not found above " + AppContext.BaseDirectory);
    }
}
