using System.Buffers;
using System.Text.RegularExpressions;
using PolicyText.Text;

namespace PolicyText.Tagging;

/// <summary>
/// The voice of the organisation that issues a press release. A release speaks in the third
/// person ("…, Rights Watchers International said today", "\"…,\" said Ana Lopez, Asia director at
/// Rights Watchers International"), but the organisation is its author, so what it and its own
/// staff say in it is the author's stance, not a report of someone else's (docs/codebook.md,
/// rule 1; docs/tagging.md, *Attribution*). A document is read as a release only when it has
/// both a release's mark on a line of its own ("FOR IMMEDIATE RELEASE", "Press release",
/// "Joint statement", "Notes to editors", "Media contact: …", "Press office: …", "Embargoed until
/// …", "Contact: …", "About the …", "###", "-ENDS-") and a name that opens its lede ("… said
/// today", "… today called on", "… said on Tuesday", "… said in a statement", "…, the X Trust
/// said.", "A report published today by X", "In a statement issued today, X urged"); that name is
/// the issuer. With a lede other than "said today", a "Contact: …" line or an "About" heading
/// (which newsletters and reports have too) makes a release only when the heading, or the contact
/// line, names the issuer.
/// <para>
/// A reporting word then speaks in the issuer's voice when its subject, right before it, is the
/// issuer's name (or its last two or more words, or the abbreviation in brackets after it),
/// "the group", "the organisation" ("organization"), "the coalition" or "the charity", or a
/// person the release introduces as the issuer's ("Ana Lopez, Asia director at Rights Watchers
/// International"; her full name or surname), with "also" between or not and no "of", "by",
/// "to" … before it ("critics of Rights Watchers International say" reports); or when such a
/// name follows it ("said the group", "said Lopez", "according to Rights Watchers
/// International").
/// </para>
/// </summary>
internal sealed class IssuerVoice
{
    /// <summary>The lines that mark a press release, whole (trimmed, case aside).</summary>
    private static readonly string[] Marks =
    [
        "for immediate release", "immediate release", "press release", "news release", "media release",
        "press statement", "media statement", "joint statement",
        "-ends-", "- ends -", "ends", "###", "-30-",
    ];

    /// <summary>
    /// The openings of lines that mark a press release (case aside), on a line of up to
    /// <see cref="MaxOpeningLine"/> characters: a contact line holds names, telephone numbers and
    /// addresses. The opening is followed by ":", "-", a dash, "," or the end of the line
    /// ("Media contacts: …", "For media enquiries, please contact …"), or by anything when it ends
    /// with ":" or a space or is "For more information, please contact" and the like. Those of
    /// <see cref="WeakOpenings"/> are weak marks.
    /// </summary>
    private static readonly string[] MarkOpenings =
    [
        "notes to editors", "note to editors", "notes for editors", "editor's note:", "editors' note:",
        "media contact", "press contact", "media enquiries", "media inquiries", "press enquiries", "press inquiries",
        "for media enquiries", "for media inquiries", "for press enquiries", "for press inquiries",
        "press office:", "media:", "embargoed until ", "embargoed to ",
        "for more information, please contact", "for further information, please contact", "for more information contact",
        "contact:", "contacts:",
    ];

    /// <summary>
    /// Openings of lines that other documents have too (<see cref="MarkKind.Weak"/>): a
    /// newsletter or a report ends with "Contact: …", an op-ed opens with "Editor's note: …", a news
    /// report credits "Media: …", a speech is "Embargoed until delivery".
    /// </summary>
    private static readonly string[] WeakOpenings =
    [
        "contact:", "contacts:", "editor's note:", "editors' note:", "media:", "embargoed until ", "embargoed to ",
    ];

    /// <summary>
    /// Words for a body that head a release's boilerplate about its issuer without its name
    /// ("About the coalition", "About the organisations"): kinds of body, not "About the
    /// author" nor "About the report".
    /// </summary>
    private static readonly string[] AboutKinds =
    [
        "group", "groups", "organisation", "organisations", "organization", "organizations", "coalition", "charity",
        "network", "alliance", "trust", "foundation", "institute", "centre", "center", "association", "federation",
        "council", "union", "campaign", "society", "league", "forum", "movement", "partnership", "signatories",
    ];

    /// <summary>What a line of a release's mark is.</summary>
    private enum MarkKind
    {
        /// <summary>Not a mark.</summary>
        None,

        /// <summary>A release's own mark: "FOR IMMEDIATE RELEASE", "###", "Media contact: …", "Notes to editors".</summary>
        Strong,

        /// <summary>"Contact: …", "Media: …", "Editor's note: …", "Embargoed until …": other documents have them too.</summary>
        Weak,

        /// <summary>An "About …" heading: newsletters and think tanks have one too.</summary>
        About,
    }

    /// <summary>What a release calls its issuer once named.</summary>
    private static readonly string[][] Generic =
    [
        ["the", "group"], ["the", "organisation"], ["the", "organization"], ["the", "coalition"], ["the", "charity"],
    ];

    /// <summary>
    /// The last words of an organisation's name by which a release also calls it ("the network"
    /// for the Euphrates Water Engineers Network). Words that also name public bodies ("council",
    /// "committee", "commission", "agency", "union", "fund", "monitor") or other things ("project",
    /// "campaign") are left out: "the council" in a release may be the Security Council, "the
    /// Fund" the IMF.
    /// </summary>
    private static readonly string[] Kinds =
    [
        "network", "alliance", "trust", "foundation", "institute", "centre", "center", "association", "federation",
        "initiative", "society", "league", "forum", "movement", "partnership",
    ];

    /// <summary>Words that open a clause before a lede's subject, not a name: a name that opens with one or follows one is refused ("As Washington and Brussels are calling on …", "While the Agency is urging …", "Even as Germany and France are calling on …", "Now that the …").</summary>
    private static readonly string[] Subordinators =
    [
        "as", "while", "when", "whilst", "although", "though", "after", "before", "since", "if", "unless", "until", "because",
        "once", "following", "despite", "amid", "with", "that", "which", "whom",
    ];

    /// <summary>Whether token <paramref name="k"/> is a word of <see cref="Subordinators"/>.</summary>
    private static bool IsSubordinator(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k) =>
        k >= 0 && tokens[k].Kind == TokenKind.Word && Array.IndexOf(Subordinators, tokens[k].GetWord(normalized).ToString()) >= 0;

    /// <summary>Words that make the name after them an object, not the subject ("critics of …").</summary>
    private static readonly string[] Objects = ["of", "in", "by", "about", "to", "with", "from", "for", "on", "at", "against", "than"];

    /// <summary>Reporting words that open a release's lede with "today" before or after them ("… today called on", "… urged today").</summary>
    private static readonly string[] LedeVerbs =
    [
        "said", "called", "urged", "warned", "welcomed", "condemned", "demanded", "asked", "appealed", "criticised",
        "criticized", "published", "released", "launched", "announced", "rejected", "reiterated", "issued",
        "praised", "commended", "applauded", "hailed", "denounced", "deplored", "decried", "saluted", "lauded", "slammed",
        "lamented", "regretted",
    ];

    /// <summary>
    /// Words of a state's offices, titles, bodies and forces: a name with one of them ("the Ministry
    /// of Interior today announced", "…, Foreign Minister Kestutis Budrys said.", "The European
    /// Union on Monday announced", "The Rapid Support Forces said in a statement") is not taken for the issuer
    /// from the other ledes than "said today": in an NGO's release it is the government the
    /// release answers, in a news report a person it quotes.
    /// </summary>
    private static readonly string[] StateWords =
    [
        "ministry", "ministries", "minister", "ministers", "government", "president", "senator", "secretary", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "department", "parliament", "congress", "council", "commission", "committee",
        "rapporteur", "states", "nations", "kingdom", "republic", "european", "authorities", "embassy", "office",
        "court", "military", "army", "forces", "junta", "regime", "administration", "kremlin", "police",
        "senators", "treasury", "commissioner", "chancellor", "governor", "mayor", "monetary", "authority", "congressional",
        "corps", "guard", "intelligence", "federal", "university", "programme", "agency", "inspectorate", "ombudsman",
        "inspector", "ombudsperson", "auditor", "regulatory", "regulator", "tribunal",
    ];

    /// <summary>How far into a release (in characters) a name that "said." at a sentence's end can be its issuer: the lede, not a ministry quoted further down.</summary>
    private const int LedeReach = 1000;

    /// <summary>Words that cannot be a name that "said today".</summary>
    private static readonly string[] Pronouns = ["it", "he", "she", "they", "we", "i", "this", "that", "officials", "police"];

    /// <summary>Each name of the issuer and of its people, as normalized words.</summary>
    private readonly List<string[]> _names;

    /// <summary>Where the release's lede ("said today", "today called", …) is: what comes before it is the release's headline.</summary>
    private readonly int _lede;

    /// <summary>The release's mark lines, as (start, end) offsets into the text.</summary>
    private readonly List<(int Start, int End)> _marks;

    private IssuerVoice(List<string[]> names, int lede, List<(int Start, int End)> marks)
    {
        _names = names;
        _lede = lede;
        _marks = marks;
    }

    /// <summary>The last words of the subject of a release's headline ("…, aid group warns", "Health charity urges …") that name the issuer by its kind.</summary>
    private static readonly string[] HeadlineKinds =
    [
        "group", "coalition", "network", "charity", "alliance", "organisation", "organization", "ngo", "trust",
        "foundation", "institute", "watchdog", "campaigners", "advocates",
    ];

    /// <summary>The names the issuer is known by (for tests and evidence).</summary>
    internal IReadOnlyList<string> Names => [.. _names.Select(n => string.Join(' ', n))];

    /// <summary>The issuer's voice in <paramref name="document"/>, or null when it is not a press release with a name that opens its lede (almost every document: one pass over its lines finds no mark and turns it away).</summary>
    /// <param name="document">The document.</param>
    /// <param name="normalized">Its normalized text (<see cref="TextDocument.NormalizedSpan"/>).</param>
    internal static IssuerVoice? Find(TextDocument document, ReadOnlySpan<char> normalized)
    {
        var text = document.Text.AsSpan();
        if (MarkLines(text) is not { } marks || IsNewsStory(text))
        {
            return null;
        }

        var tokens = document.Tokens;
        // The words of each "About" heading, letters and digits only, lower case (AboutKey): one of
        // them may name a one-word issuer ("About Humanara") or the issuer of a release with only
        // weak marks (AboutNames).
        var abouts = new List<string>();
        var stateAbouts = new List<string>();
        foreach (var (start, end, markKind) in marks)
        {
            if (markKind == MarkKind.About)
            {
                abouts.Add(AboutKey(text[start..end]));
                if (AboutsAStateBody(text[start..end]))
                {
                    stateAbouts.Add(abouts[^1]);
                }
            }
        }

        List<string[]>? names = null;
        int lede = 0;
        bool strict = false;
        // "… said today" first, anywhere; the other ledes only in a release without one, so that
        // "The Ministry of Interior today announced …" above it does not take its place. The ledes
        // that name the issuer after their reporting word ("published today by X", "“…,” said the
        // X today") and a person's role at it ("Ana Lopez, director of X, said today") are read in
        // the release's first sentence before the other ledes, elsewhere only without any other,
        // so that a body the release cites ("Data released today by the World Bank show …",
        // "The World Health Organization has warned …") is not taken for its issuer. (Reading
        // them before "said today" too was tried and reverted: a release that opens by citing a
        // report "published today by" another body, or its quotation or role, and says "X said
        // today" below, is more often the later name's; docs/evaluation.md, *Press releases*.)
        // The release's first sentence (its lede, as a rule): the first that ends like a sentence
        // and is not a mark line; a headline does not.
        var (bodyFrom, bodyTo) = FirstSentence(document, marks);
        for (int pass = 0; pass < 4 && (names is null || names.Count == 0); pass++)
        {
            strict = pass > 0;
            int from = pass == 1 ? bodyFrom : 1;
            int to = pass == 1 ? bodyTo : tokens.Length - 1;
            for (int k = Math.Max(1, from); k < to && k + 1 < tokens.Length; k++)
            {
                if (pass is 0 or 2 && (pass == 0 ? SaidToday(normalized, tokens, k) : IsLede(text, normalized, tokens, k)))
                {
                    AddIssuer(text, normalized, tokens, k, names ??= [], strict, abouts);
                }
                else if (pass is 1 or 3)
                {
                    // A person's role at the body ("Ana Lopez, director of the X, said today"), or
                    // the name after the reporting word (the token after the name): in the first
                    // sentence before the other ledes, elsewhere after them.
                    if (SaidToday(normalized, tokens, k) || IsLede(text, normalized, tokens, k))
                    {
                        AddIssuer(text, normalized, tokens, k, names ??= [], strict, abouts, role: true);
                    }

                    if ((names is null || names.Count == 0) && NameAfterLede(text, normalized, tokens, k) is var after and > 0
                        && (pass == 3 || !PastPassive(text, normalized, tokens, k, after)))
                    {
                        AddIssuer(text, normalized, tokens, after, names ??= [], strict, abouts, afterObject: true);
                    }
                }

                if (names is { Count: > 0 })
                {
                    lede = tokens[k].Start;
                    break;
                }
            }
        }

        if (names is null || names.Count == 0)
        {
            return null;
        }

        // "About the Ministry", "About the Commission": a state body's own statement, whose lede
        // it refuses (a state's body); no NGO it cites is its issuer. An NGO's own heading names
        // it ("About the Merovian Commission of Jurists", "About the council" for the Ecumenical
        // Council for Justice).
        if (stateAbouts.Exists(key => !AboutNames(key, names)))
        {
            return null;
        }

        // "The CSCA said today …": the name the abbreviation stands for, where the text gives it
        // ("the Centre for Supply Chain Accountability (CSCA)"); the other ledes look for it
        // themselves (AddIssuer).
        if (!strict && (names[0].Length == 1 || (names[0].Length == 2 && names[0][0] == "the")))
        {
            AddSpelledOut(text, normalized, tokens, names[0][^1], names);
        }

        // A newsletter or a report that ends with "Contact: …" or "About <its publisher>" and
        // quotes "…, the Salween Relief Coalition said on Thursday." is not the coalition's
        // release: with the other ledes, weak marks make a release only with an About heading
        // that names the issuer.
        if (strict && !marks.Exists(m => m.Kind == MarkKind.Strong) && !abouts.Exists(key => AboutNames(key, names)) && !AContactNames(text, marks, names))
        {
            return null;
        }

        names.AddRange(Generic);
        // "The network said …" in the Euphrates Water Engineers Network's release.
        var kind = names[0][^1];
        if (Array.IndexOf(Kinds, kind) >= 0)
        {
            names.Add(["the", kind]);
        }

        // "The foundation said …" in the Lantern Foundation for Civil Liberties' release: the
        // kind of body that heads the name, before its first "for", "of", "on" or "against".
        // Not when the text names another body of that kind ("the Halvorsen Foundation" in the
        // Foundation for Press Freedom's release): "the foundation" may then be the other.
        int head = Array.FindIndex(names[0], 1, w => w is "for" or "of" or "on" or "against") - 1;
        if (head >= 0 && names[0][head] != kind && Array.IndexOf(Kinds, names[0][head]) >= 0 && NoOtherOfKind(text, normalized, tokens, names[0], head))
        {
            names.Add(["the", names[0][head]]);
        }

        // Its people are those with a role at any of its names ("director of the network").
        var bodies = names.ToList();
        AddPeople(text, normalized, tokens, bodies, names);
        return new IssuerVoice(names, lede, [.. marks.Select(m => (m.Start, m.End))]);
    }

    /// <summary>
    /// Whether a "Contact: …" line among <paramref name="marks"/> names the issuer by one of its
    /// names of two or more words ("Contact: Leena Baig, Meridian Humanitarian Monitor, +32 …"):
    /// the name's words (letters and digits, "the" aside) in a row among the line's words (the
    /// same, case aside), not inside an address ("news@salweenrelief.org",
    /// "https://salween-relief-coalition.org") and not after or before another capitalised word,
    /// which would make it part of another body's name ("Global Relief Coalition" for the Relief
    /// Coalition, "Policy Forum Review" for the Policy Forum).
    /// A release's press contact works for its issuer, a newsletter's or a reporter's for someone else.
    /// </summary>
    private static bool AContactNames(ReadOnlySpan<char> text, List<(int Start, int End, MarkKind Kind)> marks, List<string[]> names)
    {
        foreach (var (start, end, kind) in marks)
        {
            var line = text[start..end].Trim();
            if (kind != MarkKind.Weak || !line.StartsWith("contact", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var words = Words(line);
            foreach (var issuerName in names)
            {
                var name = Words(string.Join(' ', issuerName)).Select(w => w.Text).ToList();
                if (name.Count < 2)
                {
                    continue;
                }

                for (int i = 0; i + name.Count <= words.Count; i++)
                {
                    bool same = true;
                    for (int n = 0; n < name.Count && same; n++)
                    {
                        same = words[i + n].Text == name[n];
                    }

                    // The contact's name is the issuer's, not longer ("Policy Forum Review").
                    int last = i + name.Count - 1;
                    if (same && (i == 0 || !words[i - 1].Capitalised || line[words[i - 1].End..words[i].Start].ContainsAny(",:(;"))
                        && (last + 1 == words.Count || !words[last + 1].Capitalised || line[words[last].End..words[last + 1].Start].ContainsAny(",:();")))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The words of <paramref name="line"/> outside addresses (e-mail and web: with "@", "/" or "www."): runs of letters and digits, lower case, with where they end and whether they were capitalised; "the" left out.</summary>
    private static List<(string Text, int Start, int End, bool Capitalised)> Words(ReadOnlySpan<char> line)
    {
        var words = new List<(string Text, int Start, int End, bool Capitalised)>();
        int i = 0;
        while (i < line.Length)
        {
            // Skip a whole address, up to the next white space.
            int chunk = i;
            while (chunk < line.Length && !char.IsWhiteSpace(line[chunk]))
            {
                chunk++;
            }

            var piece = line[i..chunk];
            if (piece.Contains('@') || piece.Contains('/') || piece.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                i = chunk;
                while (i < line.Length && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                continue;
            }

            while (i < chunk && !char.IsLetterOrDigit(line[i]))
            {
                i++;
            }

            int from = i;
            while (i < chunk && char.IsLetterOrDigit(line[i]))
            {
                i++;
            }

            if (i > from)
            {
                var word = line[from..i].ToString().ToLowerInvariant();
                if (word != "the")
                {
                    words.Add((word, from, i, char.IsUpper(line[from])));
                }
            }

            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
        }

        return words;
    }

    /// <summary>
    /// Whether an "About" heading names the issuer: its words after "About" and "the" (<paramref name="key"/>,
    /// <see cref="AboutKey"/>), letters and digits compared case aside, open with one of the
    /// issuer's names ("About the Zagros Justice Centre (ZJC)", "About ZJC"), or are a kind of body
    /// its name holds or a generic one ("About the coalition", "About the organisations").
    /// </summary>
    private static bool AboutNames(string key, List<string[]> names)
    {
        var kind = key.EndsWith('s') ? key[..^1] : key;
        if (Array.IndexOf(names[0], kind) >= 0 || kind is "group" or "organisation" or "organization" or "signatorie" or "signatory")
        {
            return true;
        }

        foreach (var words in names)
        {
            var name = Key(string.Concat(words));
            if (name.Length > 0 && key.StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tokens (from, to) of the document's first sentence that ends like a sentence (a full stop, "!" or "?" before any closing quotation marks or brackets) and lies on no mark line, or (0, 0).</summary>
    private static (int From, int To) FirstSentence(TextDocument document, List<(int Start, int End, MarkKind Kind)> marks)
    {
        var text = document.Text.AsSpan();
        foreach (var sentence in document.Sentences)
        {
            var span = sentence.GetText(text).TrimEnd().TrimEnd("\"'\u201D\u2019)]");
            if (span.IsEmpty || span[^1] is not ('.' or '!' or '?') || marks.Exists(m => m.Start <= sentence.Start && sentence.End <= m.End))
            {
                continue;
            }

            return (sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
        }

        return (0, 0);
    }

    /// <summary>Whether the lede at token <paramref name="k"/> is a passive whose verb after the name (token <paramref name="after"/>) is not in the present tense ("An investigation published on Sunday by the New York Times found …": a report the release cites, not its own).</summary>
    private static bool PastPassive(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k, int after)
    {
        if (Array.IndexOf(PassiveLedeVerbs, tokens[k].GetWord(normalized).ToString()) < 0)
        {
            return false;
        }

        var verb = tokens[after].GetWord(normalized);
        return tokens[after].Kind != TokenKind.Word || !char.IsLower(text[tokens[after].Start]) || !verb.EndsWith('s') || verb is "was" or "has" or "is";
    }

    /// <summary>Whether the capitalised words (with <see cref="IsNameConnective"/>'s words) right before token <paramref name="at"/> ("in") hold a word of a body (<see cref="BodyWords"/>): "The Coalition for Justice in Maraveth", not "The Minister in Kabul" nor "Protesters in Tehran".</summary>
    private static bool BodyBefore(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int at)
    {
        for (int k = at - 1; k >= 0 && k >= at - 8 && tokens[k].Kind == TokenKind.Word; k--)
        {
            var word = tokens[k].GetWord(normalized);
            if (!char.IsUpper(text[tokens[k].Start]) && !IsNameConnective(word))
            {
                return false;
            }

            if (Array.IndexOf(BodyWords, word.ToString()) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no other body's name in the text holds <paramref name="name"/>[<paramref name="head"/>] ("Foundation"): every capitalised one with a capitalised word before it or a name after it is that word of the name itself.</summary>
    private static bool NoOtherOfKind(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, string[] name, int head)
    {
        var kind = name[head];
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || !char.IsUpper(text[tokens[t].Start]) || !tokens[t].GetWord(normalized).SequenceEqual(kind))
            {
                continue;
            }

            // The issuer's name at this place, its "the" aside.
            int skip = name[0] == "the" ? 1 : 0;
            int start = t - head + skip;
            bool inName = start >= 0 && start + name.Length - skip <= tokens.Length;
            for (int w = skip; inName && w < name.Length; w++)
            {
                inName = tokens[start + w - skip].GetWord(normalized).SequenceEqual(name[w]);
            }

            // Another body's name holds it: a capitalised word before it ("the Halvorsen
            // Foundation"), or a name after it ("a Foundation for Open Courts"). The issuer's own
            // words before it ("the Lantern Foundation", "LANTERN FOUNDATION"), a determiner ("A
            // Foundation spokesperson") or a word on the line above are not another name; nor is
            // its own name after it ("Foundation for Civil …").
            bool named = (t > 0 && tokens[t - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[t - 1].Start])
                    && !text[tokens[t - 1].End..tokens[t].Start].ContainsAny('\n', '\r')
                    && tokens[t - 1].GetWord(normalized).ToString() is var before
                    && before is not ("the" or "a" or "an" or "this" or "that" or "our" or "its" or "their") && Array.IndexOf(name, before) < 0)
                || (t + 2 < tokens.Length && tokens[t + 1].GetWord(normalized) is "for" or "of" or "on" or "against" && char.IsUpper(text[tokens[t + 2].Start])
                    && !(head + 2 < name.Length && tokens[t + 2].GetWord(normalized).SequenceEqual(name[head + 2])));
            if (!inName && named)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether an "About" heading names a state's body: a word of <see cref="StateWords"/> and not
    /// a body of civil society (<see cref="IsCivilBody"/>), or <see cref="HoldsStatePair"/>
    /// ("About the Ministry", "About the Commission", "About the U.S. Department of State"). Such
    /// a heading takes the issuer away unless it names it (an NGO whose name holds the word).
    /// </summary>
    private static bool AboutsAStateBody(ReadOnlySpan<char> line)
    {
        var words = new List<string>();
        foreach (var word in line.Trim()[6..].ToString().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word.Trim('(', ')', '.', ',', ':'));
        }

        return (words.Exists(w => Array.IndexOf(StateWords, w) >= 0) && !IsCivilBody(words)) || HoldsStatePair(words);
    }

    /// <summary>The letters and digits of an "About" heading's words after "About" and "the", lower case.</summary>
    private static string AboutKey(ReadOnlySpan<char> line)
    {
        var heading = line.Trim()[6..].Trim();
        if (heading.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            heading = heading[4..].TrimStart();
        }

        return Key(heading);
    }

    /// <summary>The letters and digits of <paramref name="words"/>, lower case.</summary>
    private static string Key(ReadOnlySpan<char> words)
    {
        var key = new System.Text.StringBuilder(words.Length);
        foreach (var c in words)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// Whether token <paramref name="i"/> is a reporting word of <see cref="LedeVerbs"/>, or an
    /// adverb in "-ly" (in lower case, five letters or more) right before one ("… today strongly
    /// condemned", "… has warmly welcomed", "… on Monday sharply criticised"; not "Italy").
    /// </summary>
    private static bool LedeVerbAt(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int i)
    {
        if (i >= tokens.Length || tokens[i].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = tokens[i].GetWord(normalized);
        if (Array.IndexOf(LedeVerbs, word.ToString()) >= 0)
        {
            return true;
        }

        return IsLyAdverb(text, normalized, tokens[i]) && i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word
            && Array.IndexOf(LedeVerbs, tokens[i + 1].GetWord(normalized).ToString()) >= 0;
    }

    /// <summary>
    /// Whether <paramref name="token"/> is a word in "-ly" of five letters or more, in lower case:
    /// an adverb ("strongly", "warmly"; not "Italy" nor "July", nor the nouns of
    /// <see cref="LyNouns"/>: "the Lopez family welcomed" is no adverb's).
    /// </summary>
    private static bool IsLyAdverb(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, Token token)
    {
        var word = token.GetWord(normalized);
        return token.Kind == TokenKind.Word && word.Length >= 5 && word.EndsWith("ly") && char.IsLower(text[token.Start])
            && Array.IndexOf(LyNouns, word.ToString()) < 0;
    }

    /// <summary>Nouns in "-ly" that may stand before a reporting word ("the family welcomed", "the assembly rejected").</summary>
    private static readonly string[] LyNouns = ["family", "assembly", "rally", "supply", "monopoly", "anomaly", "homily", "butterfly"];

    /// <summary>Whether token <paramref name="k"/> is "said" before "today", the lede that names a release's issuer first: the name right before it.</summary>
    private static bool SaidToday(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k) =>
        tokens[k].Kind == TokenKind.Word && tokens[k + 1].Kind == TokenKind.Word
        && tokens[k].GetWord(normalized) is "said" && tokens[k + 1].GetWord(normalized) is "today";

    /// <summary>
    /// Whether token <paramref name="k"/> opens one of the other ledes, read only in a release
    /// without "said today" (<see cref="SaidToday"/>), in lower case (a headline's "Network
    /// Welcomes" is none): "today" and a reporting word ("… today called on"), a reporting word
    /// and "today" ("… urged today"), or, in the first <see cref="LedeReach"/> characters, a day
    /// of the week and a reporting word ("… on Friday called on", "… said on Tuesday"), "has" or
    /// "have" and a reporting word ("… has called on"), below the first line a reporting word in
    /// the present tense or "is" or "are" and one in the progressive ("… is calling on"), "said in
    /// a statement" ("in a report", "in a joint statement", …), a reporting word after a clause
    /// that says what the name said in (<see cref="AfterStatementClause"/>), or "said" or "says"
    /// ending a sentence after a comma and at most eight words ("…, the Northern Lights Prisoner
    /// Monitor said."); the speaker of a quotation is refused with the name ("…,” Lopez said on
    /// Tuesday.": <see cref="AddIssuer"/>). The ledes that name the issuer after the reporting
    /// word are <see cref="NameAfterLede"/>'s.
    /// </summary>
    private static bool IsLede(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k)
    {
        if (tokens[k].Kind != TokenKind.Word)
        {
            return false;
        }

        // A headline's words are capitalised ("Rights Network Welcomes Fuel Sanctions"): a lede's
        // are not.
        var word = tokens[k].GetWord(normalized);
        var next = tokens[k + 1].GetWord(normalized);
        if (!char.IsLower(text[tokens[k].Start])
            || (word is "today" or "has" or "have" or "is" or "are" && !char.IsLower(text[tokens[k + 1].Start])))
        {
            return false;
        }

        bool reporting = Array.IndexOf(LedeVerbs, word.ToString()) >= 0;
        if (tokens[k + 1].Kind == TokenKind.Word
            && ((word is "today" && LedeVerbAt(text, normalized, tokens, k + 1)) || (next is "today" && reporting)))
        {
            return true;
        }

        if (tokens[k].Start >= LedeReach)
        {
            return false;
        }

        string? third = k + 2 < tokens.Length ? tokens[k + 2].GetWord(normalized).ToString() : null;
        bool opens =
            (Array.IndexOf(PresentLedeVerbs, word.ToString()) >= 0 && tokens[k + 1].Kind == TokenKind.Word && text[..tokens[k].Start].ContainsAny('\n', '\r')) ||
            (word is "has" or "have" && tokens[k + 1].Kind == TokenKind.Word && (LedeVerbAt(text, normalized, tokens, k + 1) || (next is "today" && third is not null && Array.IndexOf(LedeVerbs, third) >= 0))) ||
            (word is "is" or "are" && Array.IndexOf(ProgressiveLedeVerbs, next.ToString()) >= 0 && text[..tokens[k].Start].ContainsAny('\n', '\r')) ||
            (word is "on" && Array.IndexOf(Weekdays, next.ToString()) >= 0 && third is not null && LedeVerbAt(text, normalized, tokens, k + 2))
            || (reporting && next is "on" && third is not null && Array.IndexOf(Weekdays, third) >= 0)
            || (word is "said" && next is "in" && InADocument(normalized, tokens, k + 2))
            || (LedeVerbAt(text, normalized, tokens, k) && AfterStatementClause(text, normalized, tokens, k));
        if (opens)
        {
            // A quotation's speaker ("…,” Lopez said on Tuesday.") is refused with the name (AddIssuer).
            return true;
        }

        // "…, the Northern Lights Prisoner Monitor said.": a name after a comma, not a quotation's
        // speaker ("…,” Lopez said.").
        if (word is not ("said" or "says") || next is not ".")
        {
            return false;
        }

        int start = NameStart(text, tokens, k);
        return start < k && start > 1 && tokens[start - 1].GetWord(normalized) is "," && !SpeaksAQuotation(text, tokens, start);
    }

    /// <summary>Reporting words of a passive lede that names its issuer after "by" ("A report published today by the X finds").</summary>
    private static readonly string[] PassiveLedeVerbs = ["published", "released", "issued", "launched"];

    /// <summary>
    /// The other ledes that name the issuer after their reporting word, read in the first
    /// <see cref="LedeReach"/> characters, in lower case: a passive ("A report published today by
    /// the Meridian Humanitarian Monitor finds", "… released on Tuesday by X"), and a quotation's
    /// "said" with the name and "today" or a day of the week after it ("“…,” said the Hanul Relief
    /// Partnership today"). The name is capitalised words (and <see cref="IsNameConnective"/>'s words
    /// but "on" among them), at most eight, on one line.
    /// </summary>
    /// <returns>The token right after the name, or −1 when token <paramref name="k"/> opens no such lede.</returns>
    private static int NameAfterLede(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k)
    {
        if (tokens[k].Kind != TokenKind.Word || tokens[k].Start >= LedeReach || !char.IsLower(text[tokens[k].Start]))
        {
            return -1;
        }

        var word = tokens[k].GetWord(normalized);
        int from = k + 1;
        bool passive = Array.IndexOf(PassiveLedeVerbs, word.ToString()) >= 0;
        // "A new report from X, published today, finds": the name after a report's "from" or
        // "by", when a passive reporting word and its day follow it (checked below).
        bool reportFrom = word is "from" or "by" && k > 0 && Array.IndexOf(ReportNouns, tokens[k - 1].GetWord(normalized).ToString()) >= 0;
        if (passive)
        {
            from = AfterDay(normalized, tokens, from);
            if (from >= tokens.Length || tokens[from].GetWord(normalized) is not "by")
            {
                return -1;
            }

            from++;
        }
        else if (!reportFrom)
        {
            if (word is not "said" || !SpeaksAQuotation(text, tokens, k))
            {
                return -1;
            }

            if (RoleAfterSaid(text, normalized, tokens, from) is var role and > 0)
            {
                return role;
            }
        }

        bool the = from < tokens.Length && tokens[from].GetWord(normalized) is "the";
        if (the)
        {
            from++;
        }

        // Not "on" here: a day follows the name ("released by X on Tuesday").
        int end = from;
        while (end < tokens.Length && end - from < 8 && (tokens[end].Kind == TokenKind.Word || IsNamePart(text, tokens, end))
            && (char.IsUpper(text[tokens[end].Start]) || (IsNameConnective(tokens[end].GetWord(normalized)) && tokens[end].GetWord(normalized) is not "on") || tokens[end].Kind != TokenKind.Word)
            && !text[tokens[end - 1].End..tokens[end].Start].ContainsAny('\n', '\r'))
        {
            end++;
        }

        // "(ABBR)" after the name.
        if (end + 2 < tokens.Length && text[tokens[end].Start] == '(' && text[tokens[end + 2].Start] == ')' && IsAbbreviation(tokens[end + 1].GetText(text)))
        {
            end += 3;
        }

        while (end > from && !char.IsUpper(text[tokens[end - 1].Start]) && text[tokens[end - 1].Start] != ')')
        {
            end--;
        }

        if (end == from || end >= tokens.Length)
        {
            return -1;
        }

        if (reportFrom)
        {
            // ", published today," or "published on Monday" right after the name.
            int verb = end < tokens.Length && IsComma(text, tokens[end]) ? end + 1 : end;
            return verb + 1 < tokens.Length && Array.IndexOf(PassiveLedeVerbs, tokens[verb].GetWord(normalized).ToString()) >= 0
                && AfterDay(normalized, tokens, verb + 1) > verb + 1 ? end : -1;
        }

        // A quotation's speaker is a person as often as a body: "said the X today", or a name
        // that ends with a kind of body ("said Human Rights Watch today"), not "said Amira Haddad today".
        return passive || (AfterDay(normalized, tokens, end) > end && (the || Array.IndexOf(BodyWords, tokens[end - 1].GetWord(normalized).ToString()) >= 0)) ? end : -1;
    }

    /// <summary>What a lede says a body published ("A new report from X, published today, finds …").</summary>
    private static readonly string[] ReportNouns = ["report", "study", "analysis", "survey", "briefing", "investigation", "assessment", "paper"];

    /// <summary>
    /// After a quotation's "said" at <paramref name="from"/> − 1, a person and her role at a body
    /// ("“…,” said Amira Haddad, executive director of the Levant Relief Alliance, as …"; <see cref="IsRole"/>):
    /// the token after the body's name (the comma or the sentence's end that closes the role), or −1.
    /// </summary>
    private static int RoleAfterSaid(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from)
    {
        int open = from;
        while (open < tokens.Length && open - from < 4 && tokens[open].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[tokens[open].Start]))
        {
            open++;
        }

        if (open == from || open >= tokens.Length || !IsComma(text, tokens[open]))
        {
            return -1;
        }

        for (int close = open + 1; close < tokens.Length && close - open <= 16; close++)
        {
            if (tokens[close].GetWord(normalized) is "," or "." or ";" or ":" or "!" or "?")
            {
                return IsRole(text, normalized, tokens, open, close, afterSaid: true) ? close : -1;
            }
        }

        return -1;
    }

    /// <summary>Words of a body's name: the last word of a quotation's speaker named without "the" ("said Human Rights Watch today"), and a word of the body of a person's role (<see cref="IsRole"/>).</summary>
    private static readonly string[] BodyWords =
    [
        "group", "coalition", "network", "charity", "alliance", "organisation", "organization", "trust", "foundation",
        "institute", "centre", "center", "association", "federation", "council", "union", "campaign", "society", "league",
        "forum", "movement", "partnership", "initiative", "international", "watch", "project", "monitor", "observatory", "fund",
        "relief", "aid", "rights",
    ];

    /// <summary>The token after "today" or "on" and a day of the week at <paramref name="from"/>, or <paramref name="from"/> itself.</summary>
    private static int AfterDay(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from)
    {
        if (from < tokens.Length && tokens[from].GetWord(normalized) is "today")
        {
            return from + 1;
        }

        return from + 1 < tokens.Length && tokens[from].GetWord(normalized) is "on" && Array.IndexOf(Weekdays, tokens[from + 1].GetWord(normalized).ToString()) >= 0 ? from + 2 : from;
    }

    /// <summary>Reporting words in the present tense that open a web statement's lede ("The Ecumenical Council for Justice, a fellowship of 38 churches, asks …", "X calls on …"), read below the first line (a headline's "…, Group Urges …" is not a lede).</summary>
    private static readonly string[] PresentLedeVerbs =
    [
        "calls", "urges", "warns", "welcomes", "condemns", "demands", "asks", "appeals", "criticises", "criticizes",
        "publishes", "releases", "launches", "announces", "rejects", "reiterates",
        "praises", "commends", "applauds", "hails", "denounces", "deplores", "decries", "salutes", "lauds", "slams",
        "laments", "regrets",
    ];

    /// <summary>Reporting words in the progressive that open a lede after "is" or "are" ("the Andean Observatory for Democratic Rights is calling on"), read below the first line as <see cref="PresentLedeVerbs"/> are.</summary>
    private static readonly string[] ProgressiveLedeVerbs = ["calling", "urging", "warning", "asking", "appealing", "demanding"];

    /// <summary>
    /// Whether the name before the reporting word at token <paramref name="k"/> follows a clause
    /// that opens the sentence and says what it said in ("In a statement issued today, the
    /// Lantern Foundation for Civil Liberties urged", "In its report published on Monday, …"):
    /// "in", "a", "an", "its" or "their", at most one more word, a kind of document, "issued",
    /// "released" or "published" or not, "today" or "on" and a day of the week or not, and a comma.
    /// </summary>
    private static bool AfterStatementClause(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int k)
    {
        int j = NameStart(text, tokens, k) - 1;
        if (j < 3 || j == k - 1 || tokens[j].GetWord(normalized) is not ",")
        {
            return false;
        }

        j--;
        if (tokens[j].GetWord(normalized) is "today")
        {
            j--;
        }
        else if (j > 1 && tokens[j - 1].GetWord(normalized) is "on" && Array.IndexOf(Weekdays, tokens[j].GetWord(normalized).ToString()) >= 0)
        {
            j -= 2;
        }

        if (j > 0 && tokens[j].GetWord(normalized) is "issued" or "released" or "published")
        {
            j--;
        }

        for (int opening = j - 1; opening >= j - 3 && opening >= 0; opening--)
        {
            if (tokens[opening].GetWord(normalized) is "in" && InADocument(normalized, tokens, opening + 1) && j - opening <= 3
                && Array.IndexOf(Documents, tokens[j].GetWord(normalized).ToString()) >= 0
                && Opens(text, tokens, opening))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether token <paramref name="k"/> opens its sentence or line: the text's first, after a line break, or after a sentence's end, a colon or a dateline's dash or dashes ("SEOUL, 3 March 2025 — The …", "NEW YORK, March 3, 2025 -- The …"); not after a comma or a quotation's closing mark ("…,” Ana Lopez, director of …").</summary>
    private static bool Opens(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k)
    {
        if (k == 0 || text[tokens[k - 1].End..tokens[k].Start].ContainsAny('\n', '\r'))
        {
            return true;
        }

        var before = tokens[k - 1];
        var mark = text.Slice(before.Start, before.Length);
        return before.Kind != TokenKind.Word
            && ((mark.Length == 1 && mark[0] is '.' or '!' or '?' or ':') || !mark.ContainsAnyExcept('-', '\u2013', '\u2014'));
    }

    /// <summary>The months, which are no person before a comma ("On 3 June, the …").</summary>
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The days of the week, as in "… said on Tuesday".</summary>
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>What a release's lede says its issuer said in ("said in a statement", "said in a joint statement", "said in its report").</summary>
    private static readonly string[] Documents = ["statement", "report", "letter", "submission", "briefing", "declaration", "communique", "communiqué"];

    /// <summary>Whether the tokens from <paramref name="from"/> are "a", "an", "its" or "their", at most one more word, and a kind of document (<see cref="Documents"/>).</summary>
    private static bool InADocument(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from)
    {
        if (from + 1 >= tokens.Length || tokens[from].GetWord(normalized) is not ("a" or "an" or "its" or "their"))
        {
            return false;
        }

        for (int k = from + 1; k < tokens.Length && k <= from + 2; k++)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                return false;
            }

            if (Array.IndexOf(Documents, tokens[k].GetWord(normalized).ToString()) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first token of the words (and the parts of a name, <see cref="IsNamePart"/>) right before token <paramref name="k"/>, at most eight, past an abbreviation in brackets ("the Zagros Justice Centre (ZJC) said").</summary>
    private static int NameStart(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k)
    {
        int end = k;
        if (end >= 3 && text[tokens[end - 1].Start] == ')' && text[tokens[end - 3].Start] == '(' && tokens[end - 2].Kind == TokenKind.Word)
        {
            end -= 3;
        }

        int start = end;
        while (start > 0 && start > end - 8 && (tokens[start - 1].Kind == TokenKind.Word || IsNamePart(text, tokens, start - 1)))
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Whether a lowercase word may stand inside an organisation's name between its capitalised
    /// words: "the", "of", "for", "and", "&amp;", "against", "on" ("Coalition against Enforced
    /// Disappearances", "Commission on Human Rights"). "in" is not among them: it is a name's
    /// only where a body's word comes before it, which each caller decides ("The Coalition for
    /// Justice in Maraveth", not "The Minister in Kabul").
    /// </summary>
    private static bool IsNameConnective(ReadOnlySpan<char> word) => word is "the" or "of" or "for" or "and" or "&" or "against" or "on";

    /// <summary>
    /// Whether token <paramref name="k"/>, not a word, is part of an organisation's name: a
    /// possessive glued to the word before it ("Women's", "Prisoners' Watch"), "&amp;"
    /// ("Water &amp; Sanitation Alliance") or a short number after a capitalised word ("Article 19").
    /// </summary>
    private static bool IsNamePart(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k)
    {
        var t = tokens[k];
        if (k == 0 || k + 1 >= tokens.Length || tokens[k - 1].Kind != TokenKind.Word || tokens[k + 1].Kind != TokenKind.Word)
        {
            return false;
        }

        var previous = tokens[k - 1];
        bool glued = previous.End == t.Start;
        return t.Kind switch
        {
            TokenKind.Clitic => glued && text[t.Start] is '\'' or '\u2019',
            TokenKind.Punctuation when t.Length == 1 && text[t.Start] is '\'' or '\u2019' =>
                glued && text[previous.End - 1] is 's' && char.IsUpper(text[tokens[k + 1].Start]),
            TokenKind.Punctuation when t.Length == 1 && text[t.Start] == '&' => true,
            // Not a date's year or day ("3 March 2025 The …").
            TokenKind.Number => t.Length <= 4 && char.IsUpper(text[previous.Start]) && Array.IndexOf(Months, text.Slice(previous.Start, previous.Length).ToString().ToLowerInvariant()) < 0,
            _ => false,
        };
    }

    /// <summary>The openings of a news agency's credit line ("(Reporting by Amara Tesfaye; Editing by Jonah Pierce)").</summary>
    private static readonly SearchValues<string> WireCredits = SearchValues.Create(["(reporting by ", "(additional reporting by ", "(writing by ", "(editing by "], StringComparison.OrdinalIgnoreCase);

    /// <summary>A news agency's dateline ("KADE, Tarsenia, July 8 (AP) —"): a place in capitals, then up to three capitalised words in brackets and a dash.</summary>
    private static readonly Regex AgencyDateline = new(@"^[A-Z][A-Z .'-]+,[^()\n]{0,60}\((?:[A-Z][A-Za-z&.]*\s?){1,3}\)\s*[—–-]", RegexOptions.CultureInvariant);

    /// <summary>A byline: "By" and a person's name, with a desk or title after a comma at most ("By Mara Olsen, City Desk").</summary>
    private static readonly Regex Byline = new(@"^By (?:[A-Z][\p{L}'-]+ ){1,3}[A-Z][\p{L}'-]+(?:,[^,\n]{1,40})?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether the text reads as a news story: a line holds a news agency's credit in brackets
    /// ("(Reporting by …; Editing by …)"), or one of its first five lines with text is a byline
    /// ("By Mara Olsen") or opens with an agency's dateline ("KADE, Tarsenia, July 8 (AP) —").
    /// A news story may end with "-30-" or "###" and quote an NGO's statement; it is not that
    /// NGO's release. Only a document with mark lines is searched.
    /// </summary>
    private static bool IsNewsStory(ReadOnlySpan<char> text)
    {
        // A credit holds no line break, so one search of the whole text finds it on any line.
        if (text.ContainsAny(WireCredits))
        {
            return true;
        }

        int lines = 0;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (++lines > 5)
            {
                break;
            }

            if ((line.Length <= 80 && Byline.IsMatch(line)) || AgencyDateline.IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lines of <paramref name="text"/> that are a release's mark, with what they are, or null when there is none.</summary>
    private static List<(int Start, int End, MarkKind Kind)>? MarkLines(ReadOnlySpan<char> text)
    {
        List<(int Start, int End, MarkKind Kind)>? marks = null;
        foreach (var range in text.SplitAny('\n', '\r'))
        {
            if (MarkOf(text[range]) is var kind and not MarkKind.None)
            {
                var (start, length) = range.GetOffsetAndLength(text.Length);
                (marks ??= []).Add((start, start + length, kind));
            }
        }

        return marks;
    }

    /// <summary>Whether the text from <paramref name="start"/> to <paramref name="end"/> (a sentence's) lies on one of the release's mark lines.</summary>
    internal bool OnMarkLine(int start, int end)
    {
        foreach (var (lineStart, lineEnd) in _marks)
        {
            if (lineStart <= start && end <= lineEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest line that can be a release's whole mark or "About" heading, trimmed.</summary>
    private const int MaxMarkLine = 60;

    /// <summary>The longest line that can open with a release's mark (<see cref="MarkOpenings"/>), trimmed: a contact line with names, numbers and addresses.</summary>
    private const int MaxOpeningLine = 200;

    /// <summary>What <paramref name="line"/> (one line of a text, white space around it allowed) is as a release's mark: "FOR IMMEDIATE RELEASE", "###", "-ENDS-", "Media contact: …", "Notes to editors", "Contact: …", "About the …".</summary>
    private static MarkKind MarkOf(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > MaxOpeningLine)
        {
            return MarkKind.None;
        }

        if (line.Length <= MaxMarkLine)
        {
            foreach (var mark in Marks)
            {
                if (line.Equals(mark, StringComparison.OrdinalIgnoreCase) || (mark.Length > 4 && IsDated(line, mark)))
                {
                    return MarkKind.Strong;
                }
            }

            // "About the Zagros Justice Centre", "About Amu Bridge Health Trust": the heading of a
            // release's boilerplate about its issuer (not "About the author", nor a sentence).
            if (line[0] == 'A' && line.StartsWith("About ", StringComparison.OrdinalIgnoreCase) && IsAboutHeading(line[6..]))
            {
                return MarkKind.About;
            }
        }

        foreach (var opening in MarkOpenings)
        {
            if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                // "Media contact: …", "Media contacts", "Notes to editors"; not "Media contacts
                // with Pyongyang must …".
                var rest = line[opening.Length..];
                bool whole = opening[^1] is ':' or ' ' || opening.StartsWith("for more", StringComparison.Ordinal) || opening.StartsWith("for further", StringComparison.Ordinal);
                if (!whole && rest.StartsWith('s'))
                {
                    rest = rest[1..];
                }

                if (whole || rest.IsEmpty || rest[0] is ':' or '-' or ',' or '\u2013' or '\u2014')
                {
                    return Array.IndexOf(WeakOpenings, opening) >= 0 ? MarkKind.Weak : MarkKind.Strong;
                }
            }
        }

        return MarkKind.None;
    }

    /// <summary>Whether <paramref name="line"/> is <paramref name="mark"/> and a date after a dash, a colon or a comma ("Press release – 11 May 2026", "PRESS RELEASE: 4 June 2025").</summary>
    private static bool IsDated(ReadOnlySpan<char> line, string mark)
    {
        if (!line.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = line[mark.Length..].TrimStart();
        if (rest.IsEmpty || rest[0] is not ('-' or '\u2013' or '\u2014' or ':' or ','))
        {
            return false;
        }

        rest = rest[1..].Trim();
        return rest.Length is > 0 and <= 30 && rest.ContainsAnyInRange('0', '9') && !rest.ContainsAny('.', '!', '?');
    }

    /// <summary>Words that make an "About" heading a biography's, a website's or a report's, not a body's ("About the Author", "About Us", "About the Report").</summary>
    private static readonly string[] NotBodies =
    [
        "author", "authors", "editor", "editors", "contributor", "contributors", "us", "this", "our", "me",
        "report", "study", "survey", "data", "methodology", "series",
    ];

    /// <summary>
    /// Whether the words after "About" name a body, as the heading of a release's boilerplate:
    /// every word capitalised or a connective (<see cref="IsNameConnective"/>, or "in"), the
    /// first capitalised, no punctuation at the end, and not the author, us or this ("About the
    /// Author", "About Us"); not a line of hard-wrapped text that opens with "About".
    /// </summary>
    private static bool IsAboutHeading(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        if (rest.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[4..].TrimStart();
            // "About the coalition", "About the organisations": the issuer by its kind.
            foreach (var kind in AboutKinds)
            {
                if (rest.Equals(kind, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        if (rest.IsEmpty || !(char.IsLetter(rest[^1]) || rest[^1] == ')') || !char.IsUpper(rest[0]))
        {
            return false;
        }

        bool first = true;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (word.IsEmpty)
            {
                continue;
            }

            bool connective = IsNameConnective(word) || word is "in";
            // "Article 19 Forum", "Water & Sanitation Alliance (WSA)".
            bool part = char.IsUpper(word[0]) || char.IsAsciiDigit(word[0])
                || (word.Length > 3 && word[0] == '(' && word[^1] == ')' && IsAbbreviation(word[1..^1]));
            if ((!connective && !part) || (first && connective))
            {
                return false;
            }

            foreach (var notBody in NotBodies)
            {
                if (word.Equals(notBody, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            first = false;
        }

        return true;
    }

    /// <summary>The name of capitalised words (with "of", "for", "and", "&amp;" or "the" among them, and the parts of <see cref="IsNamePart"/>, on one line) right before token <paramref name="said"/> or before an appositive between commas (<see cref="BeforeAppositive"/>), with its abbreviation in brackets after it, if any, and its last two or more words; when <paramref name="strict"/> (the ledes other than "said today"), none after an object word ("held in Saydnaya Prison today called"), none with a word of a state's offices, titles, bodies or forces in it (<see cref="StateWords"/>), none that speaks a quotation (<see cref="SpeaksAQuotation"/>), and none of one capitalised word but an abbreviation the text spells out or a word an "About" heading gives whole (<paramref name="abouts"/>: each heading's letters and digits after "About" and "the"). With <paramref name="afterObject"/> the name comes after "by" or "said" (<see cref="NameAfterLede"/>): no object word refuses it.</summary>
    private static void AddIssuer(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int said, List<string[]> names, bool strict = false, List<string>? abouts = null, bool afterObject = false, bool role = false)
    {
        // Only the role's body when a role is asked for, and no role otherwise.
        var (end, isRole) = BeforeAppositive(text, normalized, tokens, said);
        if (isRole != role)
        {
            return;
        }

        string? abbreviation = null;
        // "Rights Watchers International (RWI) said today".
        if (end >= 3 && text[tokens[end - 1].Start] == ')' && text[tokens[end - 3].Start] == '(' && tokens[end - 2].Kind == TokenKind.Word && IsAbbreviation(tokens[end - 2].GetText(text)))
        {
            abbreviation = tokens[end - 2].GetWord(normalized).ToString();
            end -= 3;
        }

        int start = end;
        while (start > 0 && end - start < 8)
        {
            var t = tokens[start - 1];
            if (t.Kind != TokenKind.Word && !IsNamePart(text, tokens, start - 1))
            {
                break;
            }

            var word = t.GetWord(normalized);
            // "in" too for the other ledes ("the Association of Families of the Missing in Syria
            // today called"), where a name after "in" is then refused as an object's; and, since
            // the forty-third session, for "said today" after a body's word (BodyBefore: "The
            // Coalition for Justice in Maraveth (CJM) said today"; not "The Minister in Kabul").
            bool inName = word is "in" && (strict || BodyBefore(text, normalized, tokens, start - 1));
            if (t.Kind == TokenKind.Word && !char.IsUpper(text[t.Start]) && !IsNameConnective(word) && !inName)
            {
                break;
            }

            // A name does not run on from the line above (a mark line or the headline).
            if (text[t.End..tokens[start].Start].ContainsAny('\n', '\r'))
            {
                break;
            }

            start--;
        }

        // Connectives do not open a name ("and", "of"); "The" opens it when capitalised; nor does
        // a conjunction that opens the sentence ("But the Levant Relief Alliance today warned").
        while (start < end && (!char.IsUpper(text[tokens[start].Start]) || (start + 1 < end && tokens[start].GetWord(normalized) is "but" or "and" or "yet" or "so")))
        {
            start++;
        }

        var words = new List<string>();
        for (int k = start; k < end; k++)
        {
            words.Add(tokens[k].GetWord(normalized).ToString());
        }

        int capitals = 0;
        for (int k = start; k < end; k++)
        {
            capitals += char.IsUpper(text[tokens[k].Start]) && words[k - start] != "the" ? 1 : 0;
        }

        if (capitals == 0 || (words.Count == 1 && Array.IndexOf(Pronouns, words[0]) >= 0))
        {
            return;
        }

        int previous = start - 1;
        bool stateBody = (words.Exists(w => Array.IndexOf(StateWords, w) >= 0) && !IsCivilBody(words)) || HoldsStatePair(words);
        if ((role && stateBody)
            || (strict && ((!afterObject && !role && previous >= 0 && tokens[previous].Kind == TokenKind.Word && Array.IndexOf(Objects, tokens[previous].GetWord(normalized).ToString()) >= 0)
            || stateBody || SpeaksAQuotation(text, tokens, start) || Array.IndexOf(Subordinators, words[0]) >= 0
            || IsSubordinator(normalized, tokens, previous >= 0 && tokens[previous].GetWord(normalized) is "the" ? previous - 1 : previous)
            || Array.IndexOf(Documents, words[^1]) >= 0)))
        {
            return;
        }

        // One capitalised word ("Russia", "The Kremlin", "UNICEF", "Washington") is a state, a
        // place or a body quoted in the lede as often as an issuer: from the other ledes, only an
        // abbreviation the text spells out before it in brackets ("the Centre for Supply Chain
        // Accountability (CSCA)" … "The CSCA said on Wednesday").
        if (strict && capitals < 2 && abbreviation is null)
        {
            // Or a word an "About" heading gives as the whole name ("Humanara said on Tuesday" …
            // "About Humanara").
            if (!IsAbbreviation(tokens[end - 1].GetText(text)))
            {
                if (abouts is not null && abouts.Contains(Key(string.Concat(words.Where(w => w != "the")))))
                {
                    names.Add([.. words]);
                }

                return;
            }

            int count = names.Count;
            names.Add([.. words]);
            AddSpelledOut(text, normalized, tokens, words[^1], names);
            // Not "the European Union (EU)" for "The EU on Monday announced".
            if (names.Count == count + 1 || names.Skip(count).Any(n => n.Any(w => Array.IndexOf(StateWords, w) >= 0)))
            {
                names.RemoveRange(count, names.Count - count);
            }

            return;
        }

        names.Add([.. words]);
        // Its last words, from a capitalised one, two or more ("Watchers International").
        for (int k = start + 1; k + 1 < end; k++)
        {
            if (char.IsUpper(text[tokens[k].Start]) && words[k - start] != "the")
            {
                names.Add([.. words.Skip(k - start)]);
            }
        }

        if (abbreviation is not null)
        {
            names.Add([abbreviation]);
        }
    }

    /// <summary>Adds the issuer's name given in full before its abbreviation in brackets ("Centre for Supply Chain Accountability (CSCA)"), where the issuer was named by the abbreviation alone, and the abbreviation itself.</summary>
    private static void AddSpelledOut(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, string abbreviation, List<string[]> names)
    {
        for (int k = 1; k + 2 < tokens.Length; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && text[tokens[k - 1].Start] == '(' && text[tokens[k + 1].Start] == ')'
                && IsAbbreviation(tokens[k].GetText(text)) && tokens[k].GetWord(normalized).SequenceEqual(abbreviation))
            {
                int count = names.Count;
                AddIssuer(text, normalized, tokens, k + 2, names);
                if (names.Count > count && !names.Exists(n => n is [var only] && only == abbreviation))
                {
                    names.Add([abbreviation]);
                }

                return;
            }
        }
    }

    /// <summary>Words that open an appositive between commas after an organisation's name ("…, a coalition of 41 charities, today called on").</summary>
    private static readonly string[] AppositiveOpenings = ["a", "an", "which", "who", "whose", "one", "the"];

    /// <summary>
    /// Where the name before the reporting word at token <paramref name="said"/> ends: right before
    /// it, or, when a comma comes right before it and an appositive opened by "a", "an", "the",
    /// "which", "who", "whose" or "one" lies between that comma and an earlier one at most 25
    /// tokens back, with no sentence's end between them (the appositive may hold commas of its
    /// own), before that earlier comma ("The Medicines Access Alliance (MAA), a coalition of 41
    /// health charities, legal clinics and unions, today called on"); or, when the words between
    /// the nearest comma and the one before the reporting word are a role "at", "of", "for" or
    /// "with" a capitalised name after one to three capitalised words ("Teodora Vance, director
    /// of the Open Harvest Alliance, said today"), right before the comma: the body is the
    /// issuer, the person its own.
    /// </summary>
    private static (int End, bool Role) BeforeAppositive(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int said)
    {
        int end = said;
        if (end > 0 && tokens[end - 1].GetWord(normalized) is "today")
        {
            end--;
        }

        if (end < 3 || tokens[end - 1].GetWord(normalized) is not ",")
        {
            return (said, false);
        }

        bool nearest = true;
        for (int c = end - 2; c > 0 && c >= end - 25; c--)
        {
            var word = tokens[c].GetWord(normalized);
            if (word is "." or "!" or "?" or ";" or ":")
            {
                return (said, false);
            }

            if (word is ",")
            {
                // Past a comma inside the appositive, the name before it must open the sentence:
                // "Following the report by the Lisbon Policy Forum, a think tank, donors in Oslo,
                // Bergen and Tromsø, today called for …" is the donors'.
                if (c + 1 < end - 1 && Array.IndexOf(AppositiveOpenings, tokens[c + 1].GetWord(normalized).ToString()) >= 0)
                {
                    // A person's role after an article ("Ana Lopez, a researcher at Human Rights
                    // Watch, said today") is a role, not the person's own name as a body's: but a
                    // body's appositive ("Tearfund, a founding signatory of the Integral Alliance,
                    // said", "Concern Worldwide, the largest recipient of Irish Aid, said") is the
                    // body's: a person's role names a person's post.
                    if (nearest && tokens[c + 1].GetWord(normalized) is "a" or "an" or "the"
                        && HoldsAPersonsRole(normalized, tokens, c + 2, end - 1) && IsRole(text, normalized, tokens, c, end - 1))
                    {
                        return (end - 1, true);
                    }

                    return nearest || NameOpens(text, normalized, tokens, c) ? (c, false) : (said, false);
                }

                if (nearest && IsRole(text, normalized, tokens, c, end - 1))
                {
                    return (end - 1, true);
                }

                nearest = false;
            }
        }

        return (said, false);
    }

    /// <summary>Words of a person's post at a body ("a researcher at", "the medical director of", "a nurse with"); a body's place in another ("a founding signatory of", "the largest recipient of", "a co-founder of") has none.</summary>
    private static readonly string[] PersonsRoles =
    [
        "researcher", "director", "spokesperson", "spokeswoman", "spokesman", "nurse", "doctor", "physician", "surgeon",
        "lawyer", "attorney", "adviser", "advisor", "analyst", "officer", "manager", "coordinator", "fellow", "professor",
        "economist", "campaigner", "investigator", "worker", "volunteer", "executive", "scientist", "specialist", "editor",
        "journalist", "pastor", "priest", "bishop", "imam", "rabbi", "nun", "midwife", "engineer", "lecturer", "counsel",
    ];

    /// <summary>Whether the words from token <paramref name="from"/> to the first "at", "of", "for", "with" or "to" (before <paramref name="close"/>) hold a word of a person's post (<see cref="PersonsRoles"/>): a person's role after an article, not a body's appositive.</summary>
    private static bool HoldsAPersonsRole(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from, int close)
    {
        for (int k = from; k < close; k++)
        {
            var word = tokens[k].GetWord(normalized);
            if (word is "at" or "of" or "for" or "with" or "to")
            {
                return false;
            }

            if (Array.IndexOf(PersonsRoles, word.ToString()) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the capitalised name (with <see cref="IsNameConnective"/>'s words and its abbreviation in brackets) that ends right before token <paramref name="end"/>, on one line, opens its sentence or line (<see cref="Opens"/>).</summary>
    private static bool NameOpens(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int end)
    {
        if (end >= 3 && text[tokens[end - 1].Start] == ')' && text[tokens[end - 3].Start] == '(')
        {
            end -= 3;
        }

        int start = end;
        while (start > 0 && (tokens[start - 1].Kind == TokenKind.Word || IsNamePart(text, tokens, start - 1))
            && (char.IsUpper(text[tokens[start - 1].Start]) || IsNameConnective(tokens[start - 1].GetWord(normalized)))
            && (start == end || !text[tokens[start - 1].End..tokens[start].Start].ContainsAny('\n', '\r')))
        {
            start--;
        }

        return start < end && Opens(text, tokens, start);
    }

    /// <summary>Whether the tokens between the comma at <paramref name="open"/> and the token at <paramref name="close"/> (a comma, or with <paramref name="afterSaid"/> also a sentence's end) are a role at a body ("director of the Open Harvest Alliance", "head of advocacy at the Levant Relief Alliance") after a person's name of one to four capitalised words (or titles: "Dr.") on one line that opens the sentence or line (<see cref="Opens"/>) (or, with <paramref name="afterSaid"/>, follows a quotation's "said"): a lowercase word first, then "at", "of", "for" or "with", "the" or not, and capitalised words (with "of", "for", "and", "the") to the close, one of them a word of a body (<see cref="BodyWords"/>, <see cref="StateWords"/>), not a place.</summary>
    private static bool IsRole(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int open, int close, bool afterSaid = false)
    {
        int person = open;
        while (person > 0 && open - person < 4 && tokens[person - 1].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[tokens[person - 1].Start])
            && !text[tokens[person - 1].End..tokens[person].Start].ContainsAny('\n', '\r'))
        {
            person--;
        }

        // "The Rev. Thomas Aung Lwin": "The" before a title.
        if (person > 0 && person < open && tokens[person].Kind == TokenKind.Abbreviation && tokens[person - 1].GetWord(normalized) is "the"
            && !text[tokens[person - 1].End..tokens[person].Start].ContainsAny('\n', '\r'))
        {
            person--;
        }

        if (person == open || !(afterSaid || Opens(text, tokens, person)) || open + 2 >= close || !char.IsLower(text[tokens[open + 1].Start]))
        {
            return false;
        }

        for (int k = open + 1; k < close - 1; k++)
        {
            if (tokens[k].GetWord(normalized) is not ("at" or "of" or "for" or "with"))
            {
                continue;
            }

            int from = tokens[k + 1].GetWord(normalized) is "the" ? k + 2 : k + 1;
            if (from >= close || !char.IsUpper(text[tokens[from].Start]))
            {
                continue;
            }

            // A body, not a place ("mayor of Kharkiv", "resident of Eastern Ghouta"): a word of
            // one among its words.
            bool name = true;
            bool body = false;
            for (int n = from; n < close && name; n++)
            {
                name = tokens[n].Kind != TokenKind.Word || char.IsUpper(text[tokens[n].Start]) || IsNameConnective(tokens[n].GetWord(normalized)) || tokens[n].GetWord(normalized) is "in";
                var word = tokens[n].GetWord(normalized).ToString();
                body |= Array.IndexOf(BodyWords, word) >= 0 || Array.IndexOf(StateWords, word) >= 0;
            }

            if (name && body)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that make a council, committee or commission a body of civil society ("the Norwegian Refugee Council", "the Ecumenical Council for Justice", "the Committee to Protect Journalists", "the American Friends Service Committee").</summary>
    private static readonly string[] CivilWords =
    [
        "refugee", "refugees", "rescue", "churches", "ecumenical", "interfaith", "bishops", "catholic", "lutheran",
        "quaker", "friends", "protect", "journalists",
    ];

    /// <summary>Whether the only words of a state's bodies in <paramref name="words"/> are "council", "committee" or "commission", with a word of civil society beside them (<see cref="CivilWords"/>).</summary>
    private static bool IsCivilBody(List<string> words) =>
        words.Exists(w => Array.IndexOf(CivilWords, w) >= 0)
        && !words.Exists(w => Array.IndexOf(StateWords, w) >= 0 && w is not ("council" or "committee" or "commission"));

    /// <summary>Two words that name a state's body together, though each alone may name a body of civil society.</summary>
    private static readonly (string First, string Second)[] StatePairs =
    [
        ("white", "house"), ("downing", "street"), ("world", "bank"), ("central", "bank"), ("national", "bank"),
        ("development", "bank"), ("reserve", "bank"), ("investment", "bank"), ("federal", "reserve"),
        ("national", "assembly"), ("public", "defender"),
    ];

    /// <summary>Whether the words hold two words of <see cref="StatePairs"/> in a row ("White House", "Central Bank of Iran").</summary>
    private static bool HoldsStatePair(List<string> words)
    {
        for (int i = 0; i + 1 < words.Count; i++)
        {
            foreach (var (first, second) in StatePairs)
            {
                if (words[i] == first && words[i + 1] == second)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the name from token <paramref name="start"/> is a quotation's speaker: after a comma after the closing mark ("\"…\", Ana Lopez said on Tuesday") or after a closing mark with a comma before it ("…,” Ana Lopez said on Tuesday"); not after a quotation that ended its sentence ("… “We cannot wait.” The Salween Relief Coalition said on Thursday …").</summary>
    private static bool SpeaksAQuotation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int start)
    {
        if (start < 2)
        {
            return false;
        }

        static bool Closing(char c) => c is '"' or '\u201D' or '\u2019' or '\'';
        var before = tokens[start - 1];
        if (before.Length == 1 && text[before.Start] == ',')
        {
            return Closing(text[tokens[start - 2].Start]);
        }

        return before.Length == 1 && Closing(text[before.Start]) && tokens[start - 2].Length == 1 && text[tokens[start - 2].Start] == ',';
    }

    /// <summary>Whether a word is an abbreviation in capitals ("RWI", "HRW"): two to eight letters, all upper case.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 8 && !word.ContainsAnyExceptInRange('A', 'Z');

    /// <summary>
    /// The people the release introduces as the issuer's: a name of one to three capitalised
    /// words, a comma, then within ten words and before the next comma or sentence end, "at",
    /// "of", "for", "with" or "from" and the issuer's name ("Ana Lopez, Asia director at Rights
    /// Watchers International"), or right after the comma the issuer's name or a generic name
    /// with "'s" ("Ana Lopez, the group's Asia director"). Each adds her full name and surname.
    /// </summary>
    private static void AddPeople(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, List<string[]> issuer, List<string[]> names)
    {
        for (int comma = 1; comma < tokens.Length; comma++)
        {
            if (text[tokens[comma].Start] != ',' || tokens[comma].Length != 1)
            {
                continue;
            }

            int start = comma;
            while (start > 0 && comma - start < 3 && tokens[start - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[start - 1].Start])
                && (start == comma || !text[tokens[start - 1].End..tokens[start].Start].ContainsAny('\n', '\r')))
            {
                start--;
            }

            if (start == comma || !IsIssuers(normalized, tokens, comma + 1, issuer, names))
            {
                continue;
            }

            var person = new string[comma - start];
            for (int k = start; k < comma; k++)
            {
                person[k - start] = tokens[k].GetWord(normalized).ToString();
            }

            // Not a pronoun, nor a day or a month before a comma ("In a statement on Tuesday, the …").
            if ((person.Length == 1 && Array.IndexOf(Pronouns, person[0]) >= 0) || (person.Length == 1 && (Array.IndexOf(Weekdays, person[0]) >= 0 || Array.IndexOf(Months, person[0]) >= 0)))
            {
                continue;
            }

            names.Add(person);
            if (person.Length > 1)
            {
                names.Add([person[^1]]);
            }
        }
    }

    /// <summary>Whether the words from token <paramref name="from"/> name a role at the issuer: its name or a generic name and "'s" right away, or within ten words and before a comma or a sentence's end, "at", "of", "for", "with" or "from" and its name ("the" may come between).</summary>
    private static bool IsIssuers(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from, List<string[]> issuer, List<string[]> names)
    {
        foreach (var name in names)
        {
            if (Matches(normalized, tokens, from, name) && from + name.Length < tokens.Length && tokens[from + name.Length].GetWord(normalized) is "'s" or "’s")
            {
                return true;
            }
        }

        for (int k = from; k < tokens.Length && k < from + 10; k++)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                return false;
            }

            if (tokens[k].GetWord(normalized) is "at" or "of" or "for" or "with" or "from")
            {
                // "at Rights Watchers International", "at the Caribbean Free Expression Project".
                int name0 = k + 1 < tokens.Length && tokens[k + 1].GetWord(normalized) is "the" ? k + 2 : k + 1;
                foreach (var name in issuer)
                {
                    if (Matches(normalized, tokens, k + 1, name) || Matches(normalized, tokens, name0, name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether the tokens from <paramref name="from"/> are the words of <paramref name="name"/>.</summary>
    private static bool Matches(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from, string[] name)
    {
        if (from < 0 || from + name.Length > tokens.Length)
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            // A name's parts may be other tokens than words ("prisoners ' watch", "article 19 forum").
            var t = tokens[from + i];
            if (!t.GetWord(normalized).SequenceEqual(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the words at <paramref name="first"/> ("In a statement", "in its report") open a
    /// clause that says what the issuer said in, before its name and reporting word ("In a
    /// statement issued today, the Lantern Foundation urged …", <see cref="AfterStatementClause"/>):
    /// the clause is then the issuer's own, as "said in a statement" after its name is, and
    /// reports no one.
    /// </summary>
    internal bool SpeaksAfterStatementClause(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int first)
    {
        // The clause is at most eight tokens ("In a joint statement issued on Monday,"): its
        // words, "in a statement" or "statement", lie in the sentence's first few.
        if (first > 6)
        {
            return false;
        }

        for (int k = first + 1; k < tokens.Length && k <= first + 30; k++)
        {
            if (LedeVerbAt(text, normalized, tokens, k) && AfterStatementClause(text, normalized, tokens, k))
            {
                // The match must lie inside the clause, before its comma.
                return first < NameStart(text, tokens, k) - 1 && Speaks(text, normalized, tokens, k, 1, nameAfter: false);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the reporting word of <paramref name="tokens"/> (a sentence's) at
    /// <paramref name="at"/>, <paramref name="count"/> tokens long, speaks in the issuer's voice:
    /// one of its names is its subject right before it ("also", "today", "on" and a day of the week
    /// or an abbreviation in brackets between or not, and for "in a statement" before the "said" it
    /// follows: <see cref="SubjectEnd"/>; no "of", "by" … before the name), or before the comma that
    /// opens a role between them ("Elena Marrero, advocacy officer at the Project, said"), or
    /// follows it when nothing is its subject before it ("“…,” said the group", "according to
    /// Lopez"; not "The ministry urged the group to …", and never when <paramref name="nameAfter"/>
    /// is false); in the headline, before the lede, a kind of body is enough ("…, rights group urges").
    /// </summary>
    internal bool Speaks(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int at, int count, bool nameAfter = true)
    {
        int before = SubjectEnd(text, normalized, tokens, at);
        // "Rights Watchers International (RWI) said": the name before its abbreviation.
        if (before >= 3 && tokens[before - 1].GetWord(normalized) is ")" && tokens[before - 3].GetWord(normalized) is "(")
        {
            before -= 3;
        }

        if (NameEnds(text, normalized, tokens, before))
        {
            return true;
        }

        // The headline, before the lede: "…, aid group warns", "Health charity urges …".
        if (tokens[at].Start < _lede && before > 0 && tokens[before - 1].Kind == TokenKind.Word
            && Array.IndexOf(HeadlineKinds, tokens[before - 1].GetWord(normalized).ToString()) >= 0)
        {
            return true;
        }

        // "Elena Marrero, Europe advocacy officer at the Caribbean Free Expression Project, said":
        // the issuer's name or its person's before the comma that opens the role, opening the sentence.
        if (before > 1 && IsComma(text, tokens[before - 1]))
        {
            // The role or appositive may hold commas of its own ("…, a coalition of survivor
            // associations, legal clinics and churches, today called on").
            for (int c = before - 2; c > 0 && c >= before - 25; c--)
            {
                if (IsComma(text, tokens[c]))
                {
                    // "The Medicines Access Alliance (MAA), a coalition of …, today called on".
                    if (NameEnds(text, normalized, tokens, c, opensClause: true)
                        || (c >= 3 && text[tokens[c - 1].Start] == ')' && text[tokens[c - 3].Start] == '(' && NameEnds(text, normalized, tokens, c - 3, opensClause: true)))
                    {
                        return true;
                    }
                }
                else if (tokens[c].GetWord(normalized) is ";" or ":")
                {
                    break;
                }
            }
        }

        // "“…,” said the group", "according to Lopez": a name after the reporting word only when
        // nothing is its subject before it ("The ministry urged the group to …" is the ministry's).
        bool inverted = at == 0 || tokens[at - 1].Kind != TokenKind.Word || tokens[at].GetWord(normalized) is "according";
        foreach (var name in _names)
        {
            if (nameAfter && inverted && Matches(normalized, tokens, at + count, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the subject of the reporting word at token <paramref name="at"/> ends: right before
    /// it, or before "also", "today", "has", "have" or "on" and a day of the week between, up to
    /// three of them ("The trust today urged", "The coalition on Friday called on", "The federation
    /// has also urged"), and for "in a statement" (or "statement", "in its
    /// report", …) before the "said" or "says" it follows ("The alliance said in a statement").
    /// </summary>
    private static int SubjectEnd(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int at)
    {
        int before = at;
        var word = tokens[at].GetWord(normalized);
        if (word is "in" || Array.IndexOf(Documents, word.ToString()) >= 0)
        {
            int k = at;
            while (k > 0 && k > at - 3 && tokens[k].GetWord(normalized) is not "in")
            {
                k--;
            }

            if (k > 0 && tokens[k].GetWord(normalized) is "in" && tokens[k - 1].GetWord(normalized) is "said" or "says")
            {
                before = k - 1;
            }
        }

        for (int step = 0; step < 3; step++)
        {
            if (before > 0 && tokens[before - 1].Kind == TokenKind.Word && tokens[before - 1].GetWord(normalized) is "also" or "today" or "has" or "have")
            {
                before--;
            }
            else if (before > 1 && tokens[before - 2].GetWord(normalized) is "on" && Array.IndexOf(Weekdays, tokens[before - 1].GetWord(normalized).ToString()) >= 0)
            {
                before -= 2;
            }
            else if (before > 0 && IsLyAdverb(text, normalized, tokens[before - 1]))
            {
                // "The group strongly rejected …", "The trust today firmly called on …".
                before--;
            }
        }

        return before;
    }

    /// <summary>Whether one of the issuer's names comes at token <paramref name="from"/>, or after "that" there ("said the group", "said that the group").</summary>
    internal bool NameFollows(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int from)
    {
        if (from < tokens.Length && tokens[from].GetWord(normalized) is "that")
        {
            from++;
        }

        foreach (var name in _names)
        {
            if (Matches(normalized, tokens, from, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsComma(ReadOnlySpan<char> text, Token token) => token.Length == 1 && text[token.Start] == ',';

    /// <summary>Whether one of the names ends right before token <paramref name="end"/> as a subject: the whole capitalised run it ends does not follow an object word ("the reply to Rights Watchers International said" reports).</summary>
    private bool NameEnds(ReadOnlySpan<char> text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int end, bool opensClause = false)
    {
        foreach (var name in _names)
        {
            int from = end - name.Length;
            if (Matches(normalized, tokens, from, name))
            {
                // The whole name the matched words end (its last words are names too), then
                // what comes before it.
                while (from > 0 && tokens[from - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[from - 1].Start]))
                {
                    from--;
                }

                // Before a role between commas, the name must open the sentence or follow a
                // mark: "The minister who met Lopez, Ingrid Solberg, said" is the minister's.
                if (from == 0 || tokens[from - 1].Kind != TokenKind.Word || (!opensClause && Array.IndexOf(Objects, tokens[from - 1].GetWord(normalized).ToString()) < 0))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
