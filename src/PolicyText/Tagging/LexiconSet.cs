using System.Collections.Frozen;
using PolicyText.Lexicons;
using PolicyText.Text;

namespace PolicyText.Tagging;

/// <summary>
/// The three lexicons the taggers use: <c>rights</c> (categories freedom, economic_social,
/// general), <c>linkage</c> (instrument, pro, anti, and optionally pressure, engagement and lament) and
/// <c>cues</c> (negation, attribution, endorsement, condition, hedge, first_person, and
/// optionally normative, positive, negative, imperative and rhetorical). A replacement lexicon must keep the required
/// names; an optional category it lacks simply never matches.
/// </summary>
public sealed class LexiconSet
{
    /// <summary>The category names each lexicon must have, by lexicon name (read-only: the taggers' roles are these names' places).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredCategories { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["rights"] = Array.AsReadOnly(["freedom", "economic_social", "general"]),
        ["linkage"] = Array.AsReadOnly(["instrument", "pro", "anti"]),
        ["cues"] = Array.AsReadOnly(["negation", "attribution", "endorsement", "condition", "hedge", "first_person"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The category names each lexicon may have and the taggers read when present, by lexicon name (read-only).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OptionalCategories { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["rights"] = Array.AsReadOnly(["ignore"]),
        ["linkage"] = Array.AsReadOnly(["pressure", "engagement", "lament"]),
        ["cues"] = Array.AsReadOnly(["normative", "positive", "negative", "imperative", "rhetorical"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<LexiconSet> DefaultInstance = new(() => new LexiconSet(
        Lexicon.LoadEmbedded("rights.lexicon"), Lexicon.LoadEmbedded("linkage.lexicon"), Lexicon.LoadEmbedded("cues.lexicon")));

    /// <summary>Creates a set, checking each lexicon has the required categories.</summary>
    /// <param name="rights">The rights lexicon.</param>
    /// <param name="linkage">The linkage lexicon.</param>
    /// <param name="cues">The cue lexicon.</param>
    /// <param name="tokenizer">The tokenizer for the entries, or <see langword="null"/> for the default.</param>
    /// <exception cref="ArgumentException">A lexicon lacks a required category, or the three have more than <see cref="LexiconMatcher.MaxCategories"/> categories together.</exception>
    /// <exception cref="FormatException">An entry cannot be matched (see <see cref="LexiconMatcher"/>).</exception>
    public LexiconSet(Lexicon rights, Lexicon linkage, Lexicon cues, Tokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(rights);
        ArgumentNullException.ThrowIfNull(linkage);
        ArgumentNullException.ThrowIfNull(cues);
        Check(rights, "rights");
        Check(linkage, "linkage");
        Check(cues, "cues");
        RightsLexicon = rights;
        LinkageLexicon = linkage;
        CuesLexicon = cues;
        _tokenizer = tokenizer;

        // The analysis walks the three lexicons at once (Combined); a matcher of one lexicon is
        // compiled only when a user asks for it.
        Combined = new LexiconMatcher([rights, linkage, cues], tokenizer);
        _rights = new(() => new LexiconMatcher(rights, tokenizer));
        _linkage = new(() => new LexiconMatcher(linkage, tokenizer));
        _cues = new(() => new LexiconMatcher(cues, tokenizer));
    }

    // The tokenizer the entries were compiled with, kept for the sets made by With.
    private readonly Tokenizer? _tokenizer;

    private readonly Lazy<LexiconMatcher> _rights;
    private readonly Lazy<LexiconMatcher> _linkage;
    private readonly Lazy<LexiconMatcher> _cues;

    /// <summary>The rights lexicon.</summary>
    internal Lexicon RightsLexicon { get; }

    /// <summary>The linkage lexicon.</summary>
    internal Lexicon LinkageLexicon { get; }

    /// <summary>The cue lexicon.</summary>
    internal Lexicon CuesLexicon { get; }

    /// <summary>All three lexicons in one matcher (categories and entries numbered rights, then linkage, then cues).</summary>
    internal LexiconMatcher Combined { get; }

    /// <summary>The lexicons shipped with PolicyText.</summary>
    public static LexiconSet Default => DefaultInstance.Value;

    /// <summary>The rights matcher (compiled on first use).</summary>
    public LexiconMatcher Rights => _rights.Value;

    /// <summary>The linkage matcher (compiled on first use).</summary>
    public LexiconMatcher Linkage => _linkage.Value;

    /// <summary>The cue matcher (compiled on first use).</summary>
    public LexiconMatcher Cues => _cues.Value;

    /// <summary>A version string naming each lexicon and its version, for manifests.</summary>
    public string Version => $"{RightsLexicon.Name}@{RightsLexicon.Version};{LinkageLexicon.Name}@{LinkageLexicon.Version};{CuesLexicon.Name}@{CuesLexicon.Version}";

    /// <summary>This set with one lexicon replaced by <paramref name="lexicon"/>, chosen by its name (rights, linkage or cues).</summary>
    /// <param name="lexicon">The replacement.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">The lexicon's name is not rights, linkage or cues, it lacks a required category, or the three lexicons would have more than <see cref="LexiconMatcher.MaxCategories"/> categories together.</exception>
    /// <exception cref="FormatException">An entry cannot be matched (a glob with fewer than three characters of one token before its '*').</exception>
    public LexiconSet With(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return lexicon.Name switch
        {
            "rights" => new LexiconSet(lexicon, LinkageLexicon, CuesLexicon, _tokenizer),
            "linkage" => new LexiconSet(RightsLexicon, lexicon, CuesLexicon, _tokenizer),
            "cues" => new LexiconSet(RightsLexicon, LinkageLexicon, lexicon, _tokenizer),
            _ => throw new ArgumentException($"A lexicon for the taggers is named rights, linkage or cues (@lexicon); got '{lexicon.Name}'.", nameof(lexicon)),
        };
    }

    private static void Check(Lexicon lexicon, string role)
    {
        var missing = RequiredCategories[role].Where(c => !lexicon.Categories.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The {role} lexicon '{lexicon.Name}' lacks the categories {string.Join(", ", missing)}.");
        }

        // A category of one's own is read as a category of entries (rights and linkage: evidence
        // and a model feature); one misspelled ("[Ignore]", "[presure]") would silently be such
        // a category, and the one meant would be missing.
        string[] known = [.. RequiredCategories[role], .. OptionalCategories[role]];
        foreach (var category in lexicon.Categories.Where(c => !known.Contains(c, StringComparer.Ordinal)))
        {
            if (known.FirstOrDefault(k => IsNearMiss(category, k)) is { } meant)
            {
                throw new ArgumentException($"The {role} lexicon '{lexicon.Name}' has the category [{category}], which the taggers do not read and which is close to [{meant}] (another case, or a letter added, dropped or changed); category names are exact. Name it [{meant}], or give a category of your own a name further from it.");
            }

            // The rules read the cues lexicon's categories by name: another would have no effect.
            if (role == "cues")
            {
                throw new ArgumentException($"The cues lexicon '{lexicon.Name}' has the category [{category}], which the taggers do not read (the rules read only {string.Join(", ", known)}); its entries would have no effect.");
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="known"/> in another case, or one letter added, dropped or changed from it (for names of five letters or more).</summary>
    private static bool IsNearMiss(string name, string known)
    {
        if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (known.Length < 5 || Math.Abs(name.Length - known.Length) > 1)
        {
            return false;
        }

        var a = name.ToLowerInvariant();
        var b = known;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        // After the first difference the rest must agree with one letter changed, added or dropped.
        return a.Length == b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            : a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
