namespace PolicyText.Tagging;

/// <summary>
/// Labels from the lexicons and rules alone, without a trained model (the "lexicon only" system
/// of the evaluation, and the fallback when no model is loaded).
/// </summary>
public static class LexiconTagger
{
    /// <summary>Rights: both families → both; one → it; only general terms → general; else none.</summary>
    /// <param name="cues">The sentence's cues.</param>
    /// <returns>The label.</returns>
    public static RightsCategory Rights(SentenceCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        return cues.Freedom > 0 && cues.EconomicSocial > 0 ? RightsCategory.Both
            : cues.Freedom > 0 ? RightsCategory.Freedom
            : cues.EconomicSocial > 0 ? RightsCategory.EconomicSocial
            : cues.GeneralRights > 0 ? RightsCategory.General
            : RightsCategory.None;
    }

    /// <summary>
    /// Linkage: off topic (no instrument, pro or anti term) → none; reported speech without
    /// endorsement, or an open question (not a rhetorical one) → neutral; more pro than anti cues
    /// (after negation, and after a rhetorical question's reversal) → pro;
    /// more anti → anti; otherwise neutral.
    /// </summary>
    /// <param name="cues">The sentence's cues.</param>
    /// <returns>The label.</returns>
    public static LinkageStance Linkage(SentenceCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        bool onTopic = cues.Instrument + cues.Pro + cues.Anti > 0;
        if (!onTopic)
        {
            return LinkageStance.None;
        }

        if (cues.Reported || (cues.Question && !cues.Rhetorical))
        {
            return LinkageStance.Neutral;
        }

        return cues.Pro > cues.Anti ? LinkageStance.ProLinkage
            : cues.Anti > cues.Pro ? LinkageStance.AntiLinkage
            : LinkageStance.Neutral;
    }
}
