namespace PolicyText.Corpora;

/// <summary>A document read from a corpus: its identifier, its text, and the document variables carried with it.</summary>
/// <param name="Id">The document identifier written to the <c>doc_id</c> column.</param>
/// <param name="Text">The document text.</param>
/// <param name="Variables">
/// Document variables (quanteda's docvars): the other columns of a CSV input or the other
/// fields of a JSON Lines input, by name, as text; <see langword="null"/> when there are none.
/// </param>
public sealed record CorpusDocument(string Id, string Text, IReadOnlyDictionary<string, string>? Variables = null)
{
    /// <summary>The document identifier written to the <c>doc_id</c> column; never null.</summary>
    public string Id { get; init => field = value ?? throw new ArgumentNullException(nameof(Id)); } = Id ?? throw new ArgumentNullException(nameof(Id));

    /// <summary>The document text; never null.</summary>
    public string Text { get; init => field = value ?? throw new ArgumentNullException(nameof(Text)); } = Text ?? throw new ArgumentNullException(nameof(Text));

    /// <summary>Document variables (quanteda's docvars) by name, or <see langword="null"/> when there are none.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; } = Variables;

    /// <summary>Equal when the ids, texts and variables are (the variables compared by name and value, not as dictionary objects).</summary>
    /// <param name="other">The other document.</param>
    /// <returns>Whether the two are equal in value.</returns>
    public bool Equals(CorpusDocument? other) =>
        other is not null && Id == other.Id && Text == other.Text && PolicyText.Internals.ValueEquality.Dictionaries(Variables, other.Variables);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Text, Variables?.Count ?? -1);
}
