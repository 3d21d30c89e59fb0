using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PolicyText.Internals;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Models;

/// <summary>
/// Turns a sentence into a sparse feature vector computed from PolicyText's own tokens and cues,
/// so that scoring never re-tokenizes: named cue features (lexicon counts, negation-flipped
/// stance cues, attribution, conditions, questions, the neighbouring sentences' topic), the
/// matched lexicon entries, and hashed unigrams and bigrams of the normalized words. The
/// feature space is fixed (<see cref="Dimension"/>) and versioned (<see cref="Version"/>);
/// hashing is FNV-1a, the same on every machine.
/// </summary>
public static class SentenceFeaturizer
{
    /// <summary>Number of features.</summary>
    public const int Dimension = 1 << 15;

    /// <summary>The feature space's version; a model records it and refuses another.</summary>
    public const string Version = "features-7";

    private const int Named = 144;
    private const int ParagraphBase = 128;
    private const int ParagraphReach = 8;
    private const int ContextBase = 64;
    private const int TitleBase = 96;

    /// <summary>The most context features <see cref="Context(IReadOnlyList{float[]}, float[], int, Span{KeyValuePair{int, float}}, IReadOnlyList{int}?)"/> writes.</summary>
    public const int MaxContext = 66;

    /// <summary>
    /// Document-wide cue totals, computed once per document (<see cref="Totals"/>), and the
    /// document-level feature values worked out from them. A plain struct, not a record: the
    /// values are set in the constructor, and a <c>with</c> copy would keep them stale.
    /// </summary>
    internal readonly struct DocumentTotals
    {
        /// <summary>Sets the totals and works out the feature values.</summary>
        /// <param name="pro">Pro cues in the document.</param>
        /// <param name="anti">Anti cues.</param>
        /// <param name="freedom">Freedom terms.</param>
        /// <param name="economicSocial">Economic and social terms.</param>
        /// <param name="topicSentences">Sentences with an instrument term.</param>
        /// <param name="sentences">Sentences.</param>
        /// <param name="firstPersonSentences">Sentences in which the author speaks in the first person.</param>
        /// <param name="normativeSentences">Sentences with a normative wording.</param>
        /// <param name="reportedSentences">Sentences reporting others' words.</param>
        /// <param name="evaluationStance">Evaluations leaning pro-linkage (pressure praised, engagement faulted) minus those leaning anti-linkage.</param>
        public DocumentTotals(int pro, int anti, int freedom, int economicSocial, int topicSentences, int sentences, int firstPersonSentences, int normativeSentences, int reportedSentences, int evaluationStance)
        {
            Pro = pro;
            Anti = anti;
            Freedom = freedom;
            EconomicSocial = economicSocial;
            TopicSentences = topicSentences;
            Sentences = sentences;
            FirstPersonSentences = firstPersonSentences;
            NormativeSentences = normativeSentences;
            ReportedSentences = reportedSentences;
            EvaluationStance = evaluationStance;

            // The document-level feature values, the same for each of its sentences, worked out
            // once (the same expressions, so the same floats, as when they were worked out per
            // sentence).
            TopicShare = topicSentences / (float)Math.Max(1, sentences);
            StanceLean = pro + anti == 0 ? 0 : (pro - anti) / (float)(pro + anti);
            RightsLean = freedom + economicSocial == 0 ? 0 : (economicSocial - freedom) / (float)(freedom + economicSocial);
            FirstPersonShare = firstPersonSentences / (float)Math.Max(1, sentences);
            NormativeShare = normativeSentences / (float)Math.Max(1, sentences);
            ReportedShare = reportedSentences / (float)Math.Max(1, sentences);
            EvaluationShare = evaluationStance / (float)Math.Max(3, Math.Abs(evaluationStance));
        }

        /// <summary>Pro cues in the document.</summary>
        public int Pro { get; }

        /// <summary>Anti cues.</summary>
        public int Anti { get; }

        /// <summary>Freedom terms.</summary>
        public int Freedom { get; }

        /// <summary>Economic and social terms.</summary>
        public int EconomicSocial { get; }

        /// <summary>Sentences with an instrument term.</summary>
        public int TopicSentences { get; }

        /// <summary>Sentences.</summary>
        public int Sentences { get; }

        /// <summary>Sentences in which the author speaks in the first person.</summary>
        public int FirstPersonSentences { get; }

        /// <summary>Sentences with a normative wording.</summary>
        public int NormativeSentences { get; }

        /// <summary>Sentences reporting others' words.</summary>
        public int ReportedSentences { get; }

        /// <summary>Evaluations leaning pro-linkage minus those leaning anti-linkage.</summary>
        public int EvaluationStance { get; }

        /// <summary>Feature 27: the share of sentences with an instrument term.</summary>
        public float TopicShare { get; }

        /// <summary>Features 42 and 44: where the pro and anti cues lean, −1 … 1 (0 without any).</summary>
        public float StanceLean { get; }

        /// <summary>Features 43 and 45: where the rights terms lean, −1 (freedom) … 1 (economic and social), 0 without any.</summary>
        public float RightsLean { get; }

        /// <summary>Feature 88: the share of sentences in the first person.</summary>
        public float FirstPersonShare { get; }

        /// <summary>Feature 89: the share of sentences with a normative wording.</summary>
        public float NormativeShare { get; }

        /// <summary>Feature 90: the share of sentences reporting others' words.</summary>
        public float ReportedShare { get; }

        /// <summary>Feature 91: the lean of the document's evaluations, −1 … 1.</summary>
        public float EvaluationShare { get; }
    }

    /// <summary>Sums the cues of a document's sentences.</summary>
    /// <param name="cues">The cues of every sentence.</param>
    /// <returns>The totals.</returns>
    internal static DocumentTotals Totals(IReadOnlyList<SentenceCues> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        // An array (the analyzer's case) is walked as a span, without an enumerator.
        var span = cues is SentenceCues[] array ? array : [.. cues];
        int pro = 0, anti = 0, freedom = 0, econ = 0, topic = 0, first = 0, normative = 0, reported = 0, evaluation = 0;
        foreach (var x in span)
        {
            first += x.FirstPerson > 0 ? 1 : 0;
            normative += x.Normative > 0 ? 1 : 0;
            reported += x.Reported ? 1 : 0;
            evaluation += EvaluationLean(x);
            pro += x.Pro;
            anti += x.Anti;
            freedom += x.Freedom;
            econ += x.EconomicSocial;
            topic += x.Instrument > 0 ? 1 : 0;
        }

        return new DocumentTotals(pro, anti, freedom, econ, topic, cues.Count, first, normative, reported, evaluation);
    }

    /// <summary>+1 when a sentence's evaluations lean pro-linkage, −1 when they lean anti-linkage, else 0.</summary>
    private static int EvaluationLean(SentenceCues c)
    {
        int lean = (c.Pressure > 0 ? c.Positive - c.Negative : 0) + (c.Engagement > 0 ? c.Negative - c.Positive : 0);
        return Math.Sign(lean);
    }

    /// <inheritdoc cref="Featurize(TextDocument, int, IReadOnlyList{SentenceCues}, DocumentTotals, List{KeyValuePair{int, float}})"/>
    public static void Featurize(TextDocument document, int index, IReadOnlyList<SentenceCues> cues, List<KeyValuePair<int, float>> features) =>
        Featurize(document, index, cues, Totals(cues), features);

    /// <summary>Writes the features of sentence <paramref name="index"/> into <paramref name="features"/> (cleared first), sorted by index, duplicates summed.</summary>
    /// <param name="document">The document.</param>
    /// <param name="index">The sentence's index.</param>
    /// <param name="cues">The cues of every sentence of the document.</param>
    /// <param name="totals">The document's totals, from <see cref="Totals"/> (compute them once per document).</param>
    /// <param name="features">Receives (index, value) pairs.</param>
    internal static void Featurize(TextDocument document, int index, IReadOnlyList<SentenceCues> cues, DocumentTotals totals, List<KeyValuePair<int, float>> features)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(features);
        if (cues.Count != document.Sentences.Length)
        {
            throw new ArgumentException($"One set of cues per sentence is needed: {cues.Count} for {document.Sentences.Length} sentences.", nameof(cues));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, document.Sentences.Length);
        features.Clear();
        int capacity = MaxFeatures(document.Sentences[index], cues[index]);
        var keys = ArrayPool<int>.Shared.Rent(capacity);
        var values = ArrayPool<float>.Shared.Rent(capacity);
        int count = Featurize(document, index, cues as SentenceCues[] ?? [.. cues], totals, keys, values);
        features.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            features.Add(new(keys[i], values[i]));
        }

        ArrayPool<int>.Shared.Return(keys);
        ArrayPool<float>.Shared.Return(values);
    }

    /// <summary>The most features a sentence can have: the named ones, one per lexicon entry matched, and a unigram and a bigram per token.</summary>
    internal static int MaxFeatures(Sentence sentence, SentenceCues cues) => Named + cues.Entries.Length + (2 * sentence.TokenCount);

    /// <summary>
    /// The core of <see cref="Featurize(TextDocument, int, IReadOnlyList{SentenceCues}, DocumentTotals, List{KeyValuePair{int, float}})"/>:
    /// writes the features into two spans of at least <see cref="MaxFeatures"/> entries, without allocating.
    /// <c>tokenHashes</c> holds the <see cref="WordHashes.Fnv"/> of each of the document's tokens, or is empty to hash them here.
    /// When <paramref name="sorted"/> is false, the hashed features are left as they come (in
    /// sentence order, a repeat as another feature of value 1) instead of listed once each in
    /// ascending order with their counts: a linear model gives them the same score up to float
    /// rounding (the sum is the same, taken in another order), and listing them costs about a
    /// tenth of an analysis. Training and feature export use the sorted list (an ML.NET sparse
    /// vector needs ascending, distinct indexes).
    /// </summary>
    /// <returns>The number of features written.</returns>
    internal static int Featurize(TextDocument document, int index, SentenceCues[] cues, in DocumentTotals totals, Span<int> keys, Span<float> values, ReadOnlySpan<uint> tokenHashes = default, bool sorted = true)
    {
        // The named features are written in ascending index order (Put leaves out zeros): the
        // same list as adding them one by one. They are written by two methods of their own, and
        // the hashed ones here: one method with every named feature has more locals than the JIT
        // keeps in registers, which made a whole analysis about 6 % slower when the last five
        // were added.
        // The writer goes in and out by value, so that its count stays in a register.
        var named = CueFeatures(document, index, cues, in totals, new NamedWriter(keys, values));
        var sentence = document.Sentences[index];
        int count = ArgumentFeatures(document, index, cues, in totals, tokenHashes, keys, values, named.Count);

        // The hashed features (all of value 1, indexes from Named up) are collected as integers
        // after the named ones, then (when sorted) listed once each in ascending order with their counts.
        var tokens = sentence.GetTokens(document.Tokens);
        var hashed = keys[count..];
        int h = 0;
        // An entry is identified by its category's name and its pattern (the key), not by where
        // it or its category stands in the lexicon, so adding entries or categories to a lexicon
        // leaves the other entries' features where they were.
        foreach (var (lexicon, key) in cues[index].Entries)
        {
            hashed[h++] = Hash(lexicon + 1, 0, key);
        }

        // Hashed unigrams and bigrams of the normalized words (numbers folded to one symbol).
        // Nothing but '?' and '!' normalizes to '?' or '!', so the source text tells them apart, and
        // the normalized text is needed only when the hashes are not given.
        var text = document.Text.AsSpan();
        uint previous = 0;
        for (int k = 0; k < tokens.Length; k++)
        {
            var t = tokens[k];
            if (t.Kind is TokenKind.Punctuation && text[t.Start] is not ('?' or '!'))
            {
                previous = 0;
                continue;
            }

            uint th = t.Kind == TokenKind.Number ? NumberHash : WordHash(document, t, tokenHashes, sentence.FirstToken + k);
            hashed[h++] = Bucket(th ^ 0x9E3779B9u);
            if (previous != 0)
            {
                hashed[h++] = Bucket((previous * 16777619u) ^ th);
            }

            previous = th;
        }

        if (!sorted)
        {
            values.Slice(count, h).Fill(1);
            return count + h;
        }

        return count + CountIndexes(hashed[..h], keys[count..], values[count..]);
    }

    /// <summary>The named features of the sentence's own cues and its neighbours' (1..63), written from index 0 as <see cref="Featurize(TextDocument, int, SentenceCues[], in DocumentTotals, Span{int}, Span{float}, ReadOnlySpan{uint}, bool)"/> does.</summary>
    /// <returns>The number of features written.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NamedWriter CueFeatures(TextDocument document, int index, SentenceCues[] cues, in DocumentTotals totals, NamedWriter w)
    {
        var c = cues[index];

        w.Capped(1, c.Freedom);
        w.Capped(2, c.EconomicSocial);
        w.Capped(3, c.GeneralRights);
        w.Flag(4, c.Freedom > 0 && c.EconomicSocial > 0);
        w.Flag(5, c.Freedom + c.EconomicSocial + c.GeneralRights == 0);
        w.Capped(6, c.Instrument);
        w.Capped(7, c.Pro);
        w.Capped(8, c.Anti);
        w.Capped(9, c.Negated);
        w.Capped(10, c.Negation);
        w.Capped(11, c.Attribution);
        w.Capped(12, c.Endorsement);
        w.Capped(13, c.Condition);
        w.Capped(14, c.Hedge);
        w.Capped(15, c.FirstPerson);
        w.Flag(16, c.Question && !c.Rhetorical);
        w.Flag(17, c.Quotation);
        w.Flag(18, c.Reported && (c.Pro + c.Anti) > 0);
        w.Flag(19, c.Condition > 0 && c.Instrument > 0);
        w.Flag(20, c.Instrument > 0 && c.Pro > c.Anti);
        w.Flag(21, c.Instrument > 0 && c.Anti > c.Pro);
        w.Flag(22, c.Instrument == 0 && c.Pro + c.Anti == 0);
        w.Flag(23, index > 0 && cues[index - 1].Instrument > 0);
        w.Flag(24, index + 1 < cues.Length && cues[index + 1].Instrument > 0);
        w.Flag(25, index > 0 && cues[index - 1].Freedom + cues[index - 1].EconomicSocial + cues[index - 1].GeneralRights > 0);
        w.Flag(26, index + 1 < cues.Length && cues[index + 1].Freedom + cues[index + 1].EconomicSocial + cues[index + 1].GeneralRights > 0);
        w.Value(27, totals.TopicShare);
        w.Flag(28, index == 0);
        var sentence = document.Sentences[index];
        w.Flag(29, sentence.TokenCount < 8);
        w.Flag(30, c.Reported);
        w.Flag(31, c.FirstPerson > 0 && (c.Pro + c.Anti) > 0);
        w.Flag(32, c.Negated > 0 && c.Instrument > 0);

        // What the lexicons and rules alone would say, one-hot.
        int rights = (int)LexiconTagger.Rights(c);
        for (int r = 0; r < 5; r++)
        {
            w.Flag(33 + r, r == rights);
        }

        int linkage = (int)LexiconTagger.Linkage(c);
        for (int l = 0; l < 4; l++)
        {
            w.Flag(38 + l, l == linkage);
        }

        // The document around the sentence: its share of pro and anti cues, and of each rights family.
        w.Value(42, totals.StanceLean);
        w.Value(43, totals.RightsLean);
        w.Value(44, (c.Pro + c.Anti == 0 && c.Instrument > 0) ? totals.StanceLean : 0);
        w.Value(45, (c.Freedom + c.EconomicSocial == 0 && c.GeneralRights + c.Instrument > 0) ? totals.RightsLean : 0);
        w.Flag(46, index > 0 && cues[index - 1].Pro > cues[index - 1].Anti);
        w.Flag(47, index > 0 && cues[index - 1].Anti > cues[index - 1].Pro);
        w.Flag(48, index > 0 && cues[index - 1].Freedom > 0);
        w.Flag(49, index > 0 && cues[index - 1].EconomicSocial > 0);
        w.Flag(50, totals.TopicSentences == 0);
        w.Capped(51, c.Normative);
        w.Flag(52, c.Normative > 0 && c.Instrument > 0);
        w.Flag(53, c.Normative > 0 && c.Pro > c.Anti);
        w.Flag(54, c.Normative > 0 && c.Anti > c.Pro);
        w.Flag(55, c.Normative > 0 && c.Freedom + c.EconomicSocial + c.GeneralRights > 0 && c.Instrument > 0);

        // Evaluations of the two kinds of instrument: praising pressure or faulting engagement
        // leans pro-linkage; faulting pressure or praising engagement leans anti-linkage.
        w.Capped(56, c.Positive);
        w.Capped(57, c.Negative);
        w.Capped(58, c.Pressure);
        w.Capped(59, c.Engagement);
        w.Flag(60, c.Pressure > 0 && c.Positive > 0);
        w.Flag(61, c.Pressure > 0 && c.Negative > 0);
        w.Flag(62, c.Engagement > 0 && c.Positive > 0);
        w.Flag(63, c.Engagement > 0 && c.Negative > 0);
        return w;
    }

    /// <summary>The named features of the kind of document, the sentence's position and line, a turn in the argument and what the author calls for (88..95, 138..143), appended as <see cref="Featurize(TextDocument, int, SentenceCues[], in DocumentTotals, Span{int}, Span{float}, ReadOnlySpan{uint}, bool)"/> does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ArgumentFeatures(TextDocument document, int index, SentenceCues[] cues, in DocumentTotals totals, ReadOnlySpan<uint> tokenHashes, Span<int> keys, Span<float> values, int count)
    {
        var w = new NamedWriter(keys, values) { Count = count };
        // 64..87, 96..127 and 128..137 are the second stage's context features (Context), never set here.
        var c = cues[index];
        var sentence = document.Sentences[index];
        // The kind of document: an author arguing (first person, normative wording) or a report
        // of others' words; and where its evaluations of the instruments lean.
        w.Value(88, totals.FirstPersonShare);
        w.Value(89, totals.NormativeShare);
        w.Value(90, totals.ReportedShare);
        w.Value(91, totals.EvaluationShare);
        w.Value(92, EvaluationLean(c));

        // Where the sentence stands: arguments gather at the end of an op-ed.
        float position = totals.Sentences <= 1 ? 0 : index / (float)(totals.Sentences - 1);
        w.Value(93, position);
        w.Flag(94, position >= 0.75f);

        // A line that is not the title and does not end like a sentence: a byline, a dateline,
        // a heading inside the text ("Recommendations", "To donor governments:").
        w.Flag(95, index > 0 && !EndsLikeASentence(document, sentence));

        // A turn in the argument: the sentence, or the next one, opens with "but", "however", … .
        // What comes after the turn is usually the author's point, what comes before it a concession.
        w.Flag(138, OpensWithTurn(document, sentence, tokenHashes));
        w.Flag(139, index + 1 < cues.Length && OpensWithTurn(document, document.Sentences[index + 1], tokenHashes));

        // What the author calls for in their own voice: pressure or engagement ("Keep targeted
        // sanctions on …", "Exempt food and medicine from sanctions"), and the same with a negation
        // in the sentence ("should not be lifted"), which the model may read the other way.
        bool calls = c.Normative > 0 && !c.Reported;
        w.Flag(140, calls && c.Pressure > c.Engagement);
        w.Flag(141, calls && c.Engagement > c.Pressure);
        w.Flag(142, calls && c.Negation > 0 && c.Pressure > c.Engagement);
        w.Flag(143, calls && c.Negation > 0 && c.Engagement > c.Pressure);
        return w.Count;
    }

    /// <summary>
    /// Writes the named features in ascending index order, leaving out zeros: the same list as
    /// adding each non-zero one in turn. Every feature's key and value are written at the next
    /// free place, which only a non-zero value keeps (the next feature writes over the others),
    /// so writing takes no branch. At most <see cref="Named"/> features are written, and both
    /// spans are checked once to hold that many.
    /// </summary>
    private ref struct NamedWriter
    {
        private readonly ref int _keys;
        private readonly ref float _values;

        public int Count;

        public NamedWriter(Span<int> keys, Span<float> values)
        {
            if (keys.Length < Named || values.Length < Named)
            {
                TooSmall(Math.Min(keys.Length, values.Length));
            }

            _keys = ref MemoryMarshal.GetReference(keys);
            _values = ref MemoryMarshal.GetReference(values);
        }

        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void TooSmall(int places) =>
            throw new ArgumentException($"The feature buffers hold {places} places; the named features need {Named}.");

        /// <summary>A feature of any value (zero left out).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Value(int index, float value)
        {
            Debug.Assert(Count < Named, "More named features than Named.");
            Unsafe.Add(ref _keys, Count) = index;
            Unsafe.Add(ref _values, Count) = value;
            Count += value != 0 ? 1 : 0;
        }

        /// <summary>A feature of value 1 when <paramref name="on"/>, else none.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Flag(int index, bool on)
        {
            Debug.Assert(Count < Named, "More named features than Named.");
            Unsafe.Add(ref _keys, Count) = index;
            Unsafe.Add(ref _values, Count) = 1;
            Count += on ? 1 : 0;
        }

        /// <summary>A count capped at 3, as a fraction of 3: 0, 1/3, 2/3 or 1 (counts are never negative).</summary>
        /// <remarks>
        /// <c>Math.Min(n, 3) * (1f / 3)</c> is, for n = 0 … 3, the same float as <c>Math.Min(n, 3) / 3f</c>
        /// (the quotient the features were defined with), without a division.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Capped(int index, int n)
        {
            Debug.Assert(Count < Named && n >= 0, "More named features than Named, or a negative count.");
            Unsafe.Add(ref _keys, Count) = index;
            Unsafe.Add(ref _values, Count) = Math.Min(n, 3) * (1f / 3);
            Count += n > 0 ? 1 : 0;
        }
    }

    /// <summary>Per-thread tables of <see cref="CountIndexes"/>; the bitmaps are all zero between calls.</summary>
    private sealed class IndexCounts
    {
        /// <summary>A bit per index that occurs (4 KB: stays in the L1 cache).</summary>
        public readonly ulong[] Words = new ulong[Dimension / 64];

        /// <summary>A bit per word of <see cref="Words"/> that is not zero.</summary>
        public readonly ulong[] Summary = new ulong[Dimension / 64 / 64];

        /// <summary>The second and later occurrences of indexes, grown as needed.</summary>
        public int[] Repeats = new int[256];
    }

    // One per thread, so that featurizing allocates nothing and the analyzer stays thread-safe.
    [ThreadStatic]
    private static IndexCounts? t_counts;

    /// <summary>
    /// Writes each distinct index (below <see cref="Dimension"/>) once, in ascending order, with
    /// the number of times it occurs: what sorting and counting runs gives, without sorting them.
    /// The first occurrence of an index sets its bit in a two-level bitmap, a repeat goes to a
    /// short list (most sentences have a few); the bits are then read back from the lowest,
    /// clearing the bitmap as they go, and the sorted repeats are merged in as counts.
    /// <paramref name="keys"/> may be the same memory as <paramref name="indexes"/>: every index
    /// is read before any key is written.
    /// </summary>
    /// <returns>The number of distinct indexes.</returns>
    private static int CountIndexes(ReadOnlySpan<int> indexes, Span<int> keys, Span<float> values)
    {
        var t = t_counts ??= new IndexCounts();
        var words = t.Words;
        var summary = t.Summary;
        if (t.Repeats.Length < indexes.Length)
        {
            t.Repeats = new int[(int)BitOperations.RoundUpToPowerOf2((uint)indexes.Length)];
        }

        var repeats = t.Repeats;
        int r = 0;
        foreach (int index in indexes)
        {
            ref ulong word = ref words[index >> 6];
            ulong bit = 1UL << index;
            if ((word & bit) != 0)
            {
                repeats[r++] = index;
            }
            else
            {
                word |= bit;
                summary[index >> 12] |= 1UL << (index >> 6);
            }
        }

        var sortedRepeats = repeats.AsSpan(0, r);
        sortedRepeats.Sort();
        int next = 0;
        int n = 0;
        for (int s = 0; s < summary.Length; s++)
        {
            for (ulong pending = summary[s]; pending != 0; pending &= pending - 1)
            {
                int w = (s << 6) + BitOperations.TrailingZeroCount(pending);
                for (ulong bits = words[w]; bits != 0; bits &= bits - 1)
                {
                    int index = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    int count = 1;
                    while (next < sortedRepeats.Length && sortedRepeats[next] == index)
                    {
                        count++;
                        next++;
                    }

                    keys[n] = index;
                    values[n++] = count;
                }

                words[w] = 0;
            }

            summary[s] = 0;
        }

        return n;
    }

    private static readonly uint NumberHash = WordHashes.Fnv("<num>");

    /// <summary>Whether the sentence's last token, before any closing quotation marks and brackets, can end a sentence, as the segmenter reads them (<see cref="SentenceSegmenter.IsTerminal"/>, <see cref="SentenceSegmenter.IsCloser"/>).</summary>
    private static bool EndsLikeASentence(TextDocument document, Sentence sentence)
    {
        var tokens = sentence.GetTokens(document.Tokens);
        int k = tokens.Length - 1;
        while (k > 0 && !SentenceSegmenter.IsTerminal(tokens[k]) && SentenceSegmenter.IsCloser(document.Text, tokens[k]))
        {
            k--;
        }

        return k >= 0 && SentenceSegmenter.IsTerminal(tokens[k]);
    }

    /// <summary>The hashed unigram feature of token <paramref name="index"/> of the document, as <see cref="Featurize(TextDocument, int, SentenceCues[], in DocumentTotals, Span{int}, Span{float}, ReadOnlySpan{uint}, bool)"/> computes it, or -1 for punctuation (but '?' and '!'), which has none.</summary>
    internal static int UnigramFeature(TextDocument document, int index, ReadOnlySpan<uint> tokenHashes)
    {
        var t = document.Tokens[index];
        if (t.Kind is TokenKind.Punctuation && document.Text[t.Start] is not ('?' or '!'))
        {
            return -1;
        }

        return Bucket((t.Kind == TokenKind.Number ? NumberHash : WordHash(document, t, tokenHashes, index)) ^ 0x9E3779B9u);
    }

    /// <summary>The word hash of token <paramref name="index"/> of the document: from <paramref name="tokenHashes"/> (the document's, computed once) when given, else from its normalized form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint WordHash(TextDocument document, Token token, ReadOnlySpan<uint> tokenHashes, int index) =>
        tokenHashes.IsEmpty ? WordHashes.Fnv(document.GetNormalized(token)) : tokenHashes[index];

    // The words that open a turn in the argument ("But …", "However, …"), as word hashes.
    private static readonly uint[] TurnHashes = [.. new[] { "but", "however", "yet", "still", "instead", "nevertheless", "nonetheless" }.Select(w => WordHashes.Fnv(w))];

    /// <summary>
    /// Whether the sentence's first word (after at most one opening punctuation mark, such as a
    /// quotation mark or a dash) is one of the words that turn an argument: "but", "however",
    /// "yet", "still", "instead", "nevertheless", "nonetheless".
    /// </summary>
    // Not inlined: its search of TurnHashes brings more locals into ArgumentFeatures than the JIT
    // tracks, and the named features' count then lives in memory.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OpensWithTurn(TextDocument document, Sentence sentence, ReadOnlySpan<uint> tokenHashes)
    {
        var tokens = sentence.GetTokens(document.Tokens);
        for (int k = 0; k < tokens.Length && k < 2; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation)
            {
                continue;
            }

            return TurnHashes.AsSpan().Contains(WordHash(document, t, tokenHashes, sentence.FirstToken + k));
        }

        return false;
    }

    /// <summary>Writes the context features of sentence <paramref name="index"/> (see <c>WithContext</c>) into <paramref name="destination"/>, in index order.</summary>
    /// <param name="probabilities">The first-stage probabilities of every sentence of the document.</param>
    /// <param name="sums">Their sums per class (<see cref="ContextSums"/>).</param>
    /// <param name="index">The sentence's index.</param>
    /// <param name="destination">At least <see cref="MaxContext"/> entries.</param>
    /// <param name="paragraphs">The paragraph of every sentence (<see cref="Paragraphs(TextDocument)"/>), or null for none.</param>
    /// <returns>The number of features written.</returns>
    public static int Context(IReadOnlyList<float[]> probabilities, float[] sums, int index, Span<KeyValuePair<int, float>> destination, IReadOnlyList<int>? paragraphs = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(sums);
        if (paragraphs is not null && paragraphs.Count != probabilities.Count)
        {
            throw new ArgumentException($"One paragraph number per sentence is needed: {paragraphs.Count} for {probabilities.Count} sentences.", nameof(paragraphs));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, probabilities.Count);
        CheckRows(probabilities);
        if (sums.Length != probabilities[0].Length)
        {
            throw new ArgumentException($"One sum per class is needed: {sums.Length} for {probabilities[0].Length} classes.", nameof(sums));
        }

        if (destination.Length < MaxContext)
        {
            throw new ArgumentException($"The destination needs at least {MaxContext} entries; it has {destination.Length}.", nameof(destination));
        }

        // Laid out flat, one sentence after another, for the one implementation below.
        int classes = probabilities[index].Length;
        var flat = new float[probabilities.Count * classes];
        for (int k = 0; k < probabilities.Count; k++)
        {
            probabilities[k].AsSpan(0, classes).CopyTo(flat.AsSpan(k * classes));
        }

        return Context(flat, classes, classes, probabilities.Count, sums, index, destination, paragraphs is null ? default : [.. paragraphs]);
    }

    /// <summary>
    /// <see cref="Context(IReadOnlyList{float[]}, float[], int, Span{KeyValuePair{int, float}}, IReadOnlyList{int}?)"/> over
    /// probabilities laid out flat: sentence <c>k</c>'s are <c>probabilities[(k * stride)..][..classes]</c>.
    /// The same features, computed with the same arithmetic.
    /// </summary>
    internal static int Context(ReadOnlySpan<float> probabilities, int stride, int classes, int sentences, ReadOnlySpan<float> sums, int index, Span<KeyValuePair<int, float>> destination, ReadOnlySpan<int> paragraphs)
    {
        var list = new FeatureList(destination);
        Context(probabilities, stride, classes, sentences, sums, index, paragraphs, ref list);
        return list.Count;
    }

    /// <summary>Receives features one by one, in the order they are to be added.</summary>
    internal interface IFeatureSink
    {
        /// <summary>Takes feature <paramref name="index"/> with value <paramref name="value"/>.</summary>
        void Add(int index, float value);
    }

    /// <summary>Writes the features into a span, in order.</summary>
    private ref struct FeatureList(Span<KeyValuePair<int, float>> destination) : IFeatureSink
    {
        private readonly Span<KeyValuePair<int, float>> _destination = destination;

        public int Count { get; private set; }

        public void Add(int index, float value) => _destination[Count++] = new(index, value);
    }

    /// <summary>
    /// The one definition of the context features: hands them, in index order, to
    /// <paramref name="sink"/>, which writes them down (<see cref="Context(ReadOnlySpan{float}, int, int, int, ReadOnlySpan{float}, int, Span{KeyValuePair{int, float}}, ReadOnlySpan{int})"/>)
    /// or adds each to a model's scores as it comes (the analyzer, through <see cref="SentenceScorer"/>).
    /// </summary>
    internal static void Context<TSink>(ReadOnlySpan<float> probabilities, int stride, int classes, int sentences, ReadOnlySpan<float> sums, int index, ReadOnlySpan<int> paragraphs, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        classes = Math.Min(classes, 8);
        float others = Math.Max(1, sentences - 1);
        var p = probabilities.Slice(index * stride, classes);
        for (int c = 0; c < classes; c++)
        {
            sink.Add(ContextBase + c, (sums[c] - p[c]) / others);
        }

        for (int c = 0; c < classes && index > 0; c++)
        {
            sink.Add(ContextBase + 8 + c, probabilities[((index - 1) * stride) + c]);
        }

        for (int c = 0; c < classes && index + 1 < sentences; c++)
        {
            sink.Add(ContextBase + 16 + c, probabilities[((index + 1) * stride) + c]);
        }

        for (int c = 0; c < classes && index > 0; c++)
        {
            sink.Add(TitleBase + c, probabilities[c]);
        }

        for (int c = 0; c < classes && index + 1 < sentences; c++)
        {
            sink.Add(TitleBase + 8 + c, probabilities[((sentences - 1) * stride) + c]);
        }

        for (int c = 0; c < classes && index > 1; c++)
        {
            sink.Add(TitleBase + 16 + c, probabilities[((index - 2) * stride) + c]);
        }

        for (int c = 0; c < classes && index + 2 < sentences; c++)
        {
            sink.Add(TitleBase + 24 + c, probabilities[((index + 2) * stride) + c]);
        }

        if (!paragraphs.IsEmpty)
        {
            // The mean of the other sentences of the same paragraph, up to ParagraphReach either
            // side (so that a text without blank lines costs no more per sentence than any other).
            int from = index;
            int to = index + 1;
            while (from > 0 && index - from < ParagraphReach && paragraphs[from - 1] == paragraphs[index])
            {
                from--;
            }

            while (to < sentences && to - index <= ParagraphReach && paragraphs[to] == paragraphs[index])
            {
                to++;
            }

            if (to - from > 1)
            {
                for (int c = 0; c < classes; c++)
                {
                    float sum = 0;
                    for (int j = from; j < to; j++)
                    {
                        sum += j == index ? 0 : probabilities[(j * stride) + c];
                    }

                    sink.Add(ParagraphBase + c, sum / (to - from - 1));
                }
            }

            if (index > 0 && paragraphs[index - 1] != paragraphs[index])
            {
                sink.Add(ParagraphBase + 8, 1);
            }

            if (index + 1 < sentences && paragraphs[index + 1] != paragraphs[index])
            {
                sink.Add(ParagraphBase + 9, 1);
            }
        }
    }

    /// <summary>Sums of each class's first-stage probability over a document's sentences (for <c>WithContext</c>).</summary>
    /// <param name="probabilities">The first-stage probabilities of every sentence.</param>
    /// <returns>One sum per class.</returns>
    public static float[] ContextSums(IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        CheckRows(probabilities);
        var sums = new float[probabilities.Count == 0 ? 0 : probabilities[0].Length];
        foreach (var p in probabilities)
        {
            for (int c = 0; c < sums.Length; c++)
            {
                sums[c] += p[c];
            }
        }

        return sums;
    }

    /// <summary>Refuses a null row, or rows of different lengths: each sentence has one probability per class.</summary>
    private static void CheckRows(IReadOnlyList<float[]> probabilities)
    {
        for (int k = 0; k < probabilities.Count; k++)
        {
            if (probabilities[k] is null || probabilities[k].Length != probabilities[0]?.Length)
            {
                throw new ArgumentException($"Every sentence needs one probability per class: sentence {k} has {probabilities[k]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (null)"}, sentence 0 {probabilities[0]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (null)"}.", nameof(probabilities));
            }
        }
    }

    /// <inheritdoc cref="WithContext(IReadOnlyList{KeyValuePair{int, float}}, IReadOnlyList{float[]}, float[], int, IReadOnlyList{int}?)"/>
    public static List<KeyValuePair<int, float>> WithContext(IReadOnlyList<KeyValuePair<int, float>> features, IReadOnlyList<float[]> probabilities, int index, IReadOnlyList<int>? paragraphs = null) =>
        WithContext(features, probabilities, ContextSums(probabilities), index, paragraphs);

    /// <summary>
    /// Adds the document context of the first-stage linkage model to a sentence's features (for
    /// the second stage): the mean probability of each class over the document's other
    /// sentences, the probabilities of the two sentences before and after it, those of the
    /// document's first and last sentences, and, when the paragraphs are given, the mean over the
    /// other sentences of its paragraph (up to eight either side) and whether it opens or closes
    /// a paragraph.
    /// </summary>
    /// <param name="features">The sentence's features, sorted; a new sorted list is returned.</param>
    /// <param name="probabilities">The first-stage probabilities of every sentence of the document.</param>
    /// <param name="sums">Their sums per class (<see cref="ContextSums"/>, computed once per document).</param>
    /// <param name="index">The sentence's index.</param>
    /// <param name="paragraphs">The paragraph of every sentence (<see cref="Paragraphs(TextDocument)"/>), or null for none.</param>
    /// <returns>The features with the context added.</returns>
    public static List<KeyValuePair<int, float>> WithContext(IReadOnlyList<KeyValuePair<int, float>> features, IReadOnlyList<float[]> probabilities, float[] sums, int index, IReadOnlyList<int>? paragraphs = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(sums);
        Span<KeyValuePair<int, float>> context = stackalloc KeyValuePair<int, float>[MaxContext];
        int n = Context(probabilities, sums, index, context, paragraphs);

        // Both inputs are sorted and the context indexes (64..87, 96..137) are used by nothing else: merge.
        var result = new List<KeyValuePair<int, float>>(features.Count + n);
        int i = 0;
        int k = 0;
        while (i < features.Count || k < n)
        {
            if (k == n || (i < features.Count && features[i].Key < context[k].Key))
            {
                result.Add(features[i++]);
            }
            else
            {
                result.Add(context[k++]);
            }
        }

        return result;
    }

    /// <summary>
    /// The paragraph of every sentence of a document, numbered from 0: a new paragraph begins
    /// where the text between two sentences holds a blank line (two or more line breaks: LF,
    /// CR LF, CR, NEL, U+2028, form feed, vertical tab) or a paragraph separator (U+2029). In a text with no such break
    /// anywhere but with line breaks between sentences (one paragraph per line), each line
    /// break begins a paragraph.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>One paragraph number per sentence.</returns>
    public static int[] Paragraphs(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new int[document.Sentences.Length];
        Paragraphs(document, result);
        return result;
    }

    /// <inheritdoc cref="Paragraphs(TextDocument)"/>
    /// <param name="document">The document.</param>
    /// <param name="destination">One entry per sentence.</param>
    internal static void Paragraphs(TextDocument document, Span<int> destination)
    {
        // One scan of the text: the line breaks before each sentence, then the numbering. (The
        // text as the segmenter read it: page furniture blanked, a page break inside a paragraph one line break.)
        var sentences = document.Sentences;
        var text = document.LayoutText.AsSpan();
        int most = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            // A sentence given by its caller may start before the previous one ends (a span
            // without tokens keeps its start): no text between them, no break.
            int from = i == 0 ? sentences[i].Start : sentences[i - 1].End;
            destination[i] = from < sentences[i].Start ? CharClass.CountLineBreaks(text[from..sentences[i].Start]) : 0;
            most = Math.Max(most, destination[i]);
        }

        // Blank lines begin paragraphs; in a text without any, line breaks do.
        int breaks = most >= 2 ? 2 : 1;
        int paragraph = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            paragraph += i > 0 && destination[i] >= breaks ? 1 : 0;
            destination[i] = paragraph;
        }
    }

    private static int Hash(int a, int b, int c) => Bucket((uint)((a * 73856093) ^ (b * 19349663) ^ (c * 83492791)) * 2654435761u);

    private static int Bucket(uint h) => Named + (int)(h % (Dimension - Named));
}
