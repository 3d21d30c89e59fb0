namespace PolicyText.Tagging;

/// <summary>What kind of cue a piece of evidence is.</summary>
public enum CueType
{
    /// <summary>A rights term (freedom, economic_social or general).</summary>
    Rights,

    /// <summary>A linkage term: an instrument (sanctions, talks, aid, …) or a pro or anti wording.</summary>
    Linkage,

    /// <summary>A negation whose scope covers a linkage term.</summary>
    Negation,

    /// <summary>Reported speech or another's position ("said", "according to", "critics argue").</summary>
    Attribution,

    /// <summary>A condition or conditionality marker ("until", "in exchange for", "regardless of").</summary>
    Condition,

    /// <summary>A question mark ending the sentence.</summary>
    Question,

    /// <summary>An evaluation word (positive or negative), possibly reversed by a negation.</summary>
    Evaluation,
}

/// <summary>One piece of evidence behind a label: a lexicon entry (or a rule cue) found in the sentence.</summary>
/// <param name="Start">UTF-16 offset of the first character in the document.</param>
/// <param name="End">UTF-16 offset one past the last character.</param>
/// <param name="Text">The matched text as it stands in the document.</param>
/// <param name="Entry">The lexicon entry that matched (<c>sanction*</c>), or the rule's name.</param>
/// <param name="Category">The lexicon category (<c>freedom</c>, <c>instrument</c>, <c>negation</c>, …).</param>
/// <param name="Cue">The kind of cue.</param>
public sealed record Evidence(int Start, int End, string Text, string Entry, string Category, CueType Cue);
