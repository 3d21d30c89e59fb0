using System.Buffers;
using PolicyText.Internals;

namespace PolicyText.Text;

/// <summary>
/// Page numbers, running heads and running footers in text extracted from a PDF with its page
/// breaks kept as form feeds (pdftotext's default output), which a reader skips. Only the lines
/// at a page's edge are looked at: at most three before each page break and three after it, from
/// the break outward, stopping at the first that is not furniture. Such a line is furniture when
/// it is a page number ("7", "- 7 -", "Page 7 of 12", "vii", "Policy Brief | 7"), or stands at
/// two or more page breaks on the same side (the same words: a running head or footer; with other
/// digits, at the next page's break too), or, where a sentence runs on over the page, stands alone
/// between blank lines, short and without a sentence's end (a head or footer seen once). The
/// rule in full: docs/segmentation.md, *Page breaks*.
/// <para>
/// <see cref="Layout"/> gives the text with those lines blanked out (the same length, so every
/// offset is the source's), which the tokenizer and the segmenter then read: furniture is in no
/// token and in no sentence's reading. A page break with blank lines or furniture around it,
/// after page text that does not end a sentence, is read with them as one line break, so a
/// sentence that runs on over the page is one sentence.
/// </para>
/// </summary>
internal static class PageLayout
{
    /// <summary>How many lines at each edge of a page are looked at.</summary>
    private const int EdgeLines = 3;

    /// <summary>The longest line read as a running head or footer.</summary>
    private const int MaxFurnitureLength = 120;

    /// <summary>The longest line read as a head or foot from its place alone (<see cref="IsFurnitureShaped"/>).</summary>
    private const int MaxLooseLength = 80;

    /// <summary>What a run of digits is in a <see cref="Key"/> (a control character no line of text holds).</summary>
    private const char Digits = '\u0001';


    /// <summary>
    /// The text as the tokenizer should read it: <paramref name="text"/> with its page furniture
    /// blanked out, and each page break inside a sentence (with blank lines or furniture around
    /// it) made one line break; null when the text has no form feed or nothing was changed.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="furniture">The (start, end) of each furniture line (its characters but white space and invisible ones at its ends), in text order; null when the text has no form feed.</param>
    /// <returns>The text to tokenize, of the same length, or null to tokenize <paramref name="text"/> itself.</returns>
    public static string? Layout(string text, out IReadOnlyList<(int Start, int End)>? furniture)
    {
        furniture = null;
        int firstBreak = text.IndexOf('\f', StringComparison.Ordinal);
        if (firstBreak < 0)
        {
            return null;
        }

        var breaks = Breaks(text, firstBreak);
        var edges = Edges(text, breaks);
        int width = Width(text);
        var found = new List<(int Start, int End)>();
        for (int b = 0; b < breaks.Count; b++)
        {
            found.AddRange(Furniture(text, edges, b, width));
        }

        // A short page's line can be at the edge of two breaks: listed once.
        found.Sort();
        furniture = found.Distinct().ToList().AsReadOnly();
        var layout = text.ToCharArray();
        Blank(layout, furniture);
        bool changed = furniture.Count > 0;
        for (int b = 0; b < breaks.Count; b++)
        {
            changed |= JoinPages(layout, breaks, b, width);
        }

        return changed ? new string(layout) : null;
    }

    /// <summary>Blanks each span of <paramref name="furniture"/> in <paramref name="layout"/> to spaces (its white space, line breaks among it, left as it is), so the offsets stay the source's.</summary>
    internal static void Blank(char[] layout, IEnumerable<(int Start, int End)> furniture)
    {
        foreach (var (start, end) in furniture)
        {
            for (int i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(layout[i]))
                {
                    layout[i] = ' ';
                }
            }
        }
    }

    /// <summary>The page breaks: each run of form feeds with only white space between, as (first, last) form feed.</summary>
    private static List<(int First, int Last)> Breaks(string text, int firstBreak)
    {
        var breaks = new List<(int First, int Last)>();
        for (int f = firstBreak; f >= 0; f = text.IndexOf('\f', f + 1))
        {
            if (breaks.Count > 0 && IsBlank(text.AsSpan(breaks[^1].Last + 1, f - breaks[^1].Last - 1)))
            {
                breaks[^1] = (breaks[^1].First, f);
            }
            else
            {
                breaks.Add((f, f));
            }
        }

        return breaks;
    }

    /// <summary>The lines at each break's edges: before it (the foot of its page) and after it (the head of the next), each from the break outward.</summary>
    private static (List<Edge> Foot, List<Edge> Head)[] Edges(string text, List<(int First, int Last)> breaks)
    {
        var edges = new (List<Edge> Foot, List<Edge> Head)[breaks.Count];
        var seen = new Dictionary<(bool Head, string Key), HashSet<int>>();
        for (int b = 0; b < breaks.Count; b++)
        {
            int pageStart = b > 0 ? breaks[b - 1].Last + 1 : 0;
            int pageEnd = b + 1 < breaks.Count ? breaks[b + 1].First : text.Length;
            edges[b] = (Lines(text, b, false, pageStart, breaks[b].First), Lines(text, b, true, breaks[b].Last + 1, pageEnd));
            foreach (var e in edges[b].Foot.Concat(edges[b].Head))
            {
                if (!seen.TryGetValue((e.Head, e.Key), out var at))
                {
                    seen[(e.Head, e.Key)] = at = [];
                }

                at.Add(b);
            }
        }

        // A line repeats when its words stand at a nearby break on the same side, as a running
        // head does on every page or every other page (a heading at two pages apart does not);
        // when it holds digits (a page number in a running head), at the break before or after
        // ("Chapter 1" and "Chapter 2" at chapters' first pages apart do not). A line of digits
        // alone ("2024") is no running head: it is furniture only as a page number.
        foreach (var (foot, head) in edges)
        {
            foreach (var list in new[] { foot, head })
            {
                for (int k = 0; k < list.Count; k++)
                {
                    var e = list[k];
                    var at = seen[(e.Head, e.Key)];
                    bool repeats = e.Key.AsSpan().IndexOfAnyExcept(Digits, ' ') >= 0 && (e.Key.Contains(Digits, StringComparison.Ordinal)
                        ? at.Contains(e.Break - 1) || at.Contains(e.Break + 1)
                        : at.Contains(e.Break - 1) || at.Contains(e.Break + 1) || at.Contains(e.Break - 2) || at.Contains(e.Break + 2));
                    list[k] = e with { Repeats = repeats };
                }
            }
        }

        return edges;
    }

    /// <summary>Up to <see cref="EdgeLines"/> lines with something visible between the break and the page's other end, from the break outward.</summary>
    private static List<Edge> Lines(string text, int b, bool head, int pageStart, int pageEnd)
    {
        var lines = new List<Edge>(EdgeLines);
        int from = head ? pageStart : pageEnd;
        while (lines.Count < EdgeLines)
        {
            var (start, end) = head ? NextLine(text, from, pageEnd) : PreviousLine(text, pageStart, from);
            if (start < 0)
            {
                break;
            }

            // The page's only line is its text, however often its words recur ("word\fword\fword").
            bool alone = lines.Count == 0 && PreviousLine(text, pageStart, start).Start < 0 && NextLine(text, end, pageEnd).Start < 0;
            lines.Add(new Edge(b, head, start, end, Key(text.AsSpan(start, end - start)), alone, false));
            from = head ? end : start;
        }

        return lines;
    }

    /// <summary>The furniture lines at break <paramref name="b"/>'s edges, in a text whose lines are <paramref name="width"/> wide (<see cref="Width"/>).</summary>
    private static IEnumerable<(int Start, int End)> Furniture(string text, (List<Edge> Foot, List<Edge> Head)[] edges, int b, int width)
    {
        var (foot, head) = edges[b];
        int footLines = PageNumbersAndRepeats(text, foot);
        int headLines = PageNumbersAndRepeats(text, head);

        // A sentence that runs on over the page (the page's text does not end a sentence and the
        // next page's goes on in lower case, or with a number that does): the short lines standing
        // alone between them are the page's furniture too, also a head or foot seen at this break
        // only. Not a line that looks like wrapped text (Wrapped): the page's part of the sentence,
        // which must be found beyond the loose lines, or no line is blanked by this rule.
        int k = headLines;
        while (k < head.Count && !GoesOn(text, head[k]) && Loose(text, head[k], width))
        {
            k++;
        }

        if (k < head.Count && GoesOn(text, head[k]))
        {
            int f = footLines;
            while (f < foot.Count && Loose(text, foot[f], width))
            {
                f++;
            }

            // The page's part of the sentence: right above the break (or its page numbers and
            // repeats) it goes on when it does not end a sentence (";" and ":" do not), and before
            // lower case also after an abbreviation ("U.N."; not after a sentence, which a heading
            // at the next page's head may follow: "Findings", then "a) the police …"). Past loose
            // lines, only when it does not end a sentence, or ends a clause in ";": a paragraph
            // ends in "." or ":" (a salutation, "Dear colleagues:") and its last line is followed by
            // the next paragraph's first line, short in narrow text, which is then no foot.
            bool runsOn = f < foot.Count && (f == footLines
                ? !EndsSentence(text, foot[f].End, goesOn: true) || (OpensLower(text, head[k]) && EndsInAbbreviation(text, foot[f].End))
                : LastMark(text, foot[f].End) == ';' || !EndsSentence(text, foot[f].End));
            if (runsOn)
            {
                headLines = k;
                footLines = f;
            }
        }

        return foot.Take(footLines).Concat(head.Take(headLines)).Select(e => (e.Start, e.End));
    }

    /// <summary>A line that may stand between the two parts of a sentence that runs on: furniture-shaped (<see cref="IsFurnitureShaped"/>) or a page number ("© 2025 Human Rights Watch" above its page's number).</summary>
    private static bool Loose(string text, Edge edge, int width) =>
        IsFurnitureShaped(text, edge.Start, edge.End, width) || IsPageNumberLine(text.AsSpan(edge.Start, edge.End - edge.Start));

    /// <summary>How many of <paramref name="edge"/>'s lines, from the break outward, are page numbers or repeat at other breaks (not a line that ends a sentence, as a footnote does, nor a page's only line), before the first that is not.</summary>
    private static int PageNumbersAndRepeats(string text, List<Edge> edge)
    {
        int n = 0;
        while (n < edge.Count)
        {
            var e = edge[n];
            var line = text.AsSpan(e.Start, e.End - e.Start);
            bool repeated = e.Repeats && !e.Alone && line.Length <= MaxFurnitureLength && !EndsSentence(text, e.End);
            if (!repeated && !IsPageNumberLine(line))
            {
                break;
            }

            n++;
        }

        return n;
    }

    /// <summary>
    /// Makes break <paramref name="b"/> one line break when the page's text runs on over it: from
    /// the end of the page's text to the start of the next page's, LF, then the form feed (which
    /// the tokenizer does not count beside it, and across which it joins no hyphenated word), the
    /// rest spaces. Left as it is when there is no blank line (pdftotext's page end inside a
    /// paragraph is one line break already), when the page's text ends a sentence and the next
    /// page's does not start with a lower-case letter, or starts with a list item's marker (a paragraph may end there: the blank lines
    /// pdftotext writes at every page's foot cannot tell; but a clause ending in ";" or ":" before
    /// lower case goes on), when its last line stands alone, short and not like wrapped text, and
    /// the next page's text does not start in lower case past opening quotation marks and
    /// brackets, or starts with a list item's marker (a caption, heading or list item at the
    /// foot), or when either page holds no text.
    /// </summary>
    /// <returns>Whether the break was changed.</returns>
    private static bool JoinPages(char[] layout, List<(int First, int Last)> breaks, int b, int width)
    {
        int floor = b > 0 ? breaks[b - 1].Last + 1 : 0;
        int ceiling = b + 1 < breaks.Count ? breaks[b + 1].First : layout.Length;
        int before = breaks[b].First;
        while (before > floor && IsBlank(layout[before - 1]))
        {
            before--;
        }

        int after = breaks[b].Last + 1;
        while (after < ceiling && IsBlank(layout[after]))
        {
            after++;
        }

        // Before a lower-case letter the page's text goes on, whatever it ends with (a clause
        // ending in ";" or ":", an abbreviation: "… at the U.N." then "level in Geneva"): the
        // segmenter decides. (Not before a quotation or a list item's marker after a sentence's
        // end: "… the room." then "“we were beaten …”" or "a) the police …" opens a paragraph.)
        int opens = Math.Min(after, layout.Length - 1);
        var next = layout.AsSpan(opens, Math.Max(1, ceiling - opens));
        bool ends = (!char.IsLower(layout[opens]) || IsListMarker(next)) && EndsSentence(layout, before);
        if (before == floor || after == ceiling || CharClass.CountLineBreaks(layout.AsSpan(before, after - before)) < 2 || ends)
        {
            return false;
        }

        // A short last line standing alone (a heading, a caption) stays apart from the next
        // page's text unless that goes on in lower case, past opening quotation marks and
        // brackets ("what it calls", then "“inspection groups”"), and not as a list item ("(a)").
        var (start, end) = PreviousLine(layout, floor, before);
        if (!OpensLower(next) && IsFurnitureShaped(layout, start, end, width))
        {
            return false;
        }

        layout.AsSpan(before, after - before).Fill(' ');
        layout[before] = '\n';
        layout[before + 1] = '\f';
        return true;
    }

    /// <summary>Whether <paramref name="line"/> (trimmed) is a page number: 1 to 3 digits or a Roman numeral up to 39 alone, or in "- 7 -", "[7]", "Page 7", "p. 7", "7 of 12", "7/12" (there up to 4 digits); or a line that ends or starts with 1 to 3 digits set off by a bar, a bullet, a tab or a wide gap ("Policy Brief | 7", "7    Policy Brief").</summary>
    internal static bool IsPageNumberLine(ReadOnlySpan<char> line)
    {
        line = CharClass.VisibleLine(line).Trim();
        if (line.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            // A no-break or other wide space is a space here ("Page\u00A07\u00A0of\u00A012").
            line = string.Create(line.Length, line.ToString(), static (d, l) =>
            {
                for (int i = 0; i < l.Length; i++)
                {
                    d[i] = l[i] > '\u007F' && char.IsWhiteSpace(l[i]) ? ' ' : l[i];
                }
            });
        }

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
        bool marked = false;
        if (line.StartsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            line = line[4..].TrimStart(". ");
            marked = true;
        }
        else if (line.StartsWith("pg.", StringComparison.OrdinalIgnoreCase) || line.StartsWith("p.", StringComparison.OrdinalIgnoreCase))
        {
            line = line[(line.IndexOf('.') + 1)..].TrimStart(' ');
            marked = true;
        }

        // "7 of 12", "7/12": the page no later than the count ("24/7" and "2024/25" are not).
        int of = line.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        int split = of > 0 ? of : line.IndexOf('/');
        if (split > 0)
        {
            var page = line[..split].Trim();
            var count = line[(split + (of > 0 ? 4 : 1))..].Trim();
            return IsNumber(page, 4) && IsNumber(count, 4) && int.Parse(page, System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        }

        // A bare number of four digits is a year more often than a page.
        return IsNumber(line, marked ? 4 : 3) || IsRoman(line);
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

    /// <summary>A line's words as compared between pages: trimmed, lower case, each run of digits one <see cref="Digits"/>, each run of white space one space.</summary>
    private static string Key(ReadOnlySpan<char> line)
    {
        var key = new System.Text.StringBuilder(line.Length);
        bool space = false;
        bool digit = false;
        foreach (char c in CharClass.VisibleLine(line).Trim())
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
                    key.Append(Digits);
                }

                digit = true;
                continue;
            }

            digit = false;
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>Whether the line goes on with a sentence: its first character past opening quotation marks and brackets is a lower-case letter, or it opens with a number followed by a comma or a lower-case word ("2014, when", "3 million"; not "2.1 Background", "1. Fund", a page number).</summary>
    private static bool GoesOn(string text, Edge edge)
    {
        var line = CharClass.VisibleLine(text.AsSpan(edge.Start, edge.End - edge.Start));
        if (IsPageNumberLine(line))
        {
            // "ii" opens in lower case, but is a page's number.
            return false;
        }

        if (OpensLower(line))
        {
            return true;
        }

        int i = Opening(line);

        int digits = i;
        while (digits < line.Length && (char.IsAsciiDigit(line[digits]) || (line[digits] is ',' or '.' && digits + 1 < line.Length && char.IsAsciiDigit(line[digits + 1]))))
        {
            digits++;
        }

        return digits > i && digits < line.Length - 1
            && (line[digits] == ',' || (line[digits] == ' ' && char.IsLower(line[digits + 1])));
    }

    /// <summary>Whether the line's first character past opening quotation marks and brackets is a lower-case letter.</summary>
    private static bool OpensLower(string text, Edge edge) =>
        OpensLower(CharClass.VisibleLine(text.AsSpan(edge.Start, edge.End - edge.Start)));

    /// <summary>Whether <paramref name="line"/> opens in lower case past opening quotation marks and brackets, and not with a list item's marker (<c>a)</c>, <c>(iv)</c>, <c>b.</c>).</summary>
    private static bool OpensLower(ReadOnlySpan<char> line) => char.IsLower(line[Opening(line)]) && !IsListMarker(line);

    /// <summary>Whether <paramref name="line"/> (or a text from a line's start) opens with a list item's marker: one letter or a Roman numeral in lower case, then ")" (also in brackets, "(a)") or ".", then white space or a line's end (after "." no number, and after "v." no capital).</summary>
    private static bool IsListMarker(ReadOnlySpan<char> line)
    {
        bool bracket = line.Length > 0 && line[0] == '(';
        int from = bracket ? 1 : 0;
        int i = from;
        while (i < line.Length && i - from < 5 && char.IsAsciiLetterLower(line[i]))
        {
            i++;
        }

        var letters = line[from..i];
        bool marker = letters.Length == 1 || (letters.Length > 1 && !letters.ContainsAnyExcept("ivx"));
        if (!marker || i >= line.Length || !(line[i] == ')' || (!bracket && line[i] == '.')))
        {
            return false;
        }

        // Then white space or a line's end; after "b." not a number ("p. 14", "c. 1900"), and
        // after "v." not a capital ("v. Board of Education"): those are abbreviations.
        int next = i + 1;
        if (next == line.Length || CharClass.IsBreakCharacter(line[next]))
        {
            return true;
        }

        if (!IsBlank(line[next]))
        {
            return false;
        }

        while (next < line.Length && IsBlank(line[next]) && !CharClass.IsBreakCharacter(line[next]))
        {
            next++;
        }

        return line[i] == ')' || next == line.Length || CharClass.IsBreakCharacter(line[next])
            || (!char.IsDigit(line[next]) && !(letters is "v" && char.IsUpper(line[next])));
    }

    /// <summary>Whether the text before <paramref name="end"/> ends with an abbreviation's period, past closing quotation marks and brackets: an initialism ("U.N.", "e.g.", "Ph.D."; not "www.hrw.org." or "3.5.") or one of the shipped abbreviations ("approx.", "etc."; not one that is an abbreviation only before a number, "no.").</summary>
    private static bool EndsInAbbreviation(ReadOnlySpan<char> text, int end)
    {
        int last = LastMarkAt(text, end);
        if (last < 1 || text[last] != '.')
        {
            return false;
        }

        // The word: up to white space or a zero-width space (a soft hyphen or a joiner is inside it,
        // and left out).
        int start = last;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '\u200B')
        {
            start--;
        }

        // (Invisible characters left out, as everywhere a line is read.)
        var word = CharClass.VisibleLine(text[start..last]).TrimStart(Openers);
        int hyphen = word.LastIndexOfAny('-', '\u2010', '\u2011');
        if (hyphen >= 0)
        {
            // After a hyphen, as the tokenizer reads it: an initialism ("non-U.S.") or a listed
            // title in capitals ("ex-Gov."); "op-ed." and "next-gen." end a sentence.
            var part = word[(hyphen + 1)..];
            return part.Contains('.')
                ? TokenEnumerator.IsInitialism(part)
                : part.Length > 1 && char.IsUpper(part[0]) && Abbreviations.Default.Lookup(part) == AbbreviationKind.Prefix;
        }

        return word.Contains('.')
            ? TokenEnumerator.IsInitialism(word)
            : Abbreviations.Default.Lookup(word) is not (AbbreviationKind.None or AbbreviationKind.Number);
    }

    /// <summary>Where <paramref name="text"/> starts past opening quotation marks and brackets (at most at its last character).</summary>
    private static int Opening(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length - 1 && Openers.Contains(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Whether the line could be a head or foot: at most <see cref="MaxLooseLength"/> characters,
    /// not ending a sentence, alone between blank lines (or a page break, the text's edge or a page number), as
    /// pdftotext writes a block of its own, and not like a line of wrapped text: none that holds
    /// a sentence's end, ends in a comma or a function word ("… and the"), or is nearly as wide
    /// as the text's lines (four fifths of <paramref name="width"/>, and at least 40 characters).
    /// </summary>
    private static bool IsFurnitureShaped(ReadOnlySpan<char> text, int start, int end, int width)
    {
        if (start < 0 || EndsSentence(text, end) || !Apart(text, start, -1) || !Apart(text, end - 1, 1))
        {
            return false;
        }

        // (Invisible characters left out, as everywhere a line is read.)
        var line = CharClass.VisibleLine(text[start..end]);
        if (line.Length > MaxLooseLength)
        {
            return false;
        }

        if (line.Length >= Math.Max(40, width * 4 / 5) || line[^1] == ',' || line.IndexOfAny(SentenceEnds) >= 0)
        {
            return false;
        }

        int space = line.LastIndexOf(' ');
        return !FunctionWords.Contains(line[(space + 1)..].ToString().ToLowerInvariant());
    }

    // A sentence's end inside a line ("… failed. The talks …").
    private static readonly SearchValues<string> SentenceEnds = SearchValues.Create([". ", "! ", "? ", "; "], StringComparison.Ordinal);

    // Words that end a wrapped line and never a heading, a caption or a footer.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "that", "which", "who",
        "is", "are", "was", "were", "be", "been", "as", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
        "not", "no", "will", "would", "should", "must", "can", "could", "may", "might", "than", "if", "when", "while", "into", "it",
    };

    /// <summary>The text's line width: the longest line of at most <see cref="MaxFurnitureLength"/> characters, invisible ones left out (a paragraph written as one line is no wrapped line).</summary>
    private static int Width(string text)
    {
        int width = 0;
        int length = 0;
        foreach (char c in text)
        {
            if (CharClass.IsBreakCharacter(c))
            {
                width = length <= MaxFurnitureLength ? Math.Max(width, length) : width;
                length = 0;
            }
            else if (!CharClass.IsInvisible(c))
            {
                length++;
            }
        }

        return length <= MaxFurnitureLength ? Math.Max(width, length) : width;
    }

    /// <summary>Whether a blank line, a page break, the text's edge or a page number's line (<see cref="IsPageNumberLine"/>) lies next to position <paramref name="from"/>, before it (<paramref name="step"/> −1) or after it (+1), with nothing visible between.</summary>
    private static bool Apart(ReadOnlySpan<char> text, int from, int step)
    {
        int breaks = 0;
        for (int i = from + step; (uint)i < (uint)text.Length; i += step)
        {
            char c = text[i];
            breaks += CharClass.LineBreaks(text, i);
            if (c == '\f' || breaks >= 2)
            {
                return true;
            }

            if (!IsBlank(c))
            {
                // The next line is a page number ("© 2025 Human Rights Watch", then "7"): a block of its own.
                return breaks == 1 && IsPageNumberLine(LineAround(text, i));
            }
        }

        return true;
    }

    /// <summary>The line (between line breaks) that holds position <paramref name="i"/>.</summary>
    private static ReadOnlySpan<char> LineAround(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (start > 0 && !CharClass.IsBreakCharacter(text[start - 1]))
        {
            start--;
        }

        int end = i;
        while (end < text.Length && !CharClass.IsBreakCharacter(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The last line with something visible that ends at or before <paramref name="end"/> and starts at or after <paramref name="floor"/>, trimmed; (-1, -1) if none.</summary>
    private static (int Start, int End) PreviousLine(ReadOnlySpan<char> text, int floor, int end)
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
        while (first > floor && !CharClass.IsBreakCharacter(text[first - 1]))
        {
            first--;
        }

        while (IsBlank(text[first]))
        {
            first++;
        }

        return (first, last + 1);
    }

    /// <summary>The first line with something visible that starts at or after <paramref name="start"/> and ends before <paramref name="ceiling"/>, trimmed; (-1, -1) if none.</summary>
    private static (int Start, int End) NextLine(ReadOnlySpan<char> text, int start, int ceiling)
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
        while (last + 1 < ceiling && !CharClass.IsBreakCharacter(text[last + 1]))
        {
            last++;
        }

        while (IsBlank(text[last]))
        {
            last--;
        }

        return (first, last + 1);
    }

    /// <summary>White space or an invisible character (<see cref="CharClass.IsSeparator"/>), which a line's reading leaves out.</summary>
    private static bool IsBlank(char c) => CharClass.IsSeparator(c);

    private static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!IsBlank(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text before <paramref name="end"/> ends a sentence: its last character, past closing quotation marks, brackets and invisible characters, is terminal punctuation (. ! ? … : ;).</summary>
    /// <param name="text">The text.</param>
    /// <param name="end">The end of the text read.</param>
    /// <param name="goesOn">Whether the text after it goes on in lower case: then ";" and ":" end no sentence.</param>
    private static bool EndsSentence(ReadOnlySpan<char> text, int end, bool goesOn = false) =>
        LastMark(text, end) is var c && (c is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F' || (!goesOn && c is ':' or ';'));

    /// <summary>The last character before <paramref name="end"/> past closing quotation marks, brackets and blanks (on the same line), or NUL.</summary>
    private static char LastMark(ReadOnlySpan<char> text, int end) => LastMarkAt(text, end) is int i and >= 0 ? text[i] : '\0';

    /// <summary>Where <see cref="LastMark"/> finds its character, or -1.</summary>
    internal static int LastMarkAt(ReadOnlySpan<char> text, int end)
    {
        int i = end - 1;
        while (i > 0 && !CharClass.IsBreakCharacter(text[i]) && (Closers.Contains(text[i]) || IsBlank(text[i])))
        {
            i--;
        }

        return i;
    }

    // Quotation marks and brackets that open a quotation or an aside, and that close one.
    private const string Openers = "\"'\u201C\u2018([\u00AB";
    internal const string Closers = "\"'\u201D\u2019)]\u00BB";

    /// <summary>A line at a page's edge: the break it is next to, on which side, where, its <see cref="Key"/>, whether it is its page's only line, and whether it repeats at other breaks.</summary>
    private readonly record struct Edge(int Break, bool Head, int Start, int End, string Key, bool Alone, bool Repeats);
}
