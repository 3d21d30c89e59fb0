using System.Collections;
using System.Globalization;
using PolicyText.Models;
using PolicyText.Text;

namespace PolicyText.Tagging;

/// <summary>
/// A sentence's evidence with, for a label that nothing in it explains (<see cref="Explains"/>,
/// <see cref="ExplainsRights"/>),
/// the words the first-stage model weighs most towards that label (<see cref="CueType.Model"/>),
/// found when the evidence is first read, as the other evidence is made only when read; the
/// rows in text order, the rows listed first (a rule's, the context's) first. Thread-safe.
/// </summary>
internal sealed class ModelWords : IReadOnlyList<Evidence>
{
    /// <summary>The least weight by which a word must favour a label over the runner-up class to be listed.</summary>
    internal const float MinimumWeight = 0.25f;

    private readonly IReadOnlyList<Evidence> _evidence;
    private readonly TextDocument _document;
    private readonly Sentence _sentence;
    private readonly Task? _rights;
    private readonly Task? _linkage;
    private Evidence[]? _items;

    /// <summary>A label to explain: the first-stage model, the label's class and the first stage's runner-up class (the model's classes are the labels' codes).</summary>
    internal sealed record Task(LinearModel Model, int Label, int RunnerUp);

    /// <summary>What rows of evidence explain (<see cref="Explains(CueType, string, string)"/>).</summary>
    [Flags]
    internal enum Kinds
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>A freedom term.</summary>
        Freedom = 1,

        /// <summary>An economic and social term.</summary>
        EconomicSocial = 2,

        /// <summary>A general rights term.</summary>
        General = 4,

        /// <summary>A rights context row: the rights label, whatever it is.</summary>
        RightsContext = 8,

        /// <summary>A row that names a side: the stance.</summary>
        Stance = 16,

        /// <summary>A row of the linkage task that names no side (an instrument, an attribution, a question): a `neutral` label.</summary>
        Topic = 32,
    }

    /// <summary>
    /// What a row of evidence explains: a rights term its family (a `freedom` term a `freedom`
    /// label, both families `both`), a rights context row the rights label; a `pro` or `anti`
    /// wording, a negation (recorded only where it reverses a wording or an evaluation), a
    /// condition, an evaluation, a rhetorical question's marker, a rule or a linkage context row
    /// the stance. An instrument ("sanctions", "talks"), an attribution or a question mark says
    /// what a sentence is about, or that it reports or asks, not which side it takes: with the
    /// rows that name a side, they explain a `neutral` label.
    /// </summary>
    internal static Kinds Explains(CueType cue, string entry, string category) => cue switch
    {
        CueType.Rights => category switch
        {
            "freedom" => Kinds.Freedom,
            "economic_social" => Kinds.EconomicSocial,
            "general" => Kinds.General,
            _ => Kinds.None,
        },
        CueType.Linkage => category is "pro" or "anti" ? Kinds.Stance : Kinds.Topic,
        CueType.Negation or CueType.Condition or CueType.Evaluation or CueType.Rule => Kinds.Stance,
        CueType.Question => category == "rhetorical" ? Kinds.Stance : Kinds.Topic,
        CueType.Attribution => Kinds.Topic,
        CueType.Context => entry.StartsWith("rights ", StringComparison.Ordinal) ? Kinds.RightsContext
            : entry.StartsWith("linkage ", StringComparison.Ordinal) ? Kinds.Stance : Kinds.None,
        _ => Kinds.None,
    };

    /// <summary>Whether rows of <paramref name="kinds"/> explain the rights label <paramref name="label"/> (other than none).</summary>
    internal static bool ExplainsRights(Kinds kinds, RightsCategory label) =>
        (kinds & Kinds.RightsContext) != 0 || label switch
        {
            RightsCategory.Freedom => (kinds & Kinds.Freedom) != 0,
            RightsCategory.EconomicSocial => (kinds & Kinds.EconomicSocial) != 0,
            RightsCategory.Both => (kinds & (Kinds.Freedom | Kinds.EconomicSocial)) == (Kinds.Freedom | Kinds.EconomicSocial),
            _ => (kinds & Kinds.General) != 0,
        };

    /// <summary>What the rows of <paramref name="evidence"/> explain (<see cref="Explains"/>); without making the rows of an <see cref="EvidenceList"/>.</summary>
    internal static Kinds Sides(IReadOnlyList<Evidence> evidence)
    {
        if (evidence is EvidenceList list)
        {
            return list.Sides();
        }

        var kinds = Kinds.None;
        foreach (var e in evidence)
        {
            kinds |= Explains(e.Cue, e.Entry, e.Category);
        }

        return kinds;
    }

    /// <summary><paramref name="evidence"/>, and the words of <paramref name="sentence"/> that favour the labels of <paramref name="rights"/> and <paramref name="linkage"/> (either may be null: that label is not explained).</summary>
    public ModelWords(IReadOnlyList<Evidence> evidence, TextDocument document, Sentence sentence, Task? rights, Task? linkage)
    {
        _evidence = evidence;
        _document = document;
        _sentence = sentence;
        _rights = rights;
        _linkage = linkage;
    }

    /// <summary>The class of highest probability but <paramref name="label"/>.</summary>
    internal static int RunnerUp(ReadOnlySpan<float> probabilities, int label)
    {
        int runner = label == 0 ? 1 : 0;
        for (int c = 0; c < probabilities.Length; c++)
        {
            if (c != label && probabilities[c] > probabilities[runner])
            {
                runner = c;
            }
        }

        return runner;
    }

    /// <inheritdoc/>
    public int Count => Items.Length;

    /// <inheritdoc/>
    public Evidence this[int index] => Items[index];

    /// <inheritdoc/>
    public IEnumerator<Evidence> GetEnumerator() => ((IEnumerable<Evidence>)Items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The words, found on first use; two threads may both find them, and the first stored is kept.</summary>
    private Evidence[] Items
    {
        get
        {
            var items = Volatile.Read(ref _items);
            if (items is not null)
            {
                return items;
            }

            var rows = new List<Evidence>(4);
            Add(_rights, rows);
            Add(_linkage, rows);
            rows.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Category, b.Category));

            // Merged into the evidence by start, the evidence's row first at the same start (so
            // the rows listed first, at the sentence's start, stay first).
            items = new Evidence[_evidence.Count + rows.Count];
            int e = 0, m = 0;
            for (int k = 0; k < items.Length; k++)
            {
                items[k] = m == rows.Count || (e < _evidence.Count && _evidence[e].Start <= rows[m].Start) ? _evidence[e++] : rows[m++];
            }

            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }

    /// <summary>The sentence's two distinct words that most favour the task's label over its runner-up class, by at least <see cref="MinimumWeight"/> in the model's weights.</summary>
    private void Add(Task? task, List<Evidence> rows)
    {
        if (task is null)
        {
            return;
        }

        var weights = task.Model.WeightsByFeature;
        int classes = task.Model.Classes.Count;
        // Two words are the same word when they are one feature ("gallows" and "gal-\nlows",
        // "ﬁnancial" and "financial", two numbers): the second slot is for another.
        (int Token, float Weight, int Feature) best = (-1, 0, -1);
        (int Token, float Weight, int Feature) second = (-1, 0, -1);
        for (int k = _sentence.FirstToken; k < _sentence.FirstToken + _sentence.TokenCount; k++)
        {
            int feature = SentenceFeaturizer.UnigramFeature(_document, k, default);
            if (feature < 0)
            {
                continue;
            }

            float weight = weights[(feature * classes) + task.Label] - weights[(feature * classes) + task.RunnerUp];
            if (weight >= MinimumWeight && weight > second.Weight && feature != best.Feature && feature != second.Feature)
            {
                second = weight > best.Weight ? best : (k, weight, feature);
                best = weight > best.Weight ? (k, weight, feature) : best;
            }
        }

        foreach (var (token, weight, _) in (ReadOnlySpan<(int, float, int)>)[best, second])
        {
            if (token >= 0)
            {
                var t = _document.Tokens[token];
                rows.Add(new Evidence(_document.Text, t.Start, t.End, string.Create(CultureInfo.InvariantCulture, $"model word (+{weight:F2} over {task.Model.Classes[task.RunnerUp]})"), task.Model.Classes[task.Label], CueType.Model));
            }
        }
    }
}
