using System.Buffers;
using System.Collections.Frozen;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// The furniture of a web page that a scrape of an article keeps between its paragraphs:
/// "Advertisement", "Share this article", "Related: …", "Follow us on X", "5 min read", "© 2026 …
/// All rights reserved." A reader skips them, and a coder would not code them: the text layer
/// reads them as white space, as it reads a PDF's page numbers (<see cref="PageLayout"/>), so
/// no token and no sentence holds them and they do not count as the document's sentences or
/// change how its neighbours are read. The rule in full: docs/segmentation.md, *Web page furniture*.
/// <para>
/// The rule errs on the side of keeping text: only a whole line is furniture, only when it
/// stands apart (at the text's start, after a blank line, after furniture, or after a line that
/// ends a sentence), never when it starts with a lower-case letter; a line that could be a word
/// of the text ("Print", "Comments", "Related") only beside a line that cannot.
/// </para>
/// </summary>
internal static class WebFurniture
{
    /// <summary>The longest line looked at.</summary>
    private const int MaxLength = 200;

    /// <summary>The longest entry of <see cref="Buttons"/> and <see cref="Words"/>.</summary>
    private const int MaxEntryLength = 40;

    /// <summary>The longest of <see cref="LinkOpenings"/>.</summary>
    private const int MaxOpeningLength = 20;

    /// <summary>The longest "Follow us on …", "More from …" or copyright line.</summary>
    private const int MaxShortLength = 100;

    /// <summary>
    /// Whole lines that are a page's buttons and labels and nothing else (case and inner spacing
    /// aside, with at most one mark such as ":" or "›" after them).
    /// </summary>
    private static readonly FrozenSet<string> Buttons = new[]
    {
        "advertisement", "skip advertisement", "advertisement - scroll to continue", "paid post",
        "story continues below", "story continues below advertisement", "article continues below",
        "article continues below advertisement", "continue reading", "continue reading below",
        "continue reading the main story", "skip to main content", "skip to content", "skip to navigation",
        "share this article", "share this story", "share this page", "share this post",
        "share article", "share story", "share on facebook", "share on twitter", "share on x", "share on linkedin",
        "share on whatsapp", "share via email", "share by email", "print article", "print this page",
        "copy link", "link copied", "save article", "save for later", "gift this article", "gift article",
        "listen to this article", "listen to article", "show comments", "view comments", "hide comments",
        "leave a comment", "most read", "most popular", "most viewed", "trending now",
        "related articles", "related stories", "related coverage", "more on this story",
        "read more", "read next", "read this next", "recommended for you", "you may also like", "you might also like",
        "subscribe now", "sign up for our newsletter", "sign up to our newsletter", "subscribe to our newsletter",
        "newsletter sign-up", "back to top", "open menu", "close menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whole lines that are a page's buttons but also words that a text's heading or list may
    /// hold ("Print" in a list of media, "Comments" as a heading): furniture only beside a line of
    /// <see cref="Buttons"/> or another kind of furniture, or with a separator mark after them
    /// ("Share |", "Print ›").
    /// </summary>
    private static readonly FrozenSet<string> Words = new[]
    {
        "share", "tweet", "email", "e-mail", "print", "save", "bookmark", "comments", "related", "recommended",
        "trending", "sponsored", "sponsored content", "paid content", "advertisements", "related content",
        "sign up", "sign in", "log in", "subscribe", "menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ButtonLookup = Buttons.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Openings that make the whole line a link to another page ("Related: How sanctions shape aid").</summary>
    private static readonly string[] LinkOpenings =
    [
        "related:", "read more:", "read next:", "also read:", "read also:",
        "related article:", "related story:", "related reading:", "further reading:",
    ];

    /// <summary>Openings of a line asking the reader to follow someone ("Follow her on X @…").</summary>
    private static readonly string[] FollowOpenings =
    [
        "follow us on ", "follow me on ", "follow him on ", "follow her on ", "follow them on ", "follow the author on ",
    ];

    /// <summary>What a "Follow … on" line must name: a handle or a platform.</summary>
    private static readonly string[] Platforms =
    [
        "x", "twitter", "facebook", "instagram", "linkedin", "threads", "bluesky", "mastodon", "youtube", "tiktok",
    ];

    /// <summary>Other places a share bar sends an article to ("Share | WhatsApp | Reddit"): items of a bar only.</summary>
    private static readonly string[] ShareTargets = ["whatsapp", "reddit", "telegram", "pinterest", "flipboard", "messenger"];

    /// <summary>The marks between the items of a share bar ("Share | Tweet | Email", "Facebook · X · Email").</summary>
    private static readonly SearchValues<char> BarMarks = SearchValues.Create("|\u00B7\u2022");

    /// <summary>Abbreviations that end a line without ending its sentence ("… such as, e.g." above "Email").</summary>
    private static readonly string[] OpenAbbreviations = ["e.g.", "i.e.", "cf.", "viz.", "incl.", "vs.", "esp."];

    /// <summary>Line breaks (<see cref="CharClass.IsBreakCharacter"/>).</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\f\v\u0085\u2028\u2029");

    /// <summary>The ASCII line breaks alone, which a vectorized search finds several times faster.</summary>
    private static readonly SearchValues<char> AsciiLineBreaks = SearchValues.Create("\n\r\f\v");

    /// <summary>What a line is.</summary>
    private enum Kind : byte
    {
        /// <summary>Text, or a line that is not looked at.</summary>
        Text,

        /// <summary>Furniture by itself.</summary>
        Furniture,

        /// <summary>A line that could also be a heading, a title or a list item (one of <see cref="Words"/>, "More from …", "(c) 2025 …", "All rights reserved" alone): furniture only beside other furniture or with a separator mark.</summary>
        Word,
    }

    /// <summary>
    /// The (start, end) of each furniture line of <paramref name="text"/> (its characters but
    /// white space and invisible characters at its ends), in text order; null when there is none.
    /// </summary>
    /// <param name="text">The text (with a PDF's page furniture already blanked, <see cref="PageLayout.Layout"/>).</param>
    /// <param name="source">For a text with form feeds, the source text before <see cref="PageLayout.Layout"/>: a line that is blank only because its page furniture was blanked, and the empty lines at a form feed, are passed over (the text before a page break goes on after it); empty otherwise.</param>
    /// <returns>The spans, or null.</returns>
    public static List<(int Start, int End)>? Find(ReadOnlySpan<char> text, ReadOnlySpan<char> source = default)
    {
        List<(int Start, int End, Kind Kind)>? found = null;
        // The Unicode line breaks (NEL, LS, PS) are rare: the faster search when there is none.
        var breaks = text.ContainsAny('\u0085', '\u2028', '\u2029') ? LineBreaks : AsciiLineBreaks;
        // Whether the line before the current one leaves it standing apart.
        bool apart = true;
        // A Markdown file's front matter (a static site's title, date and tags) is read past.
        int lineStart = text.Length > 0 && text[0] is '-' or '+' ? FrontMatter(text, breaks, ref found) : 0;
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
                apart |= !AtPageBreak(text, source, lineStart, length);
            }
            else
            {
                var kind = apart ? Classify(trimmed) : Kind.Text;
                if (kind != Kind.Text && GoesOnInLowerCase(text, lineStart + length, breaks))
                {
                    // The next line, right below, goes on in lower case: a hard-wrapped sentence
                    // ("We said it before." / "Share this article" / "with your MP, …").
                    kind = Kind.Text;
                }

                if (kind != Kind.Text)
                {
                    (found ??= []).Add((lineStart + lead, lineStart + lead + trimmed.Length, kind));
                    // The line after furniture stands apart as after a blank line.
                    apart = true;
                }
                else
                {
                    apart = EndsSentence(trimmed);
                }
            }

            // "\r\n" is one line break.
            int next = lineStart + length;
            lineStart = next + (next + 1 < text.Length && text[next] == '\r' && text[next + 1] == '\n' ? 2 : 1);
        }

        return found is null ? null : Keep(text, found);
    }

    /// <summary>The most lines a front matter block is looked for in.</summary>
    private const int MaxFrontMatterLines = 100;

    /// <summary>
    /// A front matter block at the text's very start, as static-site generators put atop a
    /// Markdown file: a line <c>---</c> (YAML) or <c>+++</c> (TOML), then lines each of a key and
    /// its value (<c>title: "…"</c>, <c>tags = ["…"]</c>) or a list item, an indented line or a
    /// blank one, at least one of a key, and a closing line (<c>---</c> or <c>...</c>; <c>+++</c>),
    /// within <see cref="MaxFrontMatterLines"/> lines. Every line of it, the fences too, is
    /// furniture (the key's words are no sentence: "title: Food aid must not wait" is metadata).
    /// </summary>
    /// <returns>Where the text after the block starts, or 0 when the text opens with none.</returns>
    private static int FrontMatter(ReadOnlySpan<char> text, SearchValues<char> breaks, ref List<(int Start, int End, Kind Kind)>? found)
    {
        int length = text.IndexOfAny(breaks);
        if (length < 0)
        {
            return 0;
        }

        var fence = text[..length].TrimEnd();
        bool yaml = fence is "---";
        if (!yaml && fence is not "+++")
        {
            return 0;
        }

        var lines = new List<(int Start, int End)> { (0, fence.Length) };
        int lineStart = length;
        bool keys = false;
        for (int n = 0; n < MaxFrontMatterLines; n++)
        {
            // Past the line break ("\r\n" is one).
            lineStart += lineStart + 1 < text.Length && text[lineStart] == '\r' && text[lineStart + 1] == '\n' ? 2 : 1;
            if (lineStart >= text.Length)
            {
                return 0;
            }

            int end = text[lineStart..].IndexOfAny(breaks);
            end = end < 0 ? text.Length : lineStart + end;
            var line = text[lineStart..end];
            var trimmed = line.Trim();
            if (trimmed is "---" or "..." && yaml || trimmed is "+++" && !yaml)
            {
                if (!keys)
                {
                    return 0;
                }

                int lead = line.Length - line.TrimStart().Length;
                lines.Add((lineStart + lead, lineStart + lead + trimmed.Length));
                found ??= [];
                foreach (var (start, stop) in lines)
                {
                    found.Add((start, stop, Kind.Furniture));
                }

                return end;
            }

            if (!trimmed.IsEmpty)
            {
                bool key = IsFrontMatterKey(trimmed, yaml ? ':' : '=');
                if (!key && !(line[0] is ' ' or '\t') && trimmed[0] is not ('-' or '#'))
                {
                    // A line of prose: no front matter, whatever the first line was.
                    return 0;
                }

                keys |= key;
                int lead = line.Length - line.TrimStart().Length;
                lines.Add((lineStart + lead, lineStart + lead + trimmed.Length));
            }

            lineStart = end;
        }

        return 0;
    }

    /// <summary>Whether a line opens with a key and <paramref name="mark"/> (<c>title:</c>, <c>draft = true</c>): letters, digits, <c>_</c> and <c>-</c>, a letter or <c>_</c> first, at most 40 characters, the mark right after (spaces before <c>=</c>), then the end of the line or a space.</summary>
    private static bool IsFrontMatterKey(ReadOnlySpan<char> line, char mark)
    {
        int k = 0;
        if (line.IsEmpty || !(char.IsAsciiLetter(line[0]) || line[0] == '_'))
        {
            return false;
        }

        while (k < line.Length && k <= 40 && (char.IsAsciiLetterOrDigit(line[k]) || line[k] is '_' or '-'))
        {
            k++;
        }

        while (mark == '=' && k < line.Length && line[k] == ' ')
        {
            k++;
        }

        return k < line.Length && line[k] == mark && (k + 1 == line.Length || line[k + 1] is ' ' or '\t');
    }

    /// <summary>Whether the line after the line break at <paramref name="lineEnd"/> (with no blank line between) starts, past white space and invisible characters, with a lower-case letter.</summary>
    private static bool GoesOnInLowerCase(ReadOnlySpan<char> text, int lineEnd, SearchValues<char> breaks)
    {
        if (lineEnd >= text.Length)
        {
            return false;
        }

        int k = lineEnd + (lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? 2 : 1);
        while (k < text.Length && CharClass.IsSeparator(text[k]) && !breaks.Contains(text[k]))
        {
            k++;
        }

        return k < text.Length && char.IsLower(text[k]);
    }

    /// <summary>Whether the blank line at <paramref name="start"/> is one only because of a PDF's page break: in <paramref name="source"/> it holds page furniture (blanked) or a form feed, or a form feed lies across the white space after it, in <paramref name="text"/> (where joining a page may have moved it) or in <paramref name="source"/>.</summary>
    private static bool AtPageBreak(ReadOnlySpan<char> text, ReadOnlySpan<char> source, int start, int length)
    {
        if (source.IsEmpty)
        {
            return false;
        }

        foreach (char c in source.Slice(start, length))
        {
            if (c == '\f' || !CharClass.IsSeparator(c))
            {
                return true;
            }
        }

        for (int k = start + length; k < text.Length && CharClass.IsSeparator(text[k]); k++)
        {
            if (text[k] == '\f' || source[k] == '\f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The furniture of <paramref name="found"/>: every line but a <see cref="Kind.Word"/> with no separator mark of its own and no furniture next to it (past blank lines), a word next to such a word among it.</summary>
    private static List<(int Start, int End)>? Keep(ReadOnlySpan<char> text, List<(int Start, int End, Kind Kind)> found)
    {
        var kept = new bool[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            kept[i] = found[i].Kind != Kind.Word || HasMark(text[found[i].Start..found[i].End]);
        }

        // A row of words beside a button ("Share this article", "Tweet", "Email"): one pass
        // forward and one back take in the words next to those kept, in either direction.
        for (int i = 1; i < found.Count; i++)
        {
            kept[i] |= kept[i - 1] && Adjacent(text, found[i - 1].End, found[i].Start);
        }

        for (int i = found.Count - 2; i >= 0; i--)
        {
            kept[i] |= kept[i + 1] && Adjacent(text, found[i].End, found[i + 1].Start);
        }

        List<(int Start, int End)>? spans = null;
        for (int i = 0; i < found.Count; i++)
        {
            if (kept[i])
            {
                (spans ??= []).Add((found[i].Start, found[i].End));
            }
        }

        return spans;
    }

    /// <summary>Whether only white space (blank lines among it) lies between two lines.</summary>
    private static bool Adjacent(ReadOnlySpan<char> text, int end, int start)
    {
        foreach (char c in text[end..start])
        {
            if (!CharClass.IsSeparator(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a line ends with a separator mark ("Share |", "Print ›").</summary>
    private static bool HasMark(ReadOnlySpan<char> line) => line[^1] is '|' or '>' or '\u203A' or '\u00BB' or '\u2192';

    /// <summary>Whether a line ends a sentence, so that the next line stands apart: its last character, past closing quotation marks, brackets and invisible characters, is ".", "!", "?" or "…", not after an abbreviation that opens what follows ("e.g.").</summary>
    private static bool EndsSentence(ReadOnlySpan<char> line)
    {
        int end = PageLayout.LastMarkAt(line, line.Length);
        if (end < 0 || line[end] is not ('.' or '!' or '?' or '\u2026'))
        {
            return false;
        }

        // The line's last word, when short enough to be one of the abbreviations.
        var last = line[..(end + 1)];
        var word = last[(last.LastIndexOf(' ') + 1)..];
        if (word.Length <= 5)
        {
            foreach (var abbreviation in OpenAbbreviations)
            {
                if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a whole line (trimmed) is furniture; invisible characters are read past and runs of white space as one space.</summary>
    internal static bool IsFurniture(ReadOnlySpan<char> line) => Classify(line) != Kind.Text;

    /// <summary>What a whole line (trimmed, at most <see cref="MaxLength"/> characters) is.</summary>
    private static Kind Classify(ReadOnlySpan<char> line)
    {
        // Most lines that reach here are short paragraphs of text: the first character turns
        // many away before the line is copied.
        if (line.IsEmpty || char.IsLower(line[0]) || line.Length > MaxLength)
        {
            return Kind.Text;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var plain = Plain(line, buffer);
        if (plain.IsEmpty || char.IsLower(plain[0]))
        {
            return Kind.Text;
        }

        if (IsReadingTime(plain))
        {
            return Kind.Furniture;
        }

        if (Copyright(plain) is var copyright and not Kind.Text)
        {
            return copyright;
        }

        if (!char.IsAsciiLetter(plain[0]))
        {
            return Kind.Text;
        }

        if (IsShareBar(plain))
        {
            return Kind.Furniture;
        }

        // A page's button or label: at most one mark after its words ("Related:", "Read more ›").
        if (plain.Length <= MaxEntryLength + 2)
        {
            var bare = plain[^1] == ':' || HasMark(plain) ? plain[..^1].TrimEnd() : plain;
            if (ButtonLookup.Contains(bare))
            {
                return Kind.Furniture;
            }

            if (WordLookup.Contains(bare))
            {
                return Kind.Word;
            }
        }

        // "More from Brussels" could be a heading: furniture only beside other furniture.
        return IsLink(plain) || IsFollow(plain) ? Kind.Furniture : IsMoreFrom(plain) ? Kind.Word : Kind.Text;
    }

    /// <summary>The line with its invisible characters left out and each run of white space (a no-break space among them) as one space, in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Plain(ReadOnlySpan<char> line, Span<char> buffer)
    {
        int n = 0;
        bool space = false;
        foreach (char c in line)
        {
            if (CharClass.IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }

            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }

            buffer[n++] = c;
        }

        return buffer[..n];
    }

    /// <summary>
    /// A link to another page: "Related: How sanctions shape aid" (an opening of
    /// <see cref="LinkOpenings"/>, then a title: not in lower case, not ending a sentence with a
    /// period or a colon).
    /// </summary>
    private static bool IsLink(ReadOnlySpan<char> line)
    {
        int colon = line[..Math.Min(line.Length, MaxOpeningLength)].IndexOf(':');
        var end = line.TrimEnd(PageLayout.Closers);
        if (colon <= 0 || colon >= line.Length - 2 || end.IsEmpty || end[^1] is '.' or ':' or ';' or ',')
        {
            return false;
        }

        var title = line[(colon + 1)..].TrimStart(' ');
        if (title.IsEmpty || char.IsLower(title[0]))
        {
            return false;
        }

        foreach (var opening in LinkOpenings)
        {
            if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase) && opening.Length == colon + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A share bar on one line: at least two items, each one of <see cref="Buttons"/>,
    /// <see cref="Words"/>, <see cref="Platforms"/> or <see cref="ShareTargets"/>, between marks of
    /// <see cref="BarMarks"/> (a mark after the last item too: "Share | Tweet | Email |",
    /// "Facebook · X · Email"); or "Share:", "Share this:" or another button or word and a colon,
    /// then such items between marks or, with no mark, single words between spaces ("Share:
    /// Facebook X Email").
    /// </summary>
    private static bool IsShareBar(ReadOnlySpan<char> line)
    {
        var items = line;
        bool opened = false;
        int colon = line[..Math.Min(line.Length, MaxEntryLength + 1)].IndexOf(':');
        if (colon > 0)
        {
            var opening = line[..colon].TrimEnd(' ');
            if (!ButtonLookup.Contains(opening) && !WordLookup.Contains(opening))
            {
                return false;
            }

            items = line[(colon + 1)..];
            opened = true;
        }

        int count = 0;
        if (items.ContainsAny(BarMarks))
        {
            // Items between marks; only the last may be empty (a mark after the last item).
            bool empty = false;
            foreach (var range in items.SplitAny(BarMarks))
            {
                if (empty)
                {
                    return false;
                }

                var item = items[range].Trim(' ');
                if (item.IsEmpty)
                {
                    empty = true;
                    continue;
                }

                if (!IsBarItem(item, whole: true))
                {
                    return false;
                }

                count++;
            }
        }
        else if (opened)
        {
            foreach (var range in items.Split(' '))
            {
                var item = items[range].TrimEnd(',');
                if (item.IsEmpty)
                {
                    continue;
                }

                if (!IsBarItem(item, whole: false))
                {
                    return false;
                }

                count++;
            }
        }

        return count >= (opened ? 1 : 2);
    }

    /// <summary>An item of a share bar: a platform, a share target or one of <see cref="Words"/>; when <paramref name="whole"/> (an item between marks), one of <see cref="Buttons"/> too.</summary>
    private static bool IsBarItem(ReadOnlySpan<char> item, bool whole)
    {
        if (WordLookup.Contains(item) || (whole && ButtonLookup.Contains(item)))
        {
            return true;
        }

        foreach (var target in ShareTargets)
        {
            if (item.Equals(target, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return item is not ("and" or "or" or "&") && IsPlatformOrJoin(item);
    }

    /// <summary>"Follow us on X and Facebook", "Follow her on X @janedoe": an opening of <see cref="FollowOpenings"/>, a handle or a platform's name, at most <see cref="MaxShortLength"/> characters.</summary>
    private static bool IsFollow(ReadOnlySpan<char> line)
    {
        if (line[0] is not ('F' or 'f') || line.Length > MaxShortLength)
        {
            return false;
        }

        foreach (var opening in FollowOpenings)
        {
            if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                // Every word a platform or a handle ("X and Facebook", "X @janedoe").
                var tail = line[opening.Length..].TrimEnd('.');
                foreach (var word in tail.Split(' '))
                {
                    var w = tail[word].TrimEnd(',');
                    if (!(w.Length > 1 && w[0] == '@') && !IsPlatformOrJoin(w))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>A platform's name, or "and", "or", "&amp;".</summary>
    private static bool IsPlatformOrJoin(ReadOnlySpan<char> word)
    {
        if (word is "and" or "or" or "&")
        {
            return true;
        }

        foreach (var platform in Platforms)
        {
            if (word.Equals(platform, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"More from Opinion", "More from The Daily Example": every word after "from" capitalised, at most 60 characters, no sentence's end.</summary>
    private static bool IsMoreFrom(ReadOnlySpan<char> line)
    {
        if (line[0] is not ('M' or 'm') || line.Length > 60 || !line.StartsWith("more from ", StringComparison.OrdinalIgnoreCase) || EndsSentence(line))
        {
            return false;
        }

        var rest = line["more from ".Length..];
        foreach (var word in rest.Split(' '))
        {
            var w = rest[word];
            if (w.IsEmpty || !char.IsUpper(w[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A copyright line of at most <see cref="MaxShortLength"/> characters: "© …"; "Copyright ©
    /// …", "Copyright (c) …"; "Copyright" and a year, then a name ("Copyright 2026 The Daily
    /// Example"); a name, a period or a bar, then "All rights reserved" ("The Daily Example. All
    /// rights reserved."). "(c)" and a year then a name ("(c) 2025 Human Rights Watchers"), or
    /// "All rights reserved." alone, could be a list item or a title: furniture only beside
    /// other furniture (<see cref="Kind.Word"/>).
    /// </summary>
    private static Kind Copyright(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxShortLength)
        {
            return Kind.Text;
        }

        if (line[0] == '\u00A9')
        {
            return Kind.Furniture;
        }

        // "… All rights reserved." (the phrase's own capital) after a name and a period or a bar.
        const string Reserved = "All rights reserved";
        var end = line[^1] == '.' ? line[..^1] : line;
        bool reserved = end.EndsWith(Reserved, StringComparison.Ordinal);
        if (reserved)
        {
            var before = end[..^Reserved.Length].TrimEnd(' ');
            if (before.IsEmpty)
            {
                return Kind.Word;
            }

            if (before[^1] is '.' or '|' && IsName(before[..^1]))
            {
                return Kind.Furniture;
            }
        }

        ReadOnlySpan<char> rest;
        bool parenthesised = line.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase);
        if (parenthesised)
        {
            rest = line[4..];
        }
        else if (line.StartsWith("copyright ", StringComparison.OrdinalIgnoreCase))
        {
            rest = line["copyright ".Length..];
            if (rest.StartsWith("\u00A9 ", StringComparison.Ordinal) || rest.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase))
            {
                return Kind.Furniture;
            }
        }
        else
        {
            return Kind.Text;
        }

        // A year, then a name (or nothing), and "All rights reserved" or not.
        if (!IsYear(rest) || (rest.Length > 4 && rest[4] is not (' ' or ',' or '.' or '-' or '\u2013')))
        {
            return Kind.Text;
        }

        var name = rest[4..].TrimStart(" ,-\u2013").TrimEnd('.');
        if (reserved)
        {
            name = name[..^Reserved.Length].TrimEnd(" .,|");
        }

        return !IsName(name) ? Kind.Text : parenthesised && !reserved ? Kind.Word : Kind.Furniture;
    }

    /// <summary>Whether <paramref name="text"/> opens with a year from 1900 to 2099.</summary>
    private static bool IsYear(ReadOnlySpan<char> text) =>
        text.Length >= 4 && (text.StartsWith("19", StringComparison.Ordinal) || text.StartsWith("20", StringComparison.Ordinal)) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]);

    /// <summary>Whether every word of <paramref name="text"/> is capitalised, a year, "&amp;", "and", "of" or "the" (an organisation's name: "The Daily Example", "Example Media, Inc."; empty is one).</summary>
    private static bool IsName(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split(' '))
        {
            var w = text[range].Trim(".,|");
            if (w.IsEmpty || char.IsUpper(w[0]) || (w.Length == 4 && IsYear(w)) || w is "&" or "and" or "of" or "the")
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// "5 min read", "5-min read", "12 minute read", "3 mins read", "4 min listen"; "Reading
    /// time: 5 minutes", "Read time: 4 min", "Estimated reading time: 6 minutes" (case aside, the
    /// colon or not, a period at the end or not).
    /// </summary>
    private static bool IsReadingTime(ReadOnlySpan<char> line)
    {
        foreach (var opening in (ReadOnlySpan<string>)["reading time", "read time", "estimated reading time", "listening time"])
        {
            if (line.Length > opening.Length + 2 && line.StartsWith(opening, StringComparison.OrdinalIgnoreCase) && line[opening.Length] is ':' or ' ')
            {
                var time = line[(opening.Length + 1)..].TrimStart(' ').TrimEnd('.');
                int digits = 0;
                while (digits < time.Length && char.IsAsciiDigit(time[digits]))
                {
                    digits++;
                }

                if (digits == 0 || digits > 3)
                {
                    return false;
                }

                var unit = time[digits..].TrimStart(' ');
                return unit.Equals("min", StringComparison.OrdinalIgnoreCase) || unit.Equals("mins", StringComparison.OrdinalIgnoreCase)
                    || unit.Equals("minute", StringComparison.OrdinalIgnoreCase) || unit.Equals("minutes", StringComparison.OrdinalIgnoreCase);
            }
        }

        int i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == 0 || i > 3)
        {
            return false;
        }

        var rest = line[i..].TrimStart(' ').TrimStart('-').TrimStart(' ');
        foreach (var unit in (ReadOnlySpan<string>)["minutes read", "minute read", "mins read", "min read", "minutes listen", "minute listen", "mins listen", "min listen"])
        {
            if (rest.Equals(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
