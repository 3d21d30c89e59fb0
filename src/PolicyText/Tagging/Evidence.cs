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

    /// <summary>A question mark ending the sentence, or (category <c>rhetorical</c>) the marker that makes the question rhetorical.</summary>
    Question,

    /// <summary>An evaluation word (positive or negative), possibly reversed by a negation.</summary>
    Evaluation,

    /// <summary>
    /// A rule of the default analyzer that changed the model's label: <c>off-topic document</c>,
    /// <c>release mark</c>, <c>quotation</c> or <c>report document</c> (docs/tagging.md); the category is the label
    /// given, and the span is empty, at the start of the sentence.
    /// </summary>
    Rule,

    /// <summary>
    /// The label in the category is not the first stage's (the sentence's words and cues, with
    /// its neighbours' cues and the document's totals): in a document of several sentences the
    /// second stage, reading the first stage's readings of the other sentences (docs/models.md),
    /// changed it, entry <c>rights context (first stage: LABEL)</c> or <c>linkage context (first
    /// stage: LABEL)</c>; in a text of one sentence the model of sentences alone, averaged in,
    /// did, entry <c>rights sentence-alone model (first stage: LABEL)</c> or <c>linkage
    /// sentence-alone model (first stage: LABEL)</c>. The span is empty, at the start of the
    /// sentence.
    /// </summary>
    Context,

    /// <summary>
    /// A word the model weighs towards the label, for a stance that no row naming a side
    /// explains, a neutral label with no row of the linkage task, or a rights label other than
    /// none that no term of its family or context row explains (docs/tagging.md): one of the sentence's words
    /// (at most two) whose weight in the first-stage model favours the label in the category over
    /// the first stage's runner-up class by at least <c>0.25</c>, per occurrence; the entry is
    /// <c>model word (+0.82 over neutral)</c>, that difference and the runner-up.
    /// </summary>
    Model,
}

/// <summary>One piece of evidence behind a label: a lexicon entry (or a rule cue) found in the sentence.</summary>
/// <param name="Start">UTF-16 offset of the first character in the document.</param>
/// <param name="End">UTF-16 offset one past the last character.</param>
/// <param name="Text">The matched text as it stands in the document.</param>
/// <param name="Entry">The lexicon entry that matched (<c>sanction*</c>), or the rule's name.</param>
/// <param name="Category">The lexicon category (<c>freedom</c>, <c>instrument</c>, <c>negation</c>, …).</param>
/// <param name="Cue">The kind of cue.</param>
public sealed record Evidence(int Start, int End, string Text, string Entry, string Category, CueType Cue)
{
    // The extractor makes evidence by the hundred thousand and most of it is never printed, so
    // it keeps the document's text and the offsets, and cuts Text out when first asked for.
    private LazyText _text = new(Text);

    /// <summary>Evidence whose text is <c>source[start..end]</c>, cut out when first read.</summary>
    internal Evidence(string source, int start, int end, string entry, string category, CueType cue)
        : this(start, end, null!, entry, category, cue)
    {
        _text = new LazyText(source, start, end);
    }

    /// <summary>The matched text as it stands in the document.</summary>
    public string Text
    {
        get => _text.Value;
        init => _text = new LazyText(value);
    }

    /// <summary>
    /// A text given, or a slice of a source text cut out when first read. Equal when the texts
    /// are, so the record's own equality (which compares its fields) is by text, as before.
    /// </summary>
    private struct LazyText : IEquatable<LazyText>
    {
        private readonly string? _source;
        private readonly int _start;
        private readonly int _end;
        private string? _value;

        public LazyText(string value) => _value = value;

        public LazyText(string source, int start, int end)
        {
            _source = source;
            _start = start;
            _end = end;
        }

        // Two threads may both cut it: they store equal strings, and either is right. (A null
        // text given to the record's constructor stays null, as it did.)
        public string Value => _value ?? (_source is null ? null! : _value = _source[_start.._end]);

        public readonly bool Equals(LazyText other) => string.Equals(Peek(), other.Peek(), StringComparison.Ordinal);

        public override readonly bool Equals(object? obj) => obj is LazyText other && Equals(other);

        public override readonly int GetHashCode() => Peek()?.GetHashCode(StringComparison.Ordinal) ?? 0;

        private readonly string? Peek() => _value ?? _source?[_start.._end];
    }
}
