using System.Text.Json;

namespace PolicyText.Internals;

/// <summary>Messages of errors in JSON Lines files (the corpus readers, gold corpora, segmentation test sets).</summary>
internal static class JsonMessages
{
    /// <summary>
    /// An error reading one line of JSON Lines, in words, for the line the error's source names:
    /// the JSON reader counts lines and bytes within the one line it was given ("LineNumber: 0 |
    /// BytePositionInLine: 1"), which read as contradicting that source; the byte is given
    /// counted from 1.
    /// </summary>
    internal static string Describe(Exception ex)
    {
        var message = ex.Message;
        if (ex is JsonException { BytePositionInLine: long position })
        {
            // "'not json' is an invalid JSON literal. Expected the literal 'null'.": the reader's
            // guess at which literal was meant, from the first letter, says nothing useful.
            int guess = message.IndexOf(" Expected the literal '", StringComparison.Ordinal);
            int guessEnd = guess < 0 ? -1 : message.IndexOf("'.", guess + 23, StringComparison.Ordinal);
            if (guessEnd > 0)
            {
                message = message[..guess] + message[(guessEnd + 2)..];
            }

            int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (at >= 0)
            {
                message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{message[..at]} (at byte {position + 1} of the line)");
            }
        }

        return message;
    }
}
