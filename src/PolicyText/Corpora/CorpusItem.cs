namespace PolicyText.Corpora;

/// <summary>A document that could not be read or analysed: where it came from and why.</summary>
/// <param name="Source">The file, or file and line (<c>in.jsonl:17</c>), it came from.</param>
/// <param name="DocId">The document id when it is known, otherwise <see langword="null"/>.</param>
/// <param name="Code">A stable error code (docs/csv-schema.md lists them).</param>
/// <param name="Message">A readable explanation.</param>
public sealed record CorpusError(string Source, string? DocId, string Code, string Message)
{
    /// <summary>What to do about invalid bytes, added to an <c>invalid_bytes_replaced</c> message: most often the file is in another encoding than UTF-8.</summary>
    internal const string EncodingAdvice = " Such bytes usually mean the file was saved in an encoding other than UTF-8, such as Windows-1252 or Latin-1 (as older Windows editors and Excel's plain 'CSV' format save curly quotes and accented letters): convert it to UTF-8 (for example iconv -f windows-1252 -t utf-8 in > out) and run again.";

    /// <summary>Whether <paramref name="code"/> flags a document that was analysed (rather than one that was not).</summary>
    internal static bool IsFlag(string code) => code is "invalid_bytes_replaced" or "malformed_quoting" or "mojibake_suspected" or "markup_suspected" or "long_sentence" or "empty_text";
}

/// <summary>
/// One item of a corpus being read: a document, or an error in its place, so that one bad
/// document never stops a run. An item with both is a document that was read but flagged
/// (invalid bytes were replaced, or its quoting was malformed): it is analysed and the flag is reported.
/// </summary>
/// <param name="Document">The document, when it could be read.</param>
/// <param name="Error">The error, when it could not be read, or the flag of a flagged document.</param>
public readonly record struct CorpusItem(CorpusDocument? Document, CorpusError? Error)
{
    /// <summary>The largest document read, in UTF-16 code units (16 million, about 32 MB of text); a larger one is an error.</summary>
    public const int MaxDocumentLength = 16 * 1024 * 1024;
}
