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
    public const string Version = "features-3";

    private const int Named = 128;
    private const int ContextBase = 64;
    private const int TitleBase = 96;

    /// <summary>The most context features <see cref="Context"/> writes.</summary>
    public const int MaxContext = 56;

    /// <summary>Document-wide cue totals, computed once per document (<see cref="Totals"/>).</summary>
    /// <param name="Pro">Pro cues in the document.</param>
    /// <param name="Anti">Anti cues.</param>
    /// <param name="Freedom">Freedom terms.</param>
    /// <param name="EconomicSocial">Economic and social terms.</param>
    /// <param name="TopicSentences">Sentences with an instrument term.</param>
    /// <param name="Sentences">Sentences.</param>
    /// <param name="FirstPersonSentences">Sentences in which the author speaks in the first person.</param>
    /// <param name="NormativeSentences">Sentences with a normative wording.</param>
    /// <param name="ReportedSentences">Sentences reporting others' words.</param>
    /// <param name="EvaluationStance">Evaluations leaning pro-linkage (pressure praised, engagement faulted) minus those leaning anti-linkage.</param>
    public readonly record struct DocumentTotals(int Pro, int Anti, int Freedom, int EconomicSocial, int TopicSentences, int Sentences, int FirstPersonSentences, int NormativeSentences, int ReportedSentences, int EvaluationStance);

    /// <summary>Sums the cues of a document's sentences.</summary>
    /// <param name="cues">The cues of every sentence.</param>
    /// <returns>The totals.</returns>
    public static DocumentTotals Totals(IReadOnlyList<SentenceCues> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        int pro = 0, anti = 0, freedom = 0, econ = 0, topic = 0, first = 0, normative = 0, reported = 0, evaluation = 0;
        foreach (var x in cues)
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
    public static void Featurize(TextDocument document, int index, IReadOnlyList<SentenceCues> cues, DocumentTotals totals, List<KeyValuePair<int, float>> features)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(features);
        features.Clear();
        var c = cues[index];
        void Set(int i, float v)
        {
            if (v != 0)
            {
                features.Add(new(i, v));
            }
        }

        static float Cap(int n) => Math.Min(n, 3) / 3f;
        Set(1, Cap(c.Freedom));
        Set(2, Cap(c.EconomicSocial));
        Set(3, Cap(c.GeneralRights));
        Set(4, c.Freedom > 0 && c.EconomicSocial > 0 ? 1 : 0);
        Set(5, c.Freedom + c.EconomicSocial + c.GeneralRights == 0 ? 1 : 0);
        Set(6, Cap(c.Instrument));
        Set(7, Cap(c.Pro));
        Set(8, Cap(c.Anti));
        Set(9, Cap(c.Negated));
        Set(10, Cap(c.Negation));
        Set(11, Cap(c.Attribution));
        Set(12, Cap(c.Endorsement));
        Set(13, Cap(c.Condition));
        Set(14, Cap(c.Hedge));
        Set(15, Cap(c.FirstPerson));
        Set(16, c.Question ? 1 : 0);
        Set(17, c.Quotation ? 1 : 0);
        Set(18, c.Reported && (c.Pro + c.Anti) > 0 ? 1 : 0);
        Set(19, c.Condition > 0 && c.Instrument > 0 ? 1 : 0);
        Set(20, c.Instrument > 0 && c.Pro > c.Anti ? 1 : 0);
        Set(21, c.Instrument > 0 && c.Anti > c.Pro ? 1 : 0);
        Set(22, c.Instrument == 0 && c.Pro + c.Anti == 0 ? 1 : 0);
        Set(23, index > 0 && cues[index - 1].Instrument > 0 ? 1 : 0);
        Set(24, index + 1 < cues.Count && cues[index + 1].Instrument > 0 ? 1 : 0);
        Set(25, index > 0 && cues[index - 1].Freedom + cues[index - 1].EconomicSocial + cues[index - 1].GeneralRights > 0 ? 1 : 0);
        Set(26, index + 1 < cues.Count && cues[index + 1].Freedom + cues[index + 1].EconomicSocial + cues[index + 1].GeneralRights > 0 ? 1 : 0);
        Set(27, totals.TopicSentences / (float)Math.Max(1, totals.Sentences));
        Set(28, index == 0 ? 1 : 0);
        var sentence = document.Sentences[index];
        Set(29, sentence.TokenCount < 8 ? 1 : 0);
        Set(30, c.Reported ? 1 : 0);
        Set(31, c.FirstPerson > 0 && (c.Pro + c.Anti) > 0 ? 1 : 0);
        Set(32, c.Negated > 0 && c.Instrument > 0 ? 1 : 0);

        // What the lexicons and rules alone would say, one-hot.
        Set(33 + (int)LexiconTagger.Rights(c), 1);
        Set(38 + (int)LexiconTagger.Linkage(c), 1);

        // The document around the sentence: its share of pro and anti cues, and of each rights family.
        var (docPro, docAnti, docFreedom, docEcon, docTopic, _, _, _, _, _) = totals;

        Set(42, docPro + docAnti == 0 ? 0 : (docPro - docAnti) / (float)(docPro + docAnti));
        Set(43, docFreedom + docEcon == 0 ? 0 : (docEcon - docFreedom) / (float)(docFreedom + docEcon));
        Set(44, (c.Pro + c.Anti == 0 && c.Instrument > 0) ? (docPro - docAnti) / (float)Math.Max(1, docPro + docAnti) : 0);
        Set(45, (c.Freedom + c.EconomicSocial == 0 && c.GeneralRights + c.Instrument > 0) ? (docEcon - docFreedom) / (float)Math.Max(1, docFreedom + docEcon) : 0);
        Set(46, index > 0 && cues[index - 1].Pro > cues[index - 1].Anti ? 1 : 0);
        Set(47, index > 0 && cues[index - 1].Anti > cues[index - 1].Pro ? 1 : 0);
        Set(48, index > 0 && cues[index - 1].Freedom > 0 ? 1 : 0);
        Set(49, index > 0 && cues[index - 1].EconomicSocial > 0 ? 1 : 0);
        Set(50, docTopic == 0 ? 1 : 0);
        Set(51, Cap(c.Normative));
        Set(52, c.Normative > 0 && c.Instrument > 0 ? 1 : 0);
        Set(53, c.Normative > 0 && c.Pro > c.Anti ? 1 : 0);
        Set(54, c.Normative > 0 && c.Anti > c.Pro ? 1 : 0);
        Set(55, c.Normative > 0 && c.Freedom + c.EconomicSocial + c.GeneralRights > 0 && c.Instrument > 0 ? 1 : 0);

        // Evaluations of the two kinds of instrument: praising pressure or faulting engagement
        // leans pro-linkage; faulting pressure or praising engagement leans anti-linkage.
        Set(56, Cap(c.Positive));
        Set(57, Cap(c.Negative));
        Set(58, Cap(c.Pressure));
        Set(59, Cap(c.Engagement));
        Set(60, c.Pressure > 0 && c.Positive > 0 ? 1 : 0);
        Set(61, c.Pressure > 0 && c.Negative > 0 ? 1 : 0);
        Set(62, c.Engagement > 0 && c.Positive > 0 ? 1 : 0);
        Set(63, c.Engagement > 0 && c.Negative > 0 ? 1 : 0);

        // The kind of document: an author arguing (first person, normative wording) or a report
        // of others' words; and where its evaluations of the instruments lean.
        float sentences = Math.Max(1, totals.Sentences);
        Set(88, totals.FirstPersonSentences / sentences);
        Set(89, totals.NormativeSentences / sentences);
        Set(90, totals.ReportedSentences / sentences);
        Set(91, totals.EvaluationStance / (float)Math.Max(3, Math.Abs(totals.EvaluationStance)));
        Set(92, EvaluationLean(c));

        // Where the sentence stands: arguments gather at the end of an op-ed.
        float position = totals.Sentences <= 1 ? 0 : index / (float)(totals.Sentences - 1);
        Set(93, position);
        Set(94, position >= 0.75f ? 1 : 0);

        // The named features above were added in ascending index order; the hashed ones below
        // (all of value 1, indexes from 64 up) are collected as integers, sorted and counted.
        var tokens = sentence.GetTokens(document.Tokens);
        int capacity = c.Entries.Count + (2 * tokens.Length);
        int[]? rented = capacity > 256 ? System.Buffers.ArrayPool<int>.Shared.Rent(capacity) : null;
        Span<int> hashed = rented ?? stackalloc int[256];
        int count = 0;
        foreach (var (lexicon, category, entry) in c.Entries)
        {
            hashed[count++] = Hash(lexicon + 1, category, entry);
        }

        // Hashed unigrams and bigrams of the normalized words (numbers folded to one symbol).
        var norm = document.NormalizedText.AsSpan();
        uint previous = 0;
        foreach (var t in tokens)
        {
            if (t.Kind is TokenKind.Punctuation && norm[t.Start] is not ('?' or '!'))
            {
                previous = 0;
                continue;
            }

            uint h = t.Kind == TokenKind.Number ? NumberHash : Fnv(t.GetText(norm));
            hashed[count++] = Bucket(h ^ 0x9E3779B9u);
            if (previous != 0)
            {
                hashed[count++] = Bucket((previous * 16777619u) ^ h);
            }

            previous = h;
        }

        var used = hashed[..count];
        used.Sort();
        for (int i = 0; i < used.Length;)
        {
            int j = i + 1;
            while (j < used.Length && used[j] == used[i])
            {
                j++;
            }

            features.Add(new(used[i], j - i));
            i = j;
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static readonly uint NumberHash = Fnv("<num>");

    /// <summary>Writes the context features of sentence <paramref name="index"/> (see <c>WithContext</c>) into <paramref name="destination"/>, in index order.</summary>
    /// <param name="probabilities">The first-stage probabilities of every sentence of the document.</param>
    /// <param name="sums">Their sums per class (<see cref="ContextSums"/>).</param>
    /// <param name="index">The sentence's index.</param>
    /// <param name="destination">At least <see cref="MaxContext"/> entries.</param>
    /// <returns>The number of features written.</returns>
    public static int Context(IReadOnlyList<float[]> probabilities, float[] sums, int index, Span<KeyValuePair<int, float>> destination)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(sums);
        int n = 0;
        int classes = Math.Min(probabilities[index].Length, 8);
        float others = Math.Max(1, probabilities.Count - 1);
        for (int c = 0; c < classes; c++)
        {
            destination[n++] = new(ContextBase + c, (sums[c] - probabilities[index][c]) / others);
        }

        for (int c = 0; c < classes && index > 0; c++)
        {
            destination[n++] = new(ContextBase + 8 + c, probabilities[index - 1][c]);
        }

        for (int c = 0; c < classes && index + 1 < probabilities.Count; c++)
        {
            destination[n++] = new(ContextBase + 16 + c, probabilities[index + 1][c]);
        }

        // The first sentence (a title or lede usually states the thesis), for the others.
        for (int c = 0; c < classes && index > 0; c++)
        {
            destination[n++] = new(TitleBase + c, probabilities[0][c]);
        }

        // The last sentence (a conclusion often restates it), for the others.
        for (int c = 0; c < classes && index + 1 < probabilities.Count; c++)
        {
            destination[n++] = new(TitleBase + 8 + c, probabilities[^1][c]);
        }

        // The sentences two before and two after.
        for (int c = 0; c < classes && index > 1; c++)
        {
            destination[n++] = new(TitleBase + 16 + c, probabilities[index - 2][c]);
        }

        for (int c = 0; c < classes && index + 2 < probabilities.Count; c++)
        {
            destination[n++] = new(TitleBase + 24 + c, probabilities[index + 2][c]);
        }

        return n;
    }

    /// <summary>Sums of each class's first-stage probability over a document's sentences (for <c>WithContext</c>).</summary>
    /// <param name="probabilities">The first-stage probabilities of every sentence.</param>
    /// <returns>One sum per class.</returns>
    public static float[] ContextSums(IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
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

    /// <inheritdoc cref="WithContext(IReadOnlyList{KeyValuePair{int, float}}, IReadOnlyList{float[]}, float[], int)"/>
    public static List<KeyValuePair<int, float>> WithContext(IReadOnlyList<KeyValuePair<int, float>> features, IReadOnlyList<float[]> probabilities, int index) =>
        WithContext(features, probabilities, ContextSums(probabilities), index);

    /// <summary>
    /// Adds the document context of the first-stage linkage model to a sentence's features (for
    /// the second stage): the mean probability of each linkage class over the document's other
    /// sentences, and the previous and next sentences' probabilities.
    /// </summary>
    /// <param name="features">The sentence's features, sorted; a new sorted list is returned.</param>
    /// <param name="probabilities">The first-stage probabilities of every sentence of the document.</param>
    /// <param name="sums">Their sums per class (<see cref="ContextSums"/>, computed once per document).</param>
    /// <param name="index">The sentence's index.</param>
    /// <returns>The features with the context added.</returns>
    public static List<KeyValuePair<int, float>> WithContext(IReadOnlyList<KeyValuePair<int, float>> features, IReadOnlyList<float[]> probabilities, float[] sums, int index)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(sums);
        Span<KeyValuePair<int, float>> context = stackalloc KeyValuePair<int, float>[MaxContext];
        int n = Context(probabilities, sums, index, context);

        // Both inputs are sorted and the context indexes (64..87, 96..127) are used by nothing else: merge.
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

    private static int Hash(int a, int b, int c) => Bucket((uint)((a * 73856093) ^ (b * 19349663) ^ (c * 83492791)) * 2654435761u);

    private static int Bucket(uint h) => Named + (int)(h % (Dimension - Named));

    private static uint Fnv(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char ch in s)
        {
            h = (h ^ ch) * 16777619;
        }

        return h == 0 ? 1 : h;
    }
}
