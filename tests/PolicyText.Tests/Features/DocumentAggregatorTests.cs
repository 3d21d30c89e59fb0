using PolicyText.Features;
using PolicyText.Tagging;

namespace PolicyText.Tests.Features;

public class DocumentAggregatorTests
{
    private static DocumentSummary Of(params (RightsCategory, LinkageStance)[] labels) => DocumentAggregator.Summarize(labels);

    [Fact]
    public void Rights_emphasis_follows_the_codebook_thresholds()
    {
        var (f, e, b, g, n) = (RightsCategory.Freedom, RightsCategory.EconomicSocial, RightsCategory.Both, RightsCategory.General, RightsCategory.None);
        var none = LinkageStance.None;
        Assert.Equal(RightsEmphasis.None, Of((n, none), (n, none)).RightsEmphasis);
        Assert.Equal(RightsEmphasis.General, Of((g, none), (n, none)).RightsEmphasis);
        Assert.Equal(RightsEmphasis.EconomicSocial, Of((e, none), (e, none), (e, none), (f, none), (f, none)).RightsEmphasis); // share 0.6
        Assert.Equal(RightsEmphasis.Freedom, Of((f, none), (f, none), (f, none), (e, none), (e, none)).RightsEmphasis); // share 0.4
        Assert.Equal(RightsEmphasis.Balanced, Of((f, none), (e, none)).RightsEmphasis);
        var withBoth = Of((b, none), (e, none));
        Assert.Equal(2.0 / 3, withBoth.EconomicSocialShare, 6); // both counts in each family
        Assert.Equal(RightsEmphasis.EconomicSocial, withBoth.RightsEmphasis);
    }

    [Fact]
    public void Linkage_stance_follows_the_codebook_thresholds()
    {
        var r = RightsCategory.None;
        var (p, a, ne, n) = (LinkageStance.ProLinkage, LinkageStance.AntiLinkage, LinkageStance.Neutral, LinkageStance.None);
        Assert.Equal(DocumentLinkage.None, Of((r, n)).Linkage);
        Assert.Equal(DocumentLinkage.Neutral, Of((r, ne), (r, n)).Linkage);
        Assert.Equal(DocumentLinkage.ProLinkage, Of((r, p), (r, p), (r, p), (r, a)).Linkage); // score 0.5
        Assert.Equal(DocumentLinkage.AntiLinkage, Of((r, a), (r, a), (r, a), (r, p)).Linkage);
        var mixed = Of((r, p), (r, a), (r, ne));
        Assert.Equal(DocumentLinkage.Mixed, mixed.Linkage);
        Assert.Equal(0, mixed.LinkageScore);
        Assert.Equal((3, 1, 1, 1, 0), (mixed.Sentences, mixed.Pro, mixed.Anti, mixed.Neutral, mixed.NoLinkage));
        Assert.True(double.IsNaN(Of((r, ne)).LinkageScore));
    }
}
