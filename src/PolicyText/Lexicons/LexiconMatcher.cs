using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.InteropServices;
using PolicyText.Internals;
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

    // A bit per hash of a whole word (WordHash) for each word that starts an entry, and per hash
    // of the first three or four characters (StartBit) of each glob that does: most tokens of a
    // text start no entry, and these rule them out without a lookup. Null when the root itself is
    // a match (then every token must be walked).
    private readonly ulong[]? _starts;
    private readonly ulong[]? _globStarts;

    // Every exact-word edge of the trie in one open-addressing table keyed by (node, word hash),
    // so that a token's hash, computed once, serves each lookup it takes part in.
    private readonly Edge[] _edges;
    private readonly int _edgeShift;

    /// <summary>Compiles <paramref name="lexicon"/> for matching.</summary>
    /// <param name="lexicon">The lexicon.</param>
    /// <param name="tokenizer">The tokenizer that splits entries, or <see langword="null"/> for <see cref="Tokenizer.Default"/>.</param>
    /// <exception cref="ArgumentException">The lexicon has more than <see cref="MaxCategories"/> categories.</exception>
    /// <exception cref="FormatException">An entry is a glob with fewer than three characters of one token before its '*', once tokenized (<c>anti-*</c>).</exception>
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
                MaxTokens = Math.Max(MaxTokens, Add(builders, lexicon.Name, lexicon.Entries[e], categoryIndex, entryBase + e, tokenizer));
            }

            categoryBase += lexicon.Categories.Count;
            entryBase += lexicon.Entries.Count;
        }

        // The walk keeps one bit per category (a ulong): more would be silently never matched.
        if (categoryBase > MaxCategories)
        {
            throw new ArgumentException($"The lexicons matched together have {categoryBase} categories; at most {MaxCategories} are supported (the rights, linkage and cues lexicons count together).");
        }

        _categories = categoryBase;
        CategoryOffsets = offsets;
        EntryOffsets = entryOffsets;
        _nodes = builders.Select(b => b.Build()).ToArray();
        int edges = builders.Sum(b => b.Exact.Count);
        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, edges)) + 2);
        _edges = new Edge[1 << bits];
        _edgeShift = 32 - bits;
        for (int n = 0; n < builders.Count; n++)
        {
            foreach (var (word, child) in builders[n].Exact)
            {
                uint hash = WordHash(word);
                int slot = Slot(n, hash);
                while (_edges[slot].Word is not null)
                {
                    slot = (slot + 1) & (_edges.Length - 1);
                }

                _edges[slot] = new Edge(n, hash, child, word);
            }
        }

        if (builders[0].Terminals.Count == 0)
        {
            _starts = new ulong[StartBits / 64];
            _globStarts = new ulong[StartBits / 64];
            foreach (var word in builders[0].Exact.Keys)
            {
                Set(_starts, (int)(WordHash(word) >> (32 - 16)));
            }

            foreach (var prefix in builders[0].Globs.Keys)
            {
                // Glob prefixes have at least three characters (GlobKey needs them).
                Set(_globStarts, StartBit(prefix, Math.Min(prefix.Length, 4)));
            }
        }

        static void Set(ulong[] bits, int bit) => bits[bit >> 6] |= 1UL << bit;
    }

    private const int StartBits = 1 << 16;

    /// <summary>The most categories one matcher (for a <c>LexiconSet</c>, its three lexicons together) can have.</summary>
    public const int MaxCategories = 64;

    /// <summary>A hash of the first <paramref name="length"/> characters of <paramref name="word"/> (three or four): a glob prefix of that length (or longer, for four) has the same as each word it matches.</summary>
    private static int StartBit(ReadOnlySpan<char> word, int length)
    {
        ulong key = (ulong)length << 48;
        for (int k = 0; k < length; k++)
        {
            key ^= (ulong)word[k] << (16 * k);
        }

        return StartBit(key);
    }

    /// <summary><see cref="StartBit(ReadOnlySpan{char}, int)"/> of a key made by it (or read as four characters at once).</summary>
    private static int StartBit(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - 16));

    /// <summary>The hash the edge table and the root filter use: the one an analysis computes once per token.</summary>
    private static uint WordHash(ReadOnlySpan<char> word) => WordHashes.Fnv(word);

    private int Slot(int node, uint hash) => (int)(((hash + ((uint)node * 0x9E3779B1u)) * 0x85EBCA6Bu) >> _edgeShift);

    /// <summary>The child of <paramref name="node"/> along the exact word <paramref name="word"/> (of hash <paramref name="hash"/>), or -1.</summary>
    private int Child(int node, uint hash, ReadOnlySpan<char> word)
    {
        var edges = _edges;
        int slot = Slot(node, hash);
        while (true)
        {
            ref readonly var e = ref edges[slot];
            if (e.Word is null)
            {
                return -1;
            }

            if (e.Hash == hash && e.Node == node && word.SequenceEqual(e.Word))
            {
                return e.Child;
            }

            slot = (slot + 1) & (edges.Length - 1);
        }
    }

    private readonly record struct Edge(int Node, uint Hash, int Child, string? Word);

    /// <summary>For a matcher of several lexicons, the first category number of each.</summary>
    internal int[] CategoryOffsets { get; }

    /// <summary>For a matcher of several lexicons, the first entry number of each.</summary>
    internal int[] EntryOffsets { get; }

    /// <returns>The number of tokens the entry matches.</returns>
    private static int Add(List<NodeBuilder> builders, string lexiconName, LexiconEntry entry, Dictionary<string, int> categoryIndex, int entryNumber, Tokenizer tokenizer)
    {
        int longest = 0;
        foreach (var path in Paths(entry.Pattern, tokenizer))
        {
            int node = 0;
            foreach (var (word, glob) in path)
            {
                // A glob is looked up by its first three characters: "anti-*" tokenizes to "anti" and
                // a glob "-*", which has too few.
                if (glob && word.Length < 3)
                {
                    throw new FormatException($"The {lexiconName} lexicon, line {entry.Line}: '{entry.Pattern}': the '*' follows '{word}' once the pattern is tokenized; a glob needs at least three characters of one word before its '*'.");
                }

                var map = glob ? builders[node].Globs : builders[node].Exact;
                if (!map.TryGetValue(word, out int child))
                {
                    child = builders.Count;
                    builders.Add(new NodeBuilder());
                    map[word] = child;
                }

                node = child;
            }

            // One entry of a category per path: the first entry written keeps it.
            int category = categoryIndex[entry.Category];
            if (!builders[node].Terminals.Exists(t => t.Category == category))
            {
                builders[node].Terminals.Add((category, entryNumber));
            }

            longest = Math.Max(longest, path.Count);
        }

        return longest;
    }

    /// <summary>
    /// A key that two entries share exactly when they match the same tokens: the token paths of
    /// <see cref="Paths"/>, normalized, with their globs marked. Used to drop duplicate entries.
    /// </summary>
    internal static string MatchKey(string pattern, Tokenizer tokenizer) =>
        string.Join('\n', Paths(pattern, tokenizer).Select(path => string.Join(' ', path.Select(w => w.Glob ? w.Word + "*" : w.Word))).Order(StringComparer.Ordinal));

    /// <summary>
    /// The token paths an entry matches: the entry tokenized as written, and, when it holds an
    /// '&amp;' between letters, also with the letters either side of each upper-cased and
    /// lower-cased. The tokenizer joins "AT&amp;T" into one token and splits "at&amp;t" into three,
    /// so matching is case-insensitive only if the entry is read both ways.
    /// </summary>
    private static List<List<(string Word, bool Glob)>> Paths(string pattern, Tokenizer tokenizer)
    {
        var paths = new List<List<(string Word, bool Glob)>> { Words(pattern, tokenizer).ToList() };
        if (pattern.Contains('&', StringComparison.Ordinal))
        {
            foreach (var upper in (ReadOnlySpan<bool>)[true, false])
            {
                // A variant whose glob falls on a short word ("r&d*" read as "r", "&", "d*") is
                // left out; only the entry as written must be a glob that can be looked up.
                var variant = Words(CaseAroundAmpersands(pattern, upper), tokenizer).ToList();
                if (!paths.Exists(p => p.SequenceEqual(variant)) && !variant.Exists(w => w.Glob && w.Word.Length < 3))
                {
                    paths.Add(variant);
                }
            }
        }

        return paths;

        static string CaseAroundAmpersands(string pattern, bool upper)
        {
            var chars = pattern.ToCharArray();
            for (int i = 1; i + 1 < chars.Length; i++)
            {
                if (chars[i] == '&' && char.IsAsciiLetter(chars[i - 1]) && char.IsAsciiLetter(chars[i + 1]))
                {
                    chars[i - 1] = upper ? char.ToUpperInvariant(chars[i - 1]) : char.ToLowerInvariant(chars[i - 1]);
                    chars[i + 1] = upper ? char.ToUpperInvariant(chars[i + 1]) : char.ToLowerInvariant(chars[i + 1]);
                }
            }

            return new string(chars);
        }
    }

    /// <summary>The lexicon being matched (the first, for a matcher of several).</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The most tokens one match can span (the longest entry, once tokenized).</summary>
    internal int MaxTokens { get; }

    /// <summary>Finds matches among <paramref name="tokens"/> of a text whose normalized form is <paramref name="normalizedText"/>.</summary>
    /// <param name="normalizedText">The normalized text (<see cref="TextDocument.NormalizedText"/>).</param>
    /// <param name="tokens">The tokens to search, such as one sentence's; match token indexes are relative to this span.</param>
    /// <param name="destination">Receives the matches, in order of their first token.</param>
    /// <returns>The number of matches appended.</returns>
    /// <exception cref="ArgumentException">A token reaches past the text: the tokens are of another text.</exception>
    public int Match(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, List<LexiconMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (tokens.Length > 0 && tokens[^1].End > normalizedText.Length)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The tokens are not of this text: the last spans {tokens[^1].Start} to {tokens[^1].End}, past the text's {normalizedText.Length} characters."), nameof(tokens));
        }

        // Each token's word hash, computed once for every lookup the token takes part in.
        uint[]? rented = tokens.Length > 256 ? ArrayPool<uint>.Shared.Rent(tokens.Length) : null;
        Span<uint> hashes = (rented ?? stackalloc uint[256])[..tokens.Length];
        WordHashes.Compute(normalizedText, tokens, hashes);
        int count = Match(normalizedText, tokens, hashes, destination);
        if (rented is not null)
        {
            ArrayPool<uint>.Shared.Return(rented);
        }

        return count;
    }

    /// <summary><see cref="Match(ReadOnlySpan{char}, ReadOnlySpan{Token}, List{LexiconMatch})"/> with the tokens' <see cref="WordHashes.Fnv"/> already computed.</summary>
    internal int Match(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> hashes, List<LexiconMatch> destination)
    {
        Span<int> work = stackalloc int[3 * WorkLength];
        work[WorkLength..].Fill(-1);
        return Match(normalizedText, tokens, hashes, destination, work);
    }

    /// <summary>The categories a match is looked for in (at most 64, a bit each): <see cref="Match(ReadOnlySpan{char}, ReadOnlySpan{Token}, ReadOnlySpan{uint}, List{LexiconMatch}, Span{int}, bool)"/>'s work space is three times as many.</summary>
    internal int WorkLength => _categories;

    /// <summary>
    /// <see cref="Match(ReadOnlySpan{char}, ReadOnlySpan{Token}, ReadOnlySpan{uint}, List{LexiconMatch})"/>
    /// in the caller's work space of 3 × <see cref="WorkLength"/> entries, of which all but the
    /// first <see cref="WorkLength"/> are −1 on entry and are left so: a caller matching sentence
    /// after sentence fills it once.
    /// </summary>
    /// <param name="normalizedText">The normalized text.</param>
    /// <param name="tokens">The tokens to search.</param>
    /// <param name="hashes">Their <see cref="WordHashes.Fnv"/>.</param>
    /// <param name="destination">Receives the matches.</param>
    /// <param name="work">The work space.</param>
    /// <param name="mayHoldRespelled">False when the caller knows the text holds none of <see cref="CharClass.Respelled"/> (it scanned the whole document once).</param>
    internal int Match(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> hashes, List<LexiconMatch> destination, Span<int> work, bool mayHoldRespelled = true)
    {
        // A soft hyphen or a joiner inside a word is left out of the words compared, and a ligature
        // spelled out, as the hashes do (rare; one vectorized scan of the tokens' text says so):
        // the tokens are matched as a respelled copy of their text.
        if (mayHoldRespelled && !tokens.IsEmpty && normalizedText[tokens[0].Start..tokens[^1].End].ContainsAny(CharClass.Respelled))
        {
            var (text, visible) = Respell(normalizedText, tokens);
            return MatchVisible(text, visible, hashes, destination, work);
        }

        return MatchVisible(normalizedText, tokens, hashes, destination, work);
    }

    /// <summary>The tokens' texts respelled (<see cref="CharClass.Respell"/>: invisible characters left out, ligatures spelled out, combining marks composed), one after another (a space between), and tokens over that text in the same order, of the same kinds.</summary>
    private static (string Text, Token[] Tokens) Respell(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens)
    {
        var text = new System.Text.StringBuilder();
        var visible = new Token[tokens.Length];
        for (int k = 0; k < tokens.Length; k++)
        {
            int start = text.Length;
            var word = tokens[k].GetText(normalizedText);
            if (word.ContainsAny(CharClass.Respelled))
            {
                text.Append(CharClass.Respell(word));
            }
            else
            {
                text.Append(word);
            }

            visible[k] = Token.Create(start, text.Length - start, tokens[k].Kind);
            text.Append(' ');
        }

        return (text.ToString(), visible);
    }

    private int MatchVisible(ReadOnlySpan<char> normalizedText, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> hashes, List<LexiconMatch> destination, Span<int> work)
    {
        int before = destination.Count;
        var coveredUntil = work[..WorkLength];
        coveredUntil.Clear();
        var best = work.Slice(WorkLength, 2 * WorkLength);
        var starts = _starts;
        var globStarts = _globStarts;
        // One walker for the sentence; each walk sets the token it starts at.
        var walk = new Walker(normalizedText, tokens, hashes, best);
        for (int i = 0; i < tokens.Length; i++)
        {
            // At the root, the filters say whether the token may be an exact word of an entry
            // and whether it may match a glob: the walk skips the lookups they rule out.
            bool exact = true;
            bool globs = true;
            if (starts is not null && globStarts is not null)
            {
                int bit = (int)(hashes[i] >> (32 - 16));
                exact = (starts[bit >> 6] & (1UL << bit)) != 0;
                var word = tokens[i].GetText(normalizedText);
                if (word.Length < 3)
                {
                    globs = false;
                }
                else
                {
                    // The same keys as StartBit(word, 3) and StartBit(word, 4), from one read
                    // of the first four characters (little-endian: character k at bits 16k).
                    ulong chars = word.Length >= 4 && BitConverter.IsLittleEndian
                        ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(word))
                        : (ulong)word[0] | ((ulong)word[1] << 16) | ((ulong)word[2] << 32) | (word.Length >= 4 ? (ulong)word[3] << 48 : 0);
                    int three = StartBit((chars & 0xFFFF_FFFF_FFFFUL) ^ (3UL << 48));
                    int four = word.Length >= 4 ? StartBit(chars ^ (4UL << 48)) : three;
                    globs = (globStarts[three >> 6] & (1UL << three)) != 0 || (globStarts[four >> 6] & (1UL << four)) != 0;
                }

                if (!exact && !globs)
                {
                    continue;
                }
            }

            // Only the categories the walk wrote (a bit each; mostly none) are read and reset,
            // in ascending order as a loop over all categories would.
            walk.Start = i;
            for (ulong written = Walk(ref walk, 0, 0, exact, globs); written != 0; written &= written - 1)
            {
                int c = BitOperations.TrailingZeroCount(written);
                int length = best[2 * c];
                if (length > 0 && i + length > coveredUntil[c])
                {
                    destination.Add(new LexiconMatch(i, length, c, best[(2 * c) + 1]));
                    coveredUntil[c] = i + length;
                }

                best[2 * c] = -1;
                best[(2 * c) + 1] = -1;
            }
        }

        return destination.Count - before;
    }

    /// <summary>Finds matches in a whole document, its tokens read as one run: a multi-word entry can match across a sentence or paragraph break (the taggers match each sentence on its own, through the overload for a span of tokens).</summary>
    /// <param name="document">The document.</param>
    /// <param name="destination">Receives the matches; token indexes are the document's.</param>
    /// <returns>The number of matches appended.</returns>
    public int Match(TextDocument document, List<LexiconMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Match(document.NormalizedText, document.Tokens, destination);
    }

    /// <summary>Depth-first walk from token <c>w.Start</c> + <paramref name="depth"/>, recording the longest match per category.</summary>
    /// <returns>A bit per category whose entry in <c>w.Best</c> was written.</returns>
    /// <remarks><paramref name="exact"/> is false when the token cannot be an exact word of the node, <paramref name="globs"/> when it cannot match a glob of it (the root's filters said so).</remarks>
    private ulong Walk(scoped ref Walker w, int depth, int node, bool exact = true, bool globs = true)
    {
        ref readonly var n = ref _nodes[node];
        ulong found = 0;
        var best = w.Best;
        foreach (var (category, entry) in n.Terminals)
        {
            if (depth > best[2 * category])
            {
                best[2 * category] = depth;
                best[(2 * category) + 1] = entry;
                found |= 1UL << category;
            }
        }

        int t = w.Start + depth;
        if (t >= w.Tokens.Length)
        {
            return found;
        }

        uint hash = w.Hashes[t];
        bool tryExact = exact && (n.ExactMask & (1UL << (int)(hash >> 26))) != 0;
        bool tryGlobs = globs && n.Globs is not null;
        if (!tryExact && !tryGlobs)
        {
            // Neither lookup can succeed (most nodes below the root have few children and no
            // globs): the token's text is not even sliced.
            return found;
        }

        var word = w.Tokens[t].GetText(w.Text);
        int child = tryExact ? Child(node, hash, word) : -1;
        if (child >= 0)
        {
            found |= Walk(ref w, depth + 1, child);
        }

        if (tryGlobs && word.Length >= 3 && n.Globs is { } nodeGlobs && nodeGlobs.TryGetValue(GlobKey(word), out var candidates))
        {
            if (candidates.Length > SortedGlobs)
            {
                found |= WalkSortedGlobs(ref w, depth, word, candidates);
            }
            else
            {
                foreach (var (prefix, globChild, _) in candidates)
                {
                    if (word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        found |= Walk(ref w, depth + 1, globChild);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The globs of one node that share their first three characters, when there are more than
    /// this many, are kept sorted and looked up by each prefix of the word (a lexicon made of
    /// stems with a '*' each can have thousands under "con"), instead of compared one by one.
    /// </summary>
    private const int SortedGlobs = 16;

    /// <summary>
    /// <see cref="Walk"/>'s glob step over a large group sorted by prefix: each prefix of the
    /// word, from three characters, is searched for, and the globs found are walked in the order
    /// the lexicon lists them, as the small groups' are, so the same entry wins a tie.
    /// </summary>
    private ulong WalkSortedGlobs(ref Walker w, int depth, ReadOnlySpan<char> word, (string Prefix, int Child, int Order)[] sorted)
    {
        long[]? rented = word.Length > 128 ? ArrayPool<long>.Shared.Rent(word.Length) : null;
        Span<long> hits = rented is null ? stackalloc long[word.Length] : rented.AsSpan(0, word.Length);
        int count = 0;
        for (int length = 3; length <= word.Length; length++)
        {
            var prefix = word[..length];
            int lo = 0;
            int hi = sorted.Length - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int order = prefix.SequenceCompareTo(sorted[mid].Prefix);
                if (order == 0)
                {
                    hits[count++] = ((long)sorted[mid].Order << 32) | (uint)sorted[mid].Child;
                    break;
                }

                if (order < 0)
                {
                    hi = mid - 1;
                }
                else
                {
                    lo = mid + 1;
                }
            }
        }

        hits[..count].Sort();
        ulong found = 0;
        foreach (var hit in hits[..count])
        {
            found |= Walk(ref w, depth + 1, (int)(uint)hit);
        }

        if (rented is not null)
        {
            ArrayPool<long>.Shared.Return(rented);
        }

        return found;
    }

    /// <summary>What a walk reads: the sentence, its tokens and their hashes, the best match per category so far (the same for every walk over the sentence), and the token the walk starts at.</summary>
    private ref struct Walker(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> hashes, Span<int> best)
    {
        public readonly ReadOnlySpan<char> Text = text;
        public readonly ReadOnlySpan<Token> Tokens = tokens;
        public readonly ReadOnlySpan<uint> Hashes = hashes;
        public readonly Span<int> Best = best;

        /// <summary>The token the walk starts at.</summary>
        public int Start;
    }

    private static ulong GlobKey(ReadOnlySpan<char> word) => ((ulong)word[0] << 32) | ((ulong)word[1] << 16) | word[2];

    /// <summary>The normalized words of a pattern; a trailing '*' makes the last token of its word a prefix glob.</summary>
    private static IEnumerable<(string Word, bool Glob)> Words(string pattern, Tokenizer tokenizer)
    {
        foreach (var raw in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Tokenized as written, then normalized, as a text is: the tokenizer reads some
            // characters that normalizing changes ("R&D" is one token, "r&d" three; an en dash
            // splits words where a hyphen joins them), so the other order could make an entry
            // that never matches the text it was copied from.
            bool glob = raw.EndsWith('*');
            var word = glob ? raw[..^1] : raw;
            var normalized = TextNormalizer.Normalize(word);
            var tokens = tokenizer.Tokenize(word);
            for (int k = 0; k < tokens.Length; k++)
            {
                // Spelled as the text's words are read (CharClass.Respell): an entry written with a
                // ligature or in decomposed form matches the plain word, as the hashes already do.
                yield return (tokens[k].GetWord(normalized).ToString(), glob && k == tokens.Length - 1);
            }
        }
    }

    private sealed class NodeBuilder
    {
        public Dictionary<string, int> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Globs { get; } = new(StringComparer.Ordinal);

        public List<(int Category, int Entry)> Terminals { get; } = [];

        public Node Build() => new(
            Exact.Keys.Aggregate(0UL, (mask, word) => mask | (1UL << (int)(WordHash(word) >> 26))),
            Globs.Count == 0 ? null : Globs.GroupBy(g => GlobKey(g.Key)).ToFrozenDictionary(g => g.Key, g => Group([.. g.Select((x, i) => (x.Key, x.Value, i))])),
            [.. Terminals]);

        /// <summary>A group of globs in the lexicon's order, or sorted by prefix (ordinal) when it is large (<see cref="SortedGlobs"/>).</summary>
        private static (string Prefix, int Child, int Order)[] Group((string Prefix, int Child, int Order)[] globs)
        {
            if (globs.Length > SortedGlobs)
            {
                Array.Sort(globs, (a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
            }

            return globs;
        }
    }

    /// <summary>
    /// A trie node: a bit per top six bits of the hash of each of its exact-word children (which
    /// are in the edge table; a word whose bit is clear is not among them), its glob children,
    /// and the entries that end here.
    /// </summary>
    private readonly record struct Node(
        ulong ExactMask,
        FrozenDictionary<ulong, (string Prefix, int Child, int Order)[]>? Globs,
        (int Category, int Entry)[] Terminals);
}
