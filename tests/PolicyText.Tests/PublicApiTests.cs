using PublicApiGenerator;

namespace PolicyText.Tests;

/// <summary>
/// The library's public surface, compared with the approved snapshot, so that a change to it is
/// deliberate: when this fails, review the difference and, if it is intended, copy
/// PublicApi.received.txt over PublicApi.approved.txt (and note the change in CHANGELOG.md).
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void No_ml_net_type_appears_in_the_api_except_the_explicit_data_view_export()
    {
        var api = typeof(TextAnalyzer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        var lines = api.Split('\n').Where(l => l.Contains("Microsoft.ML", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains("ToDataView(", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var api = typeof(TextAnalyzer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n", StringComparison.Ordinal);
        var folder = Path.Combine(RepoPaths.Root, "tests", "PolicyText.Tests");
        var approved = Path.Combine(folder, "PublicApi.approved.txt");
        var received = Path.Combine(folder, "PublicApi.received.txt");
        if (!File.Exists(approved) || File.ReadAllText(approved) != api)
        {
            File.WriteAllText(received, api);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(File.Exists(approved), "no approved API snapshot; review PublicApi.received.txt and approve it");
        Assert.Equal(File.ReadAllText(approved), api);
    }
}
