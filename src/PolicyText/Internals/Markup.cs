using System.Buffers;
using System.Collections.Frozen;

namespace PolicyText.Internals;

/// <summary>
/// Finds HTML left in a text: tags (<c>&lt;p&gt;</c>, <c>&lt;/a&gt;</c>, <c>&lt;br/&gt;</c>) and
/// character references (<c>&amp;rsquo;</c>, <c>&amp;#8217;</c>, <c>&amp;nbsp;</c>). PolicyText reads
/// plain text, so they are read as words and punctuation (<c>don&amp;rsquo;t</c> loses its
/// negation); unescaping them here would change the offsets, so they are reported.
/// </summary>
internal static class Markup
{
    private static readonly SearchValues<char> Starts = SearchValues.Create("&<");

    // Elements that carry the text of a web page: a '<' followed by one of these and then '>',
    // '/>' or an attribute is a tag, not a comparison ("a < b", "x <p and"); see IsTag.
    private static readonly FrozenSet<string> Tags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "p", "br", "div", "span", "a", "em", "strong", "b", "i", "u", "s", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "img", "script", "style", "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "section", "article",
        "sup", "sub", "hr", "html", "head", "body", "title", "meta", "link", "font", "code", "pre", "nav", "header", "footer", "main",
        "aside", "iframe", "noscript", "cite", "q", "small", "time", "abbr", "del", "ins", "mark", "center", "label", "button", "form",
        "input", "svg", "picture", "source", "video", "caption");

    // Named references that web text uses; a name not listed ("&Wesson;" in "Smith&Wesson;") is not counted.
    private static readonly FrozenSet<string> Entities = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "amp", "lt", "gt", "quot", "apos", "nbsp", "rsquo", "lsquo", "rdquo", "ldquo", "sbquo", "bdquo", "mdash", "ndash",
        "hellip", "shy", "zwj", "zwnj", "lrm", "rlm", "thinsp", "ensp", "emsp", "eacute", "egrave", "aacute", "agrave",
        "oacute", "uacute", "iacute", "ccedil", "uuml", "ouml", "auml", "euro", "pound", "copy", "reg", "trade", "deg",
        "middot", "bull", "laquo", "raquo", "prime", "times", "minus", "ntilde", "atilde", "otilde", "acirc", "ecirc", "icirc",
        "ocirc", "ucirc", "aring", "aelig", "oslash", "szlig", "euml", "iuml", "yuml", "oelig", "scaron", "zcaron", "sect", "para",
        "iexcl", "iquest", "cent", "yen", "frac12", "frac14", "frac34", "sup2", "sup3", "ordm", "ordf", "micro", "dagger", "permil",
        "lsaquo", "rsaquo", "circ", "tilde", "larr", "rarr", "uarr", "darr", "le", "ge", "ne", "asymp", "plusmn", "divide", "frasl");

    /// <summary>The number of tags and character references in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        var tags = Tags.GetAlternateLookup<ReadOnlySpan<char>>();
        var entities = Entities.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = text.IndexOfAny(Starts);
        while (i >= 0)
        {
            count += text[i] == '&' ? (IsReference(text[(i + 1)..], entities) ? 1 : 0) : (IsTag(text[(i + 1)..], tags) ? 1 : 0);
            int rest = text[(i + 1)..].IndexOfAny(Starts);
            i = rest < 0 ? -1 : i + 1 + rest;
        }

        return count;
    }

    /// <summary>Whether a reference follows an '&amp;': <c>#</c> and 2–7 digits, <c>#x</c> and 2–6 hexadecimal digits, or a listed name, then ';'.</summary>
    private static bool IsReference(ReadOnlySpan<char> after, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> entities)
    {
        // The ';' is looked for only where a reference would have it (the longest is 8 long), so a
        // text with many '&' and few ';' ("S&P", "AT&T") is read once, not once per '&'.
        int end = after[..Math.Min(after.Length, 9)].IndexOf(';');
        if (end < 2 || end > 8)
        {
            return false;
        }

        var body = after[..end];
        if (body[0] == '#')
        {
            var digits = body[1..];
            return digits.Length > 1 && (digits[0] is 'x' or 'X'
                ? digits.Length >= 3 && !digits[1..].ContainsAnyExcept("0123456789abcdefABCDEF")
                : !digits.ContainsAnyExceptInRange('0', '9'));
        }

        return entities.Contains(body);
    }

    /// <summary>
    /// Whether a tag follows a '&lt;': a comment (<c>!--</c>), or an optional '/', a listed element
    /// and then '&gt;', '/&gt;', or white space and an attribute (<c>class=</c>): "a &lt;b and"
    /// and "0 &lt;i &lt;n" are comparisons.
    /// </summary>
    private static bool IsTag(ReadOnlySpan<char> after, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> tags)
    {
        if (after.StartsWith("!--", StringComparison.Ordinal))
        {
            return true;
        }

        int k = after.Length > 0 && after[0] == '/' ? 1 : 0;
        int start = k;
        while (k < after.Length && char.IsAsciiLetterOrDigit(after[k]))
        {
            k++;
        }

        if (k == start || k >= after.Length || !tags.Contains(after[start..k]))
        {
            return false;
        }

        if (after[k] == '>' || (after[k] == '/' && k + 1 < after.Length && after[k + 1] == '>'))
        {
            return true;
        }

        // White space, then an attribute's name and '='.
        int a = k;
        while (a < after.Length && a - k < 8 && char.IsWhiteSpace(after[a]))
        {
            a++;
        }

        int name = a;
        while (a < after.Length && a - name < 20 && (char.IsAsciiLetter(after[a]) || after[a] == '-'))
        {
            a++;
        }

        return a > k && name > k && a > name && a < after.Length && after[a] == '=';
    }
}
