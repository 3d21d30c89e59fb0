namespace PolicyText.Text;

/// <summary>
/// Page numbers, running heads and running footers in text extracted from a PDF with its page
/// breaks kept as form feeds (pdftotext's default output), which a reader skips: a line next to
/// a page break (only white space between) that is a page number ("7", "- 7 -", "Page 7 of 12",
/// "vii", "Policy Brief | 7" with a bar or a wide gap before the number), or a line that stands at
/// two or more page breaks on the same side (the same words, any digits: "Korea Policy Brief |
/// March 2025 7" and "… 8"); and where a sentence runs on over the page, a short line standing
/// alone between blank lines (a head or footer seen once), as beside a page number at the foot.
/// Only the lines at a page's edge are looked at: at most three after each page break and three
/// before it, from the break outward, stopping at the first that is not furniture (the rule in
/// full: docs/segmentation.md, *Page breaks*).
/// <para>
/// <see cref="Layout"/> gives the text with those lines blanked out (the same length, so every
/// offset is the source's), which the tokenizer and the segmenter then read: furniture is in no
/// token and in no sentence's reading. A page break with furniture around it, or with blank lines
/// after text that does not end a sentence (no terminal punctuation), is read with them as one
/// line break, so a sentence that runs on over the page is one sentence.
/// </para>
/// </summary>
internal static class PageLayout
{
    /// <summary>How many lines at each edge of a page are looked at.</summary>
    private const int EdgeLines = 3;

    /// <summary>The longest line read as a running head or footer.</summary>
    private const int MaxFurnitureLength = 120;

    /// <summary>
    /// The text as the tokenizer should read it: <paramref name="text"/> with its page furniture
    /// blanked out, and each page break with furniture or blank lines around it (but blank lines
    /// alone after a sentence's end) made one line break; null when the text has no form feed or
    /// nothing was changed.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="furniture">Receives the (start, end) of each furniture line (its characters other than white space at its ends), in text order, when not null.</param>
    /// <returns>The text to tokenize, of the same length, or null to tokenize <paramref name="text"/> itself.</returns>
    public static string? Layout(string text, List<(int Start, int End)>? furniture = null)
    {
        int firstBreak = text.IndexOf('\f', StringComparison.Ordinal);
        if (firstBreak < 0)
        {
            return null;
        }

        // Page breaks: a run of form feeds with only white space between is one.
        var breaks = new List<(int First, int Last)>();
        for (int f = firstBreak; f >= 0; f = text.IndexOf('\f', f + 1))
        {
            if (breaks.Count > 0 && IsBlank(text, breaks[^1].Last + 1, f))
            {
                breaks[^1] = (breaks[^1].First, f);
            }
            else
            {
                breaks.Add((f, f));
            }
        }

        // The lines at each page's edge: before each break (a footer's side) and after it (a head's).
        var edges = new List<Edge>();
        for (int b = 0; b < breaks.Count; b++)
        {
            int floor = b > 0 ? breaks[b - 1].Last + 1 : 0;
            int ceiling = b + 1 < breaks.Count ? breaks[b + 1].First : text.Length;
            int end = breaks[b].First;
            for (int n = 0; n < EdgeLines; n++)
            {
                var line = PreviousLine(text, floor, end);
                if (line.Start < 0)
                {
                    break;
                }

                edges.Add(new Edge(b, false, line.Start, line.End, Key(text.AsSpan(line.Start, line.End - line.Start))));
                end = line.Start;
            }

            int start = breaks[b].Last + 1;
            for (int n = 0; n < EdgeLines; n++)
            {
                var line = NextLine(text, start, ceiling);
                if (line.Start < 0)
                {
                    break;
                }

                edges.Add(new Edge(b, true, line.Start, line.End, Key(text.AsSpan(line.Start, line.End - line.Start))));
                start = line.End;
            }
        }

        // A line's words (digits aside) at two or more breaks on the same side: a running head or footer.
        var pages = new Dictionary<(bool, string), HashSet<int>>();
        foreach (var e in edges)
        {
            if (!pages.TryGetValue((e.After, e.Key), out var seen))
            {
                pages[(e.After, e.Key)] = seen = [];
            }

            seen.Add(e.Break);
        }

        // From each break outward, the lines are furniture until the first that is not. Edges are
        // listed break by break, the foot's side then the head's, each from the break outward.
        var found = new List<(int Start, int End)>();
        int from = 0;
        while (from < edges.Count)
        {
            int b = edges[from].Break;
            int middle = from;
            while (middle < edges.Count && edges[middle].Break == b && !edges[middle].After)
            {
                middle++;
            }

            int last = middle;
            while (last < edges.Count && edges[last].Break == b)
            {
                last++;
            }

            var foot = edges.GetRange(from, middle - from);
            var head = edges.GetRange(middle, last - middle);
            int footLines = Furnished(text, foot, pages);
            int headLines = Furnished(text, head, pages);

            // A sentence that runs on over the page (the page's text does not end a sentence and
            // the next page's goes on in lower case): the short lines standing alone between
            // them are the page's furniture too, also a head or foot seen at this break only.
            int k = headLines;
            while (k < head.Count && !StartsLowerCase(text, head[k]) && IsLoose(text, head[k]))
            {
                k++;
            }

            if (k < head.Count && StartsLowerCase(text, head[k]))
            {
                int f = footLines;
                while (f < foot.Count && IsLoose(text, foot[f]))
                {
                    f++;
                }

                if (f < foot.Count && !EndsSentence(text, foot[f].End))
                {
                    headLines = k;
                    footLines = f;
                }
            }

            else if (footLines > 0)
            {
                // Beside a page number at the foot, short lines standing alone are the footer
                // ("Asia Rights Monitor", then "Page 3"), while a line of the page's text remains
                // beyond them. (Not at the head: a heading stands alone at the top of a page.)
                int f = footLines;
                while (f < foot.Count && IsLoose(text, foot[f]))
                {
                    f++;
                }

                footLines = f < foot.Count ? f : footLines;
            }

            found.AddRange(foot.Take(footLines).Select(e => (e.Start, e.End)));
            found.AddRange(head.Take(headLines).Select(e => (e.Start, e.End)));
            from = last;
        }

        // A short page's line can be at the edge of two breaks: listed once.
        found.Sort();
        found = [.. found.Distinct()];
        var layout = text.ToCharArray();
        foreach (var (start, end) in found)
        {
            for (int i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(layout[i]))
                {
                    layout[i] = ' ';
                }
            }
        }

        // A page break with furniture or blank lines around it: from the end of the page's text to
        // the start of the next page's, one line break (LF, then the form feed, which the
        // tokenizer does not count beside it and across which it joins no hyphenated word), the
        // rest spaces. The blank lines at a page's foot are the furniture's, not a paragraph's
        // end: pdftotext ends a page's text with one line break. Only blank lines with no
        // furniture after a sentence's end are kept (a paragraph may end there).
        bool changed = found.Count > 0;
        int next = 0;
        foreach (var (first, last) in breaks)
        {
            int before = first;
            while (before > 0 && IsBlank(layout[before - 1]))
            {
                before--;
            }

            int after = last + 1;
            while (after < layout.Length && IsBlank(layout[after]))
            {
                after++;
            }

            while (next < found.Count && found[next].End <= before)
            {
                next++;
            }

            bool furnished = next < found.Count && found[next].Start < after;
            if (before == 0 || after == layout.Length || !HasBlankLine(layout, before, after) || (!furnished && EndsSentence(layout, before)))
            {
                continue;
            }

            layout.AsSpan(before, after - before).Fill(' ');
            layout[before] = '\n';
            layout[before + 1] = '\f';
            changed = true;
        }

        furniture?.AddRange(found);
        return changed ? new string(layout) : null;
    }

    /// <summary>How many of <paramref name="edge"/>'s lines, from the break outward, are page numbers or repeat at another break, before the first that is not.</summary>
    private static int Furnished(string text, List<Edge> edge, Dictionary<(bool, string), HashSet<int>> pages)
    {
        int n = 0;
        while (n < edge.Count)
        {
            var e = edge[n];
            var line = text.AsSpan(e.Start, e.End - e.Start);
            if (!(pages[(e.After, e.Key)].Count >= 2 && line.Length <= MaxFurnitureLength) && !IsPageNumberLine(line))
            {
                break;
            }

            n++;
        }

        return n;
    }

    /// <summary>Whether the line's first letter or digit is a lower-case letter: a sentence going on.</summary>
    private static bool StartsLowerCase(string text, Edge line) => char.IsLower(text[line.Start]);

    /// <summary>Whether the line could be a head or foot: at most <see cref="MaxLooseLength"/> characters, not ending a sentence, alone between blank lines (or a page break or the text's edge), as pdftotext writes a block of its own.</summary>
    private static bool IsLoose(string text, Edge line) =>
        line.End - line.Start <= MaxLooseLength && !EndsSentence(text, line.End) && IsBlock(text, line.Start, line.End);

    /// <summary>The longest line read as a head or foot from its place alone (<see cref="IsLoose"/>).</summary>
    private const int MaxLooseLength = 80;

    /// <summary>Whether the line from <paramref name="start"/> to <paramref name="end"/> has a blank line, a page break or the text's edge on each side.</summary>
    private static bool IsBlock(string text, int start, int end) => Apart(text, start, -1) && Apart(text, end - 1, 1);

    private static bool Apart(string text, int from, int step)
    {
        int breaks = 0;
        for (int i = from + step; (uint)i < (uint)text.Length; i += step)
        {
            char c = text[i];
            if (c == '\f' || (c == '\n' && ++breaks == 2))
            {
                return true;
            }

            if (!IsBlank(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="line"/> (trimmed) is a page number: 1 to 4 digits or a Roman numeral up to 39, alone or in "- 7 -", "[7]", "Page 7", "p. 7", "7 of 12", "7/12"; or a line that ends or starts with one (1 to 3 digits) set off by a bar, a bullet or a wide gap ("Policy Brief | 7", "7    Policy Brief").</summary>
    internal static bool IsPageNumberLine(ReadOnlySpan<char> line)
    {
        line = Visible(line).Trim();
        if (IsPageNumber(line))
        {
            return true;
        }

        // "Policy Brief | 7", "Policy Brief      7", "7 • Policy Brief".
        int bar = line.LastIndexOfAny('|', '\u2022', '\t');
        int gap = line.LastIndexOf("   ", StringComparison.Ordinal);
        int last = Math.Max(bar, gap);
        if (last > 0 && IsNumber(line[(last + 1)..].Trim(), 3))
        {
            return true;
        }

        int first = line.IndexOfAny('|', '\u2022', '\t');
        int firstGap = line.IndexOf("   ", StringComparison.Ordinal);
        if (firstGap >= 0 && (first < 0 || firstGap < first))
        {
            first = firstGap;
        }

        return first > 0 && first < line.Length - 1 && IsNumber(line[..first].Trim(), 3);
    }

    private static bool IsPageNumber(ReadOnlySpan<char> line)
    {
        // Decorations around the number: "- 7 -", "— 7 —", "[7]", "(7)".
        line = line.Trim("-\u2013\u2014[]() ");
        if (line.StartsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            line = line[4..].TrimStart(". ");
        }
        else if (line.StartsWith("pg.", StringComparison.OrdinalIgnoreCase) || line.StartsWith("p.", StringComparison.OrdinalIgnoreCase))
        {
            line = line[(line.IndexOf('.') + 1)..].TrimStart(' ');
        }

        // "7 of 12", "7/12".
        int of = line.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        if (of > 0 && IsNumber(line[(of + 4)..].Trim(), 4))
        {
            line = line[..of];
        }
        else if (line.IndexOf('/') is > 0 and int slash && IsNumber(line[(slash + 1)..].Trim(), 4))
        {
            line = line[..slash];
        }

        line = line.Trim();
        return IsNumber(line, 4) || IsRoman(line);
    }

    /// <summary>1 to <paramref name="digits"/> ASCII digits.</summary>
    private static bool IsNumber(ReadOnlySpan<char> s, int digits) => s.Length > 0 && s.Length <= digits && !s.ContainsAnyExceptInRange('0', '9');

    /// <summary>A Roman numeral from 1 to 39 in one case: the front matter's page numbers ("iv", "XII").</summary>
    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 6 || (s.ContainsAnyExcept("ivx") && s.ContainsAnyExcept("IVX")))
        {
            return false;
        }

        Span<char> lower = stackalloc char[s.Length];
        s.ToLowerInvariant(lower);
        int tens = 0;
        while (tens < 3 && tens < lower.Length && lower[tens] == 'x')
        {
            tens++;
        }

        ReadOnlySpan<char> units = lower[tens..];
        return units.IsEmpty
            ? tens > 0
            : units is "i" or "ii" or "iii" or "iv" or "v" or "vi" or "vii" or "viii" or "ix";
    }

    /// <summary>A line's words as compared between pages: trimmed, lower case, each run of digits one '#', each run of white space one space.</summary>
    private static string Key(ReadOnlySpan<char> line)
    {
        var key = new System.Text.StringBuilder(line.Length);
        bool space = false;
        bool digit = false;
        foreach (char c in Visible(line).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                digit = false;
                continue;
            }

            if (space)
            {
                key.Append(' ');
                space = false;
            }

            if (char.IsAsciiDigit(c))
            {
                if (!digit)
                {
                    key.Append('#');
                }

                digit = true;
                continue;
            }

            digit = false;
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>The last line with a character other than white space that ends at or before <paramref name="end"/> and starts at or after <paramref name="floor"/>, trimmed; (-1, -1) if none.</summary>
    private static (int Start, int End) PreviousLine(string text, int floor, int end)
    {
        int last = end - 1;
        while (last >= floor && IsBlank(text[last]))
        {
            last--;
        }

        if (last < floor)
        {
            return (-1, -1);
        }

        int first = last;
        while (first > floor && !IsLineBreak(text[first - 1]))
        {
            first--;
        }

        while (IsBlank(text[first]))
        {
            first++;
        }

        return (first, last + 1);
    }

    /// <summary>The first line with a character other than white space that starts at or after <paramref name="start"/> and ends before <paramref name="ceiling"/>, trimmed; (-1, -1) if none.</summary>
    private static (int Start, int End) NextLine(string text, int start, int ceiling)
    {
        int first = start;
        while (first < ceiling && IsBlank(text[first]))
        {
            first++;
        }

        if (first >= ceiling)
        {
            return (-1, -1);
        }

        int last = first;
        while (last + 1 < ceiling && !IsLineBreak(text[last + 1]))
        {
            last++;
        }

        while (IsBlank(text[last]))
        {
            last--;
        }

        return (first, last + 1);
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>White space or an invisible character (<see cref="PolicyText.Internals.CharClass.IsInvisible"/>), which a line's reading leaves out.</summary>
    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || PolicyText.Internals.CharClass.IsInvisible(c);

    /// <summary><paramref name="line"/> without its invisible characters (rare: one scan says so).</summary>
    private static ReadOnlySpan<char> Visible(ReadOnlySpan<char> line)
    {
        if (!line.ContainsAny(Invisible))
        {
            return line;
        }

        var visible = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (!PolicyText.Internals.CharClass.IsInvisible(c))
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(PolicyText.Internals.CharClass.IsInvisible)]);

    private static bool IsBlank(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!IsBlank(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text before <paramref name="end"/> ends a sentence: its last character, past closing quotation marks and brackets, is terminal punctuation (. ! ? … : ;).</summary>
    private static bool EndsSentence(ReadOnlySpan<char> text, int end)
    {
        int i = end - 1;
        while (i > 0 && (text[i] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB' || IsBlank(text[i])))
        {
            i--;
        }

        return text[i] is '.' or '!' or '?' or '\u2026' or ':' or ';' or '\u3002' or '\uFF01' or '\uFF1F';
    }

    /// <summary>Whether the gap from <paramref name="start"/> to <paramref name="end"/> holds more than one line break (a blank line, or a line between).</summary>
    private static bool HasBlankLine(char[] text, int start, int end)
    {
        int lines = 0;
        for (int i = start; i < end; i++)
        {
            lines += PolicyText.Internals.CharClass.LineBreaks(text, i);
        }

        return lines > 1;
    }

    /// <summary>A line at a page's edge: the break it is next to, on which side, where, and its <see cref="Key"/>.</summary>
    private readonly record struct Edge(int Break, bool After, int Start, int End, string Key);
}
