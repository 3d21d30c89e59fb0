namespace PolicyText.Corpora;

/// <summary>A document read from a corpus: its identifier and its text.</summary>
/// <param name="Id">The document identifier written to the <c>doc_id</c> column.</param>
/// <param name="Text">The document text.</param>
public sealed record CorpusDocument(string Id, string Text);
