using System.Globalization;
using PolicyText.Internals;

namespace PolicyText.Features;

/// <summary>
/// A problem with a text itself, which the analysis reads through as written but cannot repair
/// without changing the offsets: the text must be fixed at its source. The codes are those of
/// errors.csv (docs/csv-schema.md).
/// </summary>
/// <param name="Code"><c>mojibake_suspected</c> (UTF-8 that was read as Windows-1252 or Latin-1: <c>donâ€™t</c>) or <c>markup_suspected</c> (HTML tags or character references: <c>&lt;p&gt;</c>, <c>&amp;rsquo;</c>).</param>
/// <param name="Count">How many such sequences the text holds.</param>
/// <param name="Message">What was found, what it does to the analysis, and what to do.</param>
public sealed record InputWarning(string Code, int Count, string Message)
{
    /// <summary>The warnings for a text: none for a clean one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The warnings, mojibake first.</returns>
    public static IReadOnlyList<InputWarning> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int mojibake = Mojibake.Count(text);
        int markup = Markup.Count(text);
        if (mojibake == 0 && markup == 0)
        {
            return [];
        }

        var warnings = new List<InputWarning>(2);
        if (mojibake > 0)
        {
            warnings.Add(new InputWarning("mojibake_suspected", mojibake, string.Create(CultureInfo.InvariantCulture,
                $"The text looks like UTF-8 that was read as Windows-1252 or Latin-1 before it reached PolicyText ({mojibake} {(mojibake == 1 ? "sequence" : "sequences")} such as 'â€™' for '’' or 'Ã©' for 'é'): apostrophes, quotation marks and accented letters are garbled, which changes tokens, lexicon matches and labels. Re-decode the source as UTF-8. The document was analysed as it is.")));
        }

        if (markup > 0)
        {
            warnings.Add(new InputWarning("markup_suspected", markup, string.Create(CultureInfo.InvariantCulture,
                $"The text holds {markup} HTML {(markup == 1 ? "tag or character reference" : "tags or character references")} (such as '<p>' or '&rsquo;'): PolicyText reads plain text, so they are read as words and punctuation ('don&rsquo;t' loses its negation). Strip the tags and unescape the references first. The document was analysed as it is.")));
        }

        return warnings;
    }
}
