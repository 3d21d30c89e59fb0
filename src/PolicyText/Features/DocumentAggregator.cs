using PolicyText.Tagging;

namespace PolicyText.Features;

/// <summary>Sentence label counts of a document and the document labels computed from them.</summary>
/// <param name="Sentences">Number of sentences.</param>
/// <param name="Freedom">Sentences labelled freedom.</param>
/// <param name="EconomicSocial">Sentences labelled economic_social.</param>
/// <param name="Both">Sentences labelled both.</param>
/// <param name="General">Sentences labelled general.</param>
/// <param name="NoRights">Sentences labelled none (rights).</param>
/// <param name="Pro">Sentences labelled pro_linkage.</param>
/// <param name="Anti">Sentences labelled anti_linkage.</param>
/// <param name="Neutral">Sentences labelled neutral.</param>
/// <param name="NoLinkage">Sentences labelled none (linkage).</param>
/// <param name="EconomicSocialShare">E / (F + E) with both counted in each; NaN when F + E = 0.</param>
/// <param name="RightsEmphasis">The document's rights emphasis by the codebook's thresholds.</param>
/// <param name="LinkageScore">(P − A) / (P + A); NaN when P + A = 0.</param>
/// <param name="Linkage">The document's linkage stance by the codebook's thresholds.</param>
public sealed record DocumentSummary(
    int Sentences,
    int Freedom,
    int EconomicSocial,
    int Both,
    int General,
    int NoRights,
    int Pro,
    int Anti,
    int Neutral,
    int NoLinkage,
    double EconomicSocialShare,
    RightsEmphasis RightsEmphasis,
    double LinkageScore,
    DocumentLinkage Linkage);

/// <summary>
/// Computes document labels from sentence labels with the thresholds of docs/codebook.md:
/// rights emphasis from the economic-social share (≥ 0.6 economic_social, ≤ 0.4 freedom,
/// balanced between), linkage stance from the score (P − A)/(P + A) (≥ 0.5 pro, ≤ −0.5 anti,
/// mixed between).
/// </summary>
public static class DocumentAggregator
{
    /// <summary>Threshold of the economic-social share for economic_social (and 1 − it for freedom).</summary>
    public const double EmphasisThreshold = 0.6;

    /// <summary>Threshold of the linkage score for pro_linkage (and its negative for anti_linkage).</summary>
    public const double StanceThreshold = 0.5;

    /// <summary>Aggregates sentence labels.</summary>
    /// <param name="labels">Each sentence's rights and linkage labels.</param>
    /// <returns>The counts and document labels.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a value of its enum.</exception>
    public static DocumentSummary Summarize(IEnumerable<(RightsCategory Rights, LinkageStance Linkage)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = default(LabelCounts);
        foreach (var (rights, linkage) in labels)
        {
            // An undefined value would be counted as none, silently.
            if (!Enum.IsDefined(rights) || !Enum.IsDefined(linkage))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"A label is not one of the codebook's: {(Enum.IsDefined(rights) ? $"linkage {(int)linkage}" : $"rights {(int)rights}")}.");
            }

            counts.Add(rights, linkage);
        }

        return counts.Summarize();
    }

    /// <summary>Sentence label counts, filled one sentence at a time (the allocation-free form of <see cref="Summarize"/>).</summary>
    internal struct LabelCounts
    {
        private int _n, _f, _e, _b, _g, _nr, _p, _a, _ne, _nl;

        /// <summary>Counts one sentence's labels.</summary>
        public void Add(RightsCategory rights, LinkageStance linkage)
        {
            _n++;
            switch (rights)
            {
                case RightsCategory.Freedom: _f++; break;
                case RightsCategory.EconomicSocial: _e++; break;
                case RightsCategory.Both: _b++; break;
                case RightsCategory.General: _g++; break;
                default: _nr++; break;
            }

            switch (linkage)
            {
                case LinkageStance.ProLinkage: _p++; break;
                case LinkageStance.AntiLinkage: _a++; break;
                case LinkageStance.Neutral: _ne++; break;
                default: _nl++; break;
            }
        }

        /// <summary>The counts and the document labels computed from them.</summary>
        public readonly DocumentSummary Summarize()
        {
            int freedom = _f + _b;
            int econ = _e + _b;
            double share = freedom + econ == 0 ? double.NaN : econ / (double)(freedom + econ);
            var emphasis = freedom + econ + _g == 0 ? RightsEmphasis.None
                : freedom + econ == 0 ? RightsEmphasis.General
                : share >= EmphasisThreshold ? RightsEmphasis.EconomicSocial
                : share <= 1 - EmphasisThreshold ? RightsEmphasis.Freedom
                : RightsEmphasis.Balanced;
            double score = _p + _a == 0 ? double.NaN : (_p - _a) / (double)(_p + _a);
            var stance = _p + _a + _ne == 0 ? DocumentLinkage.None
                : _p + _a == 0 ? DocumentLinkage.Neutral
                : score >= StanceThreshold ? DocumentLinkage.ProLinkage
                : score <= -StanceThreshold ? DocumentLinkage.AntiLinkage
                : DocumentLinkage.Mixed;
            return new DocumentSummary(_n, _f, _e, _b, _g, _nr, _p, _a, _ne, _nl, share, emphasis, score, stance);
        }
    }
}
