using System.Collections;

namespace PolicyText.Tagging;

/// <summary>
/// One piece of evidence as the extractor records it: the offsets, the kind of cue and the number
/// of its (entry, category) names in the extractor's table (<see cref="EvidenceNames"/>). Sixteen
/// bytes and no object: an <see cref="Evidence"/> is made from it only when read.
/// </summary>
internal readonly record struct EvidenceRecord(int Start, int End, int Name, CueType Cue);

/// <summary>
/// The (entry, category) pairs evidence can name, numbered: every entry of the combined lexicons
/// (rights, linkage, cues, as <see cref="Lexicons.LexiconMatcher"/> numbers them) with its own
/// category, then the question and negation rules, then every entry again read as a positive and
/// as a negative evaluation. Built once per extractor.
/// </summary>
internal sealed class EvidenceNames
{
    private readonly (string Entry, string Category)[] _names;
    private readonly int _entries;

    // What each name explains read with each kind of cue (ModelWords.Explains), name by name.
    private static readonly int CueKinds = Enum.GetValues<CueType>().Length;
    private readonly ModelWords.Kinds[] _explains;

    /// <summary>Numbers the names of <paramref name="lexicons"/>.</summary>
    public EvidenceNames(LexiconSet lexicons)
    {
        var entries = lexicons.RightsLexicon.Entries
            .Concat(lexicons.LinkageLexicon.Entries)
            .Concat(lexicons.CuesLexicon.Entries)
            .ToArray();
        _entries = entries.Length;
        _names =
        [
            .. entries.Select(e => (e.Pattern, e.Category)),
            ("question", "question"),
            ("negation scope", "negation"),
            .. entries.Select(e => (e.Pattern, "positive")),
            .. entries.Select(e => (e.Pattern, "negative")),
        ];
        _explains = new ModelWords.Kinds[_names.Length * CueKinds];
        for (int n = 0; n < _names.Length; n++)
        {
            for (int c = 0; c < CueKinds; c++)
            {
                _explains[(n * CueKinds) + c] = ModelWords.Explains((CueType)c, _names[n].Entry, _names[n].Category);
            }
        }
    }

    /// <summary>What a record explains (<see cref="ModelWords.Explains"/>), looked up.</summary>
    public ModelWords.Kinds Explains(in EvidenceRecord record) => _explains[(record.Name * CueKinds) + (int)record.Cue];

    /// <summary>The number of lexicon entries (combined numbering): names <c>[0, EntryCount)</c> are the entries with their categories.</summary>
    public int EntryCount => _entries;

    /// <summary>The number of the question rule.</summary>
    public int Question => _entries;

    /// <summary>The number of the negation rule.</summary>
    public int Negation => _entries + 1;

    /// <summary>The number of entry <paramref name="entry"/> (combined numbering) with its category, or read as a positive or negative evaluation.</summary>
    public int Of(int entry, string? evaluation) => evaluation switch
    {
        null => entry,
        "positive" => _entries + 2 + entry,
        _ => (2 * _entries) + 2 + entry,
    };

    /// <summary>The entry (or rule) and category of name <paramref name="name"/>.</summary>
    public (string Entry, string Category) this[int name] => _names[name];

    /// <summary>
    /// The extractor's order of evidence: by start, end, kind of cue, then category (ordinal). A
    /// total order for the evidence of one sentence, so any sort gives the same list. The kinds
    /// of cue are compared as numbers: an enum's own CompareTo takes an object and boxes both.
    /// </summary>
    public int Compare(in EvidenceRecord a, in EvidenceRecord b) =>
        a.Start != b.Start ? a.Start.CompareTo(b.Start)
        : a.End != b.End ? a.End.CompareTo(b.End)
        : a.Cue != b.Cue ? ((int)a.Cue).CompareTo((int)b.Cue)
        : string.CompareOrdinal(_names[a.Name].Category, _names[b.Name].Category);

    /// <summary>Sorts one sentence's evidence in <see cref="Compare"/> order.</summary>
    public void Sort(Span<EvidenceRecord> records)
    {
        if (records.Length > 16)
        {
            records.Sort((a, b) => Compare(a, b));
            return;
        }

        // A sentence has a few pieces of evidence, mostly in order already: insertion sort.
        for (int i = 1; i < records.Length; i++)
        {
            var r = records[i];
            int j = i - 1;
            while (j >= 0 && Compare(records[j], r) > 0)
            {
                records[j + 1] = records[j];
                j--;
            }

            records[j + 1] = r;
        }
    }
}

/// <summary>The evidence records of a document's sentences, one array for the document, with what it takes to make <see cref="Evidence"/> of them.</summary>
/// <param name="Text">The document's text.</param>
/// <param name="Names">The extractor's names.</param>
/// <param name="Records">Every sentence's records, sentence after sentence.</param>
internal sealed record EvidenceStore(string Text, EvidenceNames Names, EvidenceRecord[] Records)
{
    /// <summary>The evidence of record <paramref name="index"/>.</summary>
    public Evidence Create(int index)
    {
        var r = Records[index];
        var (entry, category) = Names[r.Name];
        return new Evidence(Text, r.Start, r.End, entry, category, r.Cue);
    }
}

/// <summary>
/// A sentence's evidence, a slice of its document's <see cref="EvidenceStore"/>: the
/// <see cref="Evidence"/> objects are made when the list is first read (most analyses never
/// read them), all at once, and kept, so each read gives the same objects. Thread-safe.
/// </summary>
internal sealed class EvidenceList : IReadOnlyList<Evidence>
{
    private readonly EvidenceStore _store;
    private readonly int _start;
    private readonly Evidence[] _firsts = [];
    private Evidence[]? _items;

    /// <summary>Records <c>[start, start + count)</c> of <paramref name="store"/>.</summary>
    public EvidenceList(EvidenceStore store, int start, int count)
    {
        _store = store;
        _start = start;
        Count = count;
    }

    private EvidenceList(EvidenceList records, Evidence first)
        : this(records._store, records._start, records.Count + 1)
    {
        _firsts = [first, .. records._firsts];
    }

    /// <summary>
    /// This sentence's records with <paramref name="first"/> before them and before any listed
    /// first already (a rule that changed a label, or the context that decided one, whose rows
    /// start at the start of the sentence), still made only when read.
    /// </summary>
    /// <param name="first">The evidence to list first.</param>
    /// <returns>The new list.</returns>
    public EvidenceList WithFirst(Evidence first) => new(this, first);

    /// <summary>What the list's rows explain (<see cref="ModelWords.Explains"/>), read from the records.</summary>
    /// <returns>The kinds of label the rows explain.</returns>
    public ModelWords.Kinds Sides()
    {
        var kinds = ModelWords.Kinds.None;
        foreach (var e in _firsts)
        {
            kinds |= ModelWords.Explains(e.Cue, e.Entry, e.Category);
        }

        var records = _store.Records.AsSpan(_start, Count - _firsts.Length);
        foreach (ref readonly var record in records)
        {
            kinds |= _store.Names.Explains(record);
        }

        return kinds;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public Evidence this[int index] => Items[index];

    /// <summary>The evidence, made on first use; two threads may both make it, and the first one stored is kept.</summary>
    private Evidence[] Items
    {
        get
        {
            var items = Volatile.Read(ref _items);
            if (items is not null)
            {
                return items;
            }

            items = new Evidence[Count];
            _firsts.CopyTo(items, 0);
            int k = _firsts.Length;
            for (int i = 0; k < items.Length; i++)
            {
                items[k++] = _store.Create(_start + i);
            }

            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<Evidence> GetEnumerator() => ((IEnumerable<Evidence>)Items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
