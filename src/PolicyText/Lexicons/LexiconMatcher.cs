using System.Collections.Frozen;
using PolicyText.Text;

namespace PolicyText.Lexicons;

/// <summary>A lexicon entry found in a text: which tokens, which entry, which category.</summary>
/// <param name="FirstToken">Index of the first matched token.</param>
/// <param name="TokenCount">Number of matched tokens.</param>
/// <param name="Category">Index of the category in <see cref="Lexicon.Categories"/>.</param>
/// <param name="Entry">Index of the entry in <see cref="Lexicon.Entries"/>.</param>
public readonly record struct LexiconMatch(int FirstToken, int TokenCount, int Category, int Entry);

/// <summary>
/// Finds a lexicon's entries in tokenized text, comparing normalized tokens (case-folded, quotes
/// and dashes unified), like quanteda's <c>tokens_lookup()</c> with glob patterns. Entries are
/// tokenized with the same tokenizer as the text, so <c>Korea's</c> in an entry matches
/// <c>Korea</c> + <c>'s</c> in a text. At each position the longest match of each category is
/// kept, and a match inside a longer match of the same category is dropped. Matching allocates
/// nothing per token. Instances are immutable and thread-safe.
/// </summary>
public sealed class LexiconMatcher
{
    private readonly Node[] _nodes;
    private readonly int _categories;

    // A bit per hash of a word's first three characters (see StartKey), set for every word that
    // can start an entry: most tokens of a text start none, and this rules them out without a
    // dictionary lookup. Null when the root itself is a match (then every token must be walked).
    private readonly ulong[]? _starts;

    /// <summary>Compiles <paramref name="lexicon"/> for matching.</summary>
    /// <param name="lexicon">The lexicon.</param>
    /// <param name="tokenizer">The tokenizer that splits entries, or <see langword="null"/> for <see cref="Tokenizer.Default"/>.</param>
    public LexiconMatcher(Lexicon lexicon, Tokenizer? tokenizer = null)
        : this([lexicon ?? throw new ArgumentNullException(nameof(lexicon))], tokenizer)
    {
    }

    /// <summary>
    /// Compiles several lexicons into one matcher, so that a text is walked once for all of them.
    /// Categories and entries are numbered across the lexicons in order (see <see cref="CategoryOffsets"/>).
    /// </summary>
    internal LexiconMatcher(IReadOnlyList<Lexicon> lexicons, Tokenizer? tokenizer)
    {
        Lexicon = lexicons[0];
        tokenizer ??= Tokenizer.Default;
        var builders = new List<NodeBuilder> { new() };
        var offsets = new int[lexicons.Count];
        var entryOffsets = new int[lexicons.Count];
        int categoryBase = 0;
        int entryBase = 0;
        for (int l = 0; l < lexicons.Count; l++)
        {
            offsets[l] = categoryBase;
            entryOffsets[l] = entryBase;
            var lexicon = lexicons[l];
            var categoryIndex = lexicon.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => categoryBase + x.i, StringComparer.Ordinal);
            for (int e = 0; e < lexicon.Entries.Count; e++)
            {
                Add(builders, lexicon.Entries[e], categoryIndex, entryBase + e, tokenizer);
            }

            categoryBase += lexicon.Categories.Count;
            entryBase += lexicon.Entries.Count;
        }

        _categories = categoryBase;
        CategoryOffsets = offsets;
        EntryOffsets = entryOffsets;
        _nodes = builders.Select(b => b.Build()).ToArray();
        if (builders[0].Terminals.Count == 0)
        {
            _starts = new ulong[StartBits / 64];
            foreach (var word in builders[0].Exact.Keys.Concat(builders[0].Globs.Keys))
            {
                int bit = StartBit(word);
                _starts[bit >> 6] |= 1UL << bit;
            }
        }
    }

    private const int StartBits = 1 << 16;

    /// <summary>
    /// A hash of a word's first three characters and of its length up to three: an exact entry
    /// word has the same as each token equal to it, and a glob prefix (at least three characters)
    /// the same as each token starting with it.
    /// </summary>
    private static int StartBit(ReadOnlySpan<char> word)
    {
        ulong key = (ulong)Math.Min(word.Length, 3) << 48;
        for (int k = 0; k < word.Length && k < 3; k++)
        {
            key |= (ulong)word[k] << (16 * k);
        }

        return (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - 16));
    }

    /// <summary>For a matcher of several lexicons, the first category number of each.</summary>
    internal int[] CategoryOffsets { get; }

    /// <summary>For a matcher of several lexicons, the first entry number of each.</summary>
    internal int[] EntryOffsets { get; }

    private static void Add(List<NodeBuilder> builders, LexiconEntry entry, Dictionary<string, int> categoryIndex, int entryNumber, Tokenizer tokenizer)
    {
        int node = 0;
        foreach (var (word, glob) in Words(entry.Pattern, tokenizer))
        {
            var map = glob ? builders[node].Globs : builders[node].Exact;
            if (!map.TryGetValue(word, out int child))
            {
                child = builders.Count;
                builders.Add(new NodeBuilder());
                map[word] = child;
            }

            node = child;
        }

        builders[node].Terminals.Add((categoryIndex[entry.Category], entryNumber));
    }

    /// <summary>The lexicon being matched (the first, for a matcher of several).</summary>
    public Lexicon Lexicon { get; }

    /// <summary>Finds matches among <paramref name="tokens"/> of a text whose normalized form is <paramref name="normalizedText"/>.</summary>
    /// <param name="normalizedText">The normalized text (<see cref="TextDocument.NormalizedText"/>).</param>
    /// <param name="tokens">The tokens to search, such as one sentence's; match token indexes are relative to this span.</param>
    /// <param name="destination">Receives the matches, in order of their first token.</param>
    /// <returns>The number of matches appended.</returns>
    public int Match(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, List<LexiconMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int before = destination.Count;
        Span<int> coveredUntil = stackalloc int[Math.Min(_categories, 64)];
        coveredUntil.Clear();
        Span<int> best = stackalloc int[coveredUntil.Length * 2];
        best.Fill(-1);
        var starts = _starts;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (starts is not null)
            {
                int bit = StartBit(tokens[i].GetText(normalizedText));
                if ((starts[bit >> 6] & (1UL << bit)) == 0)
                {
                    continue;
                }
            }

            // Most tokens start no entry: then nothing was written and nothing needs resetting.
            if (!Walk(normalizedText, tokens, i, 0, 0, best))
            {
                continue;
            }

            for (int c = 0; c < coveredUntil.Length; c++)
            {
                int length = best[2 * c];
                if (length > 0 && i + length > coveredUntil[c])
                {
                    destination.Add(new LexiconMatch(i, length, c, best[(2 * c) + 1]));
                    coveredUntil[c] = i + length;
                }
            }

            best.Fill(-1);
        }

        return destination.Count - before;
    }

    /// <summary>Finds matches in a whole document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="destination">Receives the matches; token indexes are the document's.</param>
    /// <returns>The number of matches appended.</returns>
    public int Match(TextDocument document, List<LexiconMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Match(document.NormalizedText, document.Tokens, destination);
    }

    /// <summary>Depth-first walk from token <paramref name="i"/> + <paramref name="depth"/>, recording the longest match per category.</summary>
    private bool Walk(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, int depth, int node, Span<int> best)
    {
        var n = _nodes[node];
        bool found = false;
        foreach (var (category, entry) in n.Terminals)
        {
            if (category < best.Length / 2 && depth > best[2 * category])
            {
                best[2 * category] = depth;
                best[(2 * category) + 1] = entry;
                found = true;
            }
        }

        int t = i + depth;
        if (t >= tokens.Length)
        {
            return found;
        }

        var word = tokens[t].GetText(text);
        if (n.Exact is not null && n.ExactLookup.TryGetValue(word, out int child))
        {
            found |= Walk(text, tokens, i, depth + 1, child, best);
        }

        if (n.Globs is not null && word.Length >= 3 && n.Globs.TryGetValue(GlobKey(word), out var candidates))
        {
            foreach (var (prefix, globChild) in candidates)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    found |= Walk(text, tokens, i, depth + 1, globChild, best);
                }
            }
        }

        return found;
    }

    private static ulong GlobKey(ReadOnlySpan<char> word) => ((ulong)word[0] << 32) | ((ulong)word[1] << 16) | word[2];

    /// <summary>The normalized words of a pattern; a trailing '*' makes the last token of its word a prefix glob.</summary>
    private static IEnumerable<(string Word, bool Glob)> Words(string pattern, Tokenizer tokenizer)
    {
        foreach (var raw in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool glob = raw.EndsWith('*');
            var word = TextNormalizer.Normalize(glob ? raw[..^1] : raw);
            var tokens = tokenizer.Tokenize(word);
            for (int k = 0; k < tokens.Length; k++)
            {
                yield return (tokens[k].GetText(word).ToString(), glob && k == tokens.Length - 1);
            }
        }
    }

    private sealed class NodeBuilder
    {
        public Dictionary<string, int> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Globs { get; } = new(StringComparer.Ordinal);

        public List<(int Category, int Entry)> Terminals { get; } = [];

        public Node Build() => new(
            Exact.Count == 0 ? null : Exact.ToFrozenDictionary(StringComparer.Ordinal),
            Globs.Count == 0 ? null : Globs.GroupBy(g => GlobKey(g.Key)).ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Key, x.Value)).ToArray()),
            [.. Terminals]);
    }

    private sealed record Node(
        FrozenDictionary<string, int>? Exact,
        FrozenDictionary<ulong, (string Prefix, int Child)[]>? Globs,
        (int Category, int Entry)[] Terminals)
    {
        /// <summary>The span lookup, made once: the words of a text are looked up without allocating.</summary>
        public FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ExactLookup { get; } =
            Exact is null ? default : Exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
