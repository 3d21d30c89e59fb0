using System.Buffers;
using System.Collections.Frozen;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// The furniture of a web page that a scrape of an article keeps between its paragraphs:
/// "Advertisement", "Share this article", "Related: …", "Follow us on …", "5 min read", "© 2026 …
/// All rights reserved." A reader skips them, and a coder would not code them: the text layer
/// reads them as white space, as it reads a PDF's page numbers (<see cref="PageLayout"/>), so
/// no token and no sentence holds them and they do not count as the document's sentences or
/// change how its neighbours are read. The rule in full: docs/segmentation.md, *Web page furniture*.
/// <para>
/// Only a whole line is furniture, and only when it stands apart: at the text's start, after a
/// blank line, or after a line that ends a sentence or a heading's colon (so the last word of a
/// hard-wrapped paragraph, "… the burden they / share.", is never read as a "Share" button), and
/// it does not start with a lower-case letter.
/// </para>
/// </summary>
internal static class WebFurniture
{
    /// <summary>The longest line looked at.</summary>
    private const int MaxLength = 200;

    /// <summary>The longest entry of <see cref="Lines"/>.</summary>
    private const int MaxEntryLength = 40;

    /// <summary>The longest of <see cref="LinkOpenings"/>.</summary>
    private const int MaxOpeningLength = 20;

    /// <summary>The longest "More from …" line.</summary>
    private const int MaxMoreFromLength = 60;

    /// <summary>Whole lines (case aside, a colon or a separator such as › at the end aside).</summary>
    private static readonly FrozenSet<string> Lines = new[]
    {
        "advertisement", "advertisements", "advertising", "sponsored", "sponsored content", "paid content", "paid post",
        "story continues below", "story continues below advertisement", "article continues below",
        "article continues below advertisement", "continue reading", "continue reading below",
        "continue reading the main story", "skip to main content", "skip to content", "skip to navigation",
        "share", "share this", "share this article", "share this story", "share this page", "share this post",
        "share article", "share story", "share on facebook", "share on twitter", "share on x", "share on linkedin",
        "share on whatsapp", "share via email", "share by email", "tweet", "email", "e-mail", "print",
        "print article", "print this page", "copy link", "link copied", "save", "save article", "save for later",
        "bookmark", "gift this article", "gift article", "listen to this article", "listen to article",
        "comments", "show comments", "view comments", "hide comments", "leave a comment",
        "most read", "most popular", "most viewed", "trending", "trending now",
        "related", "related articles", "related stories", "related content", "related coverage",
        "more on this story", "read more", "read next", "read this next", "recommended", "recommended for you",
        "you may also like", "you might also like", "sign up", "sign in", "log in", "subscribe", "subscribe now",
        "sign up for our newsletter", "sign up to our newsletter", "subscribe to our newsletter",
        "newsletter sign-up", "back to top", "menu", "open menu", "close menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LineLookup = Lines.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Openings that make the whole line a link to another page ("Related: How sanctions shape aid").</summary>
    private static readonly string[] LinkOpenings =
    [
        "related:", "read more:", "see also:", "read next:", "also read:", "read also:", "recommended:",
        "related article:", "related story:", "related reading:", "further reading:", "more:",
    ];

    /// <summary>Openings of a line asking the reader to follow someone ("Follow her on X @…").</summary>
    private static readonly string[] FollowOpenings =
    [
        "follow us on ", "follow me on ", "follow him on ", "follow her on ", "follow them on ", "follow the author on ",
    ];

    /// <summary>Line breaks (<see cref="CharClass.IsBreakCharacter"/>).</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\f\v\u0085\u2028\u2029");

    /// <summary>The ASCII line breaks alone, which a vectorized search finds several times faster.</summary>
    private static readonly SearchValues<char> AsciiLineBreaks = SearchValues.Create("\n\r\f\v");

    /// <summary>
    /// The (start, end) of each furniture line of <paramref name="text"/> (its characters but
    /// white space and invisible characters at its ends), in text order; null when there is none.
    /// </summary>
    /// <param name="text">The text (with a PDF's page furniture already blanked, <see cref="PageLayout.Layout"/>).</param>
    /// <returns>The spans, or null.</returns>
    public static List<(int Start, int End)>? Find(ReadOnlySpan<char> text)
    {
        List<(int Start, int End)>? found = null;
        // The Unicode line breaks (NEL, LS, PS) are rare: the faster search when there is none.
        var breaks = text.ContainsAny('\u0085', '\u2028', '\u2029') ? LineBreaks : AsciiLineBreaks;
        // Whether the line before the current one leaves it standing apart.
        bool apart = true;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int length = text[lineStart..].IndexOfAny(breaks);
            if (length < 0)
            {
                length = text.Length - lineStart;
            }

            // White space and invisible characters at the line's ends are not its text.
            var line = text.Slice(lineStart, length);
            int lead = 0;
            while (lead < line.Length && CharClass.IsSeparator(line[lead]))
            {
                lead++;
            }

            int end = line.Length;
            while (end > lead && CharClass.IsSeparator(line[end - 1]))
            {
                end--;
            }

            var trimmed = line[lead..end];
            if (trimmed.IsEmpty)
            {
                apart = true;
            }
            else if (apart && trimmed.Length <= MaxLength && IsFurniture(CharClass.VisibleLine(trimmed)))
            {
                (found ??= []).Add((lineStart + lead, lineStart + lead + trimmed.Length));
                // The line after furniture stands apart as after a blank line.
                apart = true;
            }
            else
            {
                apart = EndsApart(trimmed);
            }

            // "\r\n" is one line break.
            int next = lineStart + length;
            lineStart = next + (next + 1 < text.Length && text[next] == '\r' && text[next + 1] == '\n' ? 2 : 1);
        }

        return found;
    }

    /// <summary>Whether a line that ends so leaves the next line standing apart: the end of a sentence (past closing quotation marks and brackets) or a colon.</summary>
    private static bool EndsApart(ReadOnlySpan<char> line)
    {
        int end = line.Length - 1;
        while (end >= 0 && (line[end] is '"' or '\'' or ')' or ']' or '\u2019' or '\u201D' or '\u00BB' || CharClass.IsInvisible(line[end])))
        {
            end--;
        }

        return end >= 0 && line[end] is '.' or '!' or '?' or ':' or '\u2026';
    }

    /// <summary>Whether a whole line (trimmed, its invisible characters left out) is furniture.</summary>
    internal static bool IsFurniture(ReadOnlySpan<char> line)
    {
        // Most lines that reach here are short paragraphs of text: the first character and the
        // last turn them away before any list is searched.
        if (line.IsEmpty || char.IsLower(line[0]))
        {
            return false;
        }

        // A copyright line: "© 2026 The Daily Example", "Copyright (c) 2026 …", "… All rights reserved."
        if (line[0] is '\u00A9' or '(' or 'C' or 'c' && IsCopyright(line))
        {
            return true;
        }

        var end = line.TrimEnd('.');
        if (!end.IsEmpty && end[^1] is 'd' or 'D' && end.EndsWith("all rights reserved", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "5 min read", "12-minute read".
        if (char.IsAsciiDigit(line[0]))
        {
            return IsReadingTime(line);
        }

        if (!char.IsAsciiLetter(line[0]))
        {
            return false;
        }

        // A page's button or label: at most one mark after its words ("Related:", "Read more ›").
        if (line.Length <= MaxEntryLength + 2)
        {
            var bare = line[^1] is ':' or '|' or '>' or '\u203A' or '\u00BB' or '\u2192' ? line[..^1].TrimEnd() : line;
            if (LineLookup.Contains(bare))
            {
                return true;
            }
        }

        // A link: "Related: …", "Read more: …" (the colon within the opening's reach).
        int colon = line[..Math.Min(line.Length, MaxOpeningLength)].IndexOf(':');
        if (colon > 0 && colon < line.Length - 1)
        {
            foreach (var opening in LinkOpenings)
            {
                if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        if (line[0] is 'F' or 'f')
        {
            foreach (var opening in FollowOpenings)
            {
                if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return line[0] is 'M' or 'm' && line.Length <= MaxMoreFromLength && line.StartsWith("more from ", StringComparison.OrdinalIgnoreCase) && !EndsApart(line);
    }

    /// <summary>"© …", "Copyright 2026 …", "Copyright © …", "Copyright (c) …", "(c) 2026 …".</summary>
    private static bool IsCopyright(ReadOnlySpan<char> line)
    {
        if (line[0] == '\u00A9')
        {
            return true;
        }

        if (line.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase))
        {
            return line.Length > 4 && char.IsAsciiDigit(line[4]);
        }

        if (!line.StartsWith("copyright ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = line["copyright ".Length..];
        return !rest.IsEmpty && (char.IsAsciiDigit(rest[0]) || rest[0] == '\u00A9' || rest.StartsWith("(c)", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"5 min read", "5-min read", "12 minute read", "3 mins read" (case aside).</summary>
    private static bool IsReadingTime(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i > 3)
        {
            return false;
        }

        var rest = line[i..].TrimStart(' ').TrimStart('-').TrimStart(' ');
        foreach (var unit in (ReadOnlySpan<string>)["minutes read", "minute read", "mins read", "min read"])
        {
            if (rest.Equals(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
