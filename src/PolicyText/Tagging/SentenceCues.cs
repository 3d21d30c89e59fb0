using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.InteropServices;
using PolicyText.Internals;
using PolicyText.Lexicons;
using PolicyText.Text;

namespace PolicyText.Tagging;

/// <summary>
/// What the lexicons and the rules found in one sentence: counts per category, the rule cues
/// (negation scope, attribution, conditions, questions), and the evidence with offsets.
/// </summary>
public sealed class SentenceCues
{
    /// <summary>Freedom terms.</summary>
    public int Freedom { get; internal set; }

    /// <summary>Economic and social terms.</summary>
    public int EconomicSocial { get; internal set; }

    /// <summary>General rights terms.</summary>
    public int GeneralRights { get; internal set; }

    /// <summary>Instrument terms (sanctions, talks, aid, relief, …): the linkage topic.</summary>
    public int Instrument { get; internal set; }

    /// <summary>Pro-linkage wordings outside a negation's scope, plus anti wordings inside one.</summary>
    public int Pro { get; internal set; }

    /// <summary>Anti-linkage wordings outside a negation's scope, plus pro wordings inside one.</summary>
    public int Anti { get; internal set; }

    /// <summary>Pro or anti wordings inside a negation's scope (their polarity was flipped).</summary>
    public int Negated { get; internal set; }

    /// <summary>Negation cues anywhere in the sentence.</summary>
    public int Negation { get; internal set; }

    /// <summary>Attribution cues (reported speech, others' positions).</summary>
    public int Attribution { get; internal set; }

    /// <summary>Endorsement cues (the author agrees with what is reported).</summary>
    public int Endorsement { get; internal set; }

    /// <summary>Condition and conditionality markers.</summary>
    public int Condition { get; internal set; }

    /// <summary>Hedges.</summary>
    public int Hedge { get; internal set; }

    /// <summary>First-person words (the author speaking).</summary>
    public int FirstPerson { get; internal set; }

    /// <summary>Normative wordings ("should", "must", "it is time"), and a directive's verb opening the sentence ("Keep targeted sanctions on …", the cue lexicon's optional imperative category): the author says what ought to happen.</summary>
    public int Normative { get; internal set; }

    /// <summary>Pressure instruments (sanctions, conditions, condemnation, …): the targets evaluation words judge. In a sentence with an evaluation and more <c>pro</c> than <c>anti</c> linking wordings as written, the evaluation judges the link: this count is then at least 1 and <see cref="Engagement"/> is 0; with more <c>anti</c> wordings, this count is 0.</summary>
    public int Pressure { get; internal set; }

    /// <summary>Engagement instruments (dialogue, aid, relief, exemptions, …): the targets evaluation words judge. In a sentence with an evaluation and more <c>anti</c> than <c>pro</c> linking wordings as written, this count is at least 1 and <see cref="Pressure"/> is 0; with more <c>pro</c> wordings, this count is 0.</summary>
    public int Engagement { get; internal set; }

    /// <summary>Positive evaluations ("works", "the right approach") outside a negation's scope, plus negative ones inside one.</summary>
    public int Positive { get; internal set; }

    /// <summary>Negative evaluations ("has failed", "counterproductive") outside a negation's scope, plus positive ones inside one.</summary>
    public int Negative { get; internal set; }

    /// <summary>Whether the sentence ends with a question mark.</summary>
    public bool Question { get; internal set; }

    /// <summary>Whether the sentence is a rhetorical question: it ends with a question mark and holds a marker of the cues lexicon's optional <c>rhetorical</c> category ("seriously", "anyone", "why should"). Its evident answer is no, so its pro and anti wordings and its evaluations are read reversed, and it does not count as an open question.</summary>
    public bool Rhetorical { get; internal set; }

    /// <summary>Whether the sentence holds a quotation mark; in a press release, not when only its issuer or its people speak in it (docs/tagging.md, *Press releases*).</summary>
    public bool Quotation { get; internal set; }

    /// <summary>Whether the sentence is in a press release whose issuer was found (docs/tagging.md, *Press releases*): the document is its issuer's own statement, never a report of others' positions.</summary>
    internal bool InRelease { get; set; }

    /// <summary>Whether the sentence is in a press release whose issuer was found and is, alone, a line that is a release's mark ("FOR IMMEDIATE RELEASE", "###", "Media contact: …"): no content, so never a stance (docs/tagging.md, the release-mark rule).</summary>
    internal bool ReleaseMark { get; set; }

    /// <summary>Whether the sentence reports others' words without the author endorsing them.</summary>
    public bool Reported => Attribution > 0 && Endorsement == 0;

    /// <summary>The lexicon matches and rule cues, in text order.</summary>
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];

    /// <summary>
    /// Sets the evidence to records <c>[start, start + count)</c> of a document's store (the
    /// extractor records every sentence's in one array), made into <see cref="Tagging.Evidence"/>
    /// objects only when first read.
    /// </summary>
    internal void SetEvidence(EvidenceStore store, int start, int count) =>
        Evidence = count == 0 ? [] : new EvidenceList(store, start, count);

    /// <summary>How many evidence records the extractor found, before <see cref="SetEvidence"/> gives them.</summary>
    internal int EvidenceCount { get; set; }

    /// <summary>The matched lexicon entries (lexicon, and a key that identifies the entry by its category and pattern, not its position), for features.</summary>
    internal ReadOnlySpan<(int Lexicon, int EntryKey)> Entries => _entries.AsSpan(_entriesStart, _entriesCount);

    // The entries are a slice of one array shared by the sentences of a document (ExtractAll), so
    // that a document allocates one array of them rather than one per sentence.
    private (int Lexicon, int EntryKey)[] _entries = [];
    private int _entriesStart;
    private int _entriesCount;

    /// <summary>Where the entries will be in the array <see cref="SetEntries"/> gives.</summary>
    internal void SetEntrySlice(int start, int count)
    {
        _entriesStart = start;
        _entriesCount = count;
    }

    /// <summary>Sets the array of which <see cref="Entries"/> is a slice.</summary>
    internal void SetEntries((int Lexicon, int EntryKey)[] all) => _entries = all;

    /// <summary>
    /// Makes the object as new, for another sentence: an analysis reuses its cues objects, which
    /// never leave it (a test checks that every field is cleared here).
    /// </summary>
    /// <returns>This object.</returns>
    internal SentenceCues Reset()
    {
        Freedom = 0;
        EconomicSocial = 0;
        GeneralRights = 0;
        Instrument = 0;
        Pro = 0;
        Anti = 0;
        Negated = 0;
        Negation = 0;
        Attribution = 0;
        Endorsement = 0;
        Condition = 0;
        Hedge = 0;
        FirstPerson = 0;
        Normative = 0;
        Pressure = 0;
        Engagement = 0;
        Positive = 0;
        Negative = 0;
        Question = false;
        Rhetorical = false;
        Quotation = false;
        InRelease = false;
        ReleaseMark = false;
        Evidence = [];
        EvidenceCount = 0;
        _entries = [];
        _entriesStart = 0;
        _entriesCount = 0;
        return this;
    }
}

/// <summary>Finds the cues of sentences with a <see cref="LexiconSet"/> and the rules of docs/tagging.md. Thread-safe.</summary>
public sealed class CueExtractor
{
    private const int NegationBefore = 4;
    private static readonly SearchValues<char> QuotationMarks = SearchValues.Create("\"\u201C\u201D");
    private const int NegationAfter = 8;
    // The reach after a wording that opens the sentence as its gerund subject ("Tying human
    // rights to the nuclear talks would be a mistake"), when the negation is in the predicate.
    private const int SubjectAfter = 16;

    // Finite verbs and auxiliaries that begin a predicate after a gerund subject.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PredicateVerbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "is", "are", "was", "were", "would", "will", "could", "can", "may", "might", "should", "must",
        "has", "have", "had", "does", "do", "did", "remains", "remained", "seems", "seemed",
        "proved", "proves", "risks", "amounts", "makes", "made").GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that open a clause inside a subject ("tying aid to reforms that never come"): a
    // negation after one belongs to that clause, not to the predicate.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Subordinators = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if", "unless",
        "although", "though", "whether", "since", "until", "as").GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly LexiconSet _lexicons;
    private readonly EvidenceNames _names;
    // Category → role (its position in LexiconSet.RequiredCategories, then OptionalCategories), or -1.
    private readonly int[] _rightsRoles;
    private readonly int[] _linkageRoles;
    private readonly int[] _cueRoles;
    // Per entry, in the combined numbering of the evidence names: a key made from its category
    // and pattern, so that an entry's feature does not move when entries are added before it.
    private readonly int[] _entryKeys;
    // The most tokens one match spans: the rules that look for matches around a position read
    // only the matches that can reach it, so a very long sentence costs in proportion to its
    // length, not to its length squared.
    private readonly int _maxTokens;

    /// <summary>Creates an extractor over a lexicon set.</summary>
    /// <param name="lexicons">The lexicons.</param>
    public CueExtractor(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
        _names = new EvidenceNames(lexicons);
        _rightsRoles = Roles(lexicons.RightsLexicon, [.. LexiconSet.RequiredCategories["rights"], .. LexiconSet.OptionalCategories["rights"]]);
        _linkageRoles = Roles(lexicons.LinkageLexicon, [.. LexiconSet.RequiredCategories["linkage"], .. LexiconSet.OptionalCategories["linkage"]]);
        _cueRoles = Roles(lexicons.CuesLexicon, [.. LexiconSet.RequiredCategories["cues"], .. LexiconSet.OptionalCategories["cues"]]);
        _entryKeys = [.. Enumerable.Range(0, _names.EntryCount).Select(e => EntryKey(_names[e].Category, _names[e].Entry))];
        _maxTokens = Math.Max(1, lexicons.Combined.MaxTokens);
    }

    /// <summary>An entry's key for the features: the hash of its category's name and its normalized pattern.</summary>
    internal static int EntryKey(string category, string pattern) =>
        (int)WordHashes.Fnv(category + "\u001F" + TextNormalizer.Normalize(pattern));

    /// <summary>For each category of a lexicon, the position of its name in <paramref name="names"/> (its role), or -1.</summary>
    private static int[] Roles(Lexicon lexicon, string[] names) =>
        lexicon.Categories.Select(c => Array.IndexOf(names, c)).ToArray();

    /// <summary>The lexicons.</summary>
    public LexiconSet Lexicons => _lexicons;

    /// <summary>The cues of one sentence of a document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <returns>The cues and their evidence.</returns>
    /// <exception cref="ArgumentException">The sentence is not one of the document's: its tokens or characters lie outside it.</exception>
    public SentenceCues Extract(TextDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (sentence.FirstToken < 0 || sentence.TokenCount < 0 || sentence.FirstToken + sentence.TokenCount > document.Tokens.Length
            || sentence.Start < 0 || sentence.End > document.Text.Length || sentence.Start > sentence.End)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The sentence is not one of this document's: it spans characters {sentence.Start} to {sentence.End} and tokens {sentence.FirstToken} to {sentence.FirstToken + sentence.TokenCount}; the document has {document.Text.Length} characters and {document.Tokens.Length} tokens."), nameof(sentence));
        }
        var scratch = new Scratch();
        var cues = Extract(document, document.NormalizedText, sentence, scratch, issuer: IssuerVoice.Find(document, document.NormalizedText));
        cues.SetEntries([.. scratch.Entries]);
        cues.SetEvidence(new EvidenceStore(document.Text, _names, [.. scratch.Evidence]), 0, scratch.Evidence.Count);
        return cues;
    }

    // The lists of ExtractAll, reused across documents: one set per thread, since an extractor
    // serves several threads at once. Everything kept from them is copied out per sentence.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Lists reused across the sentences of a document.</summary>
    internal sealed class Scratch
    {
        public List<LexiconMatch> All { get; } = [];

        public List<int> Negations { get; } = [];

        /// <summary>Per negation of the sentence, whether it is recorded as evidence yet.</summary>
        public List<bool> NegationRecorded { get; } = [];

        /// <summary>The evidence of a document's sentences, sentence after sentence.</summary>
        public List<EvidenceRecord> Evidence { get; } = [];

        public List<(int Lexicon, int EntryKey)> Entries { get; } = [];

        /// <summary>The cues objects of <see cref="ExtractAll(TextDocument, ReadOnlySpan{char}, ReadOnlySpan{uint}, bool)"/>'s transient results, reused from document to document.</summary>
        public List<SentenceCues> Cues { get; } = [];

        /// <summary>The entries of the transient results, copied here rather than into a new array.</summary>
        public (int Lexicon, int EntryKey)[] EntryArray { get; set; } = [];
    }

    /// <summary>The cues of every sentence of a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>One entry per sentence.</returns>
    public SentenceCues[] ExtractAll(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hashes = ArrayPool<uint>.Shared.Rent(document.Tokens.Length);
        var normalized = document.NormalizedSpan();
        WordHashes.Compute(normalized, document.Tokens, hashes, document.HoldsRespelled);
        var cues = ExtractAll(document, normalized, hashes.AsSpan(0, document.Tokens.Length));
        ArrayPool<uint>.Shared.Return(hashes);
        return cues;
    }

    // Past these sizes, a thread's transient cues and entries are not kept for the next document.
    private const int MaxPooledCues = 1 << 16;
    private const int MaxPooledEntries = 1 << 20;

    /// <summary>
    /// <see cref="ExtractAll(TextDocument)"/> with the document's normalized text at hand
    /// (<see cref="TextDocument.NormalizedSpan"/>) and the <see cref="WordHashes.Fnv"/> of each
    /// of its tokens already computed. <paramref name="transient"/> results are for the caller's
    /// use before it extracts again on the same thread (an analysis, which keeps only their
    /// evidence): their cues objects and entries are reused, not allocated, per document.
    /// </summary>
    internal SentenceCues[] ExtractAll(TextDocument document, ReadOnlySpan<char> normalized, ReadOnlySpan<uint> tokenHashes, bool transient = false)
    {
        var scratch = t_scratch ??= new Scratch();
        var cues = new SentenceCues[document.Sentences.Length];
        var entries = scratch.Entries;
        entries.Clear();
        scratch.Evidence.Clear();
        var pool = scratch.Cues;
        // The matcher's work space, set up once for all the sentences; and whether the text holds
        // a soft hyphen, a joiner or a ligature, which the matcher must respell (found while normalizing).
        Span<int> work = stackalloc int[3 * _lexicons.Combined.WorkLength];
        work[_lexicons.Combined.WorkLength..].Fill(-1);
        bool respelled = document.HoldsRespelled;
        // A press release's issuer: almost always none, found with one search of the text.
        var issuer = IssuerVoice.Find(document, normalized);
        for (int i = 0; i < cues.Length; i++)
        {
            SentenceCues? reuse = null;
            if (transient)
            {
                if (i == pool.Count)
                {
                    pool.Add(new SentenceCues());
                }

                reuse = pool[i].Reset();
            }

            var sentence = document.Sentences[i];
            cues[i] = Extract(document, normalized, sentence, scratch, tokenHashes.Slice(sentence.FirstToken, sentence.TokenCount), reuse, work, respelled, issuer);
        }

        if (pool.Count > MaxPooledCues)
        {
            pool.Clear();
        }

        // Likewise the evidence records: one array and one store for the document, each
        // sentence's evidence a slice of it.
        if (scratch.Evidence.Count > 0)
        {
            var store = new EvidenceStore(document.Text, _names, [.. scratch.Evidence]);
            int start = 0;
            foreach (var c in cues)
            {
                int count = c.EvidenceCount;
                c.SetEvidence(store, start, count);
                start += count;
            }
        }

        // Every sentence's entries went to the one list, in order: one array for the document.
        if (entries.Count > 0)
        {
            var all = transient ? Transient(scratch, entries) : entries.ToArray();
            foreach (var c in cues)
            {
                c.SetEntries(all);
            }
        }

        return cues;
    }

    /// <summary>The entries copied into the thread's reused array.</summary>
    private static (int Lexicon, int EntryKey)[] Transient(Scratch scratch, List<(int Lexicon, int EntryKey)> entries)
    {
        var array = scratch.EntryArray;
        if (array.Length < entries.Count)
        {
            array = new (int, int)[(int)BitOperations.RoundUpToPowerOf2((uint)entries.Count)];
            scratch.EntryArray = entries.Count <= MaxPooledEntries ? array : [];
        }

        entries.CopyTo(array);
        return array;
    }

    /// <summary>The reporting words with which a release's issuer calls for something ("called on", "urged", "demanded").</summary>
    private static bool IsCall(ReadOnlySpan<char> normalized, Token token) =>
        token.GetWord(normalized) is "called" or "calls" or "call" or "urged" or "urges" or "urge" or "demanded" or "demands"
            or "asked" or "asks" or "appealed" or "appeals" or "pressed" or "presses";

    /// <summary>The cues of one sentence; its lexicon entries are appended to <c>scratch.Entries</c>, of which the caller makes the array it hands to <see cref="SentenceCues.SetEntries"/>. <paramref name="sentenceHashes"/> are read only with <paramref name="matchWork"/> (the matcher's work space, as <c>ExtractAll</c> prepares it); without it the matcher hashes the tokens itself.</summary>
    internal SentenceCues Extract(TextDocument document, ReadOnlySpan<char> normalized, Sentence sentence, Scratch scratch, ReadOnlySpan<uint> sentenceHashes = default, SentenceCues? into = null, Span<int> matchWork = default, bool mayHoldRespelled = true, IssuerVoice? issuer = null)
    {
        var cues = into ?? new SentenceCues();
        var tokens = sentence.GetTokens(document.Tokens);
        var text = document.Text;

        // One walk over the sentence for all three lexicons; the matches are then read three
        // times, once per lexicon (rights, cues, linkage: the linkage rules need the negations).
        var all = scratch.All;
        all.Clear();
        var evidence = scratch.Evidence;
        int firstEvidence = evidence.Count;
        int firstEntry = scratch.Entries.Count;
        var combined = _lexicons.Combined;
        // ExtractAll gives the token hashes and the matcher's work space, set up once per
        // document; a sentence extracted alone has both made by the matcher.
        if (matchWork.IsEmpty)
        {
            combined.Match(normalized, tokens, all);
        }
        else
        {
            combined.Match(normalized, tokens, sentenceHashes, all, matchWork, mayHoldRespelled);
        }

        var matches = CollectionsMarshal.AsSpan(all);
        int linkageBase = combined.CategoryOffsets[1];
        int cuesBase = combined.CategoryOffsets[2];
        int linkageEntries = combined.EntryOffsets[1];
        int cuesEntries = combined.EntryOffsets[2];
        bool ignores = HasIgnore(matches, linkageBase);
        foreach (var m in matches)
        {
            if (m.Category >= linkageBase)
            {
                continue;
            }

            int role = _rightsRoles[m.Category];
            if (role == IgnoreRole || (ignores && Ignored(matches, linkageBase, m)))
            {
                continue;
            }

            if (role == 0)
            {
                cues.Freedom++;
            }
            else if (role == 1)
            {
                cues.EconomicSocial++;
            }
            else if (role == 2)
            {
                cues.GeneralRights++;
            }

            Add(scratch, tokens, m, m.Entry, m.Entry, CueType.Rights);
        }

        // A question whose marker makes it rhetorical ("Does anyone still believe that sanctions
        // will free the prisoners?") asserts the opposite of what it asks: its evident answer is
        // no. Its stance wordings and evaluations are read reversed, like a negated statement,
        // and its reporting words after the marker are the author's ("Who would seriously argue
        // that ...?"); one before it reports the question ("The minister said, 'Why should ...?'").
        int questionMark = QuestionMark(text, tokens);
        cues.Question = questionMark >= 0;
        cues.InRelease = issuer is not null;
        cues.ReleaseMark = issuer is not null && issuer.OnMarkLine(sentence.Start, sentence.End);
        int rhetoricalAt = cues.Question ? Rhetorical(scratch, tokens, matches, cuesBase, cuesEntries) : -1;
        bool flip = rhetoricalAt >= 0;
        cues.Rhetorical = flip;
        bool issuerSpeaks = false;
        bool issuerCalls = false;
        bool reportsIssuer = false;
        var negations = scratch.Negations;
        negations.Clear();
        var recorded = scratch.NegationRecorded;
        recorded.Clear();
        foreach (var c in matches)
        {
            if (c.Category < cuesBase)
            {
                continue;
            }

            var m = c with { Category = c.Category - cuesBase, Entry = c.Entry - cuesEntries };
            switch (_cueRoles[m.Category])
            {
                case 0:
                    cues.Negation++;
                    negations.Add(m.FirstToken);
                    recorded.Add(false);
                    break;
                case 1:
                    // "We call for …", "I would argue …": the author's own words, not a report.
                    if ((flip && m.FirstToken > rhetoricalAt) || OwnVoice(normalized, tokens, matches, cuesBase, m.FirstToken))
                    {
                        break;
                    }

                    // A press release's issuer and its people speaking: the author ("…, the group said today").
                    if (issuer is not null && issuer.Speaks(text, normalized, tokens, m.FirstToken, m.TokenCount))
                    {
                        issuerSpeaks = true;
                        issuerCalls |= IsCall(normalized, tokens[m.FirstToken]);
                        break;
                    }

                    // "In a statement issued today, the group urged …": the clause says what the
                    // issuer spoke in, and the issuer speaking is the author.
                    if (issuer is not null && issuer.SpeaksAfterStatementClause(text, normalized, tokens, m.FirstToken))
                    {
                        issuerSpeaks = true;
                        break;
                    }

                    // "Governments should say so publicly": a reporting word after "should", "must",
                    // "ought to" or "need(s) to" says what ought to be said, and reports no one.
                    if (Prescribed(text, normalized, tokens, m.FirstToken) || LetSpeak(text, normalized, tokens, m.FirstToken))
                    {
                        break;
                    }

                    cues.Attribution++;
                    // "The minister said the group called for …": someone else reports the issuer.
                    reportsIssuer |= issuer is not null && issuer.NameFollows(normalized, tokens, m.FirstToken + m.TokenCount);
                    Add(scratch, tokens, m, c.Entry, c.Entry, CueType.Attribution);
                    break;
                case 2:
                    cues.Endorsement++;
                    Add(scratch, tokens, m, c.Entry, c.Entry, CueType.Attribution);
                    break;
                case 3:
                    cues.Condition++;
                    Add(scratch, tokens, m, c.Entry, c.Entry, CueType.Condition);
                    break;
                case 4:
                    cues.Hedge++;
                    break;
                case 5:
                    cues.FirstPerson++;
                    break;
                case 6:
                    cues.Normative++;
                    break;
                case 9:
                    // A directive ("Keep targeted sanctions on ...") is normative wording when
                    // its verb opens the sentence.
                    cues.Normative += m.FirstToken == OpeningWord(text, tokens) ? 1 : 0;
                    break;
            }
        }

        // Linkage terms and evaluations, once every negation is known: a negation in scope
        // reverses a pro or anti wording and a positive or negative evaluation.
        int writtenPro = 0;
        int writtenAnti = 0;
        var reading = new Reading(matches, linkageBase, cuesBase, evidence, text, tokens, negations, recorded, flip);
        foreach (var c in matches)
        {
            if (c.Category < linkageBase)
            {
                continue;
            }

            if (c.Category >= cuesBase)
            {
                int evaluation = _cueRoles[c.Category - cuesBase];
                if (evaluation is not (7 or 8))
                {
                    continue;
                }

                var e = c with { Category = c.Category - cuesBase, Entry = c.Entry - cuesEntries };
                bool positive = (evaluation == 7) != (Reversed(in reading, e.FirstToken, e.TokenCount) != FlipsStance(in reading, e.FirstToken, e.TokenCount));
                if (positive)
                {
                    cues.Positive++;
                }
                else
                {
                    cues.Negative++;
                }

                // The evidence names the evaluation as read, after any negation.
                Add(scratch, tokens, e, c.Entry, _names.Of(c.Entry, positive ? "positive" : "negative"), CueType.Evaluation);
                continue;
            }

            var m = c with { Category = c.Category - linkageBase, Entry = c.Entry - linkageEntries };
            int role = _linkageRoles[m.Category];
            if (role == 5)
            {
                // A lament entry only changes how a negation reads its pro or anti match (below).
                continue;
            }

            if (role == 0)
            {
                cues.Instrument++;
            }
            else if (role is 3 or 4)
            {
                // An instrument inside a longer one of the other kind is that kind ("sanctions"
                // in "sanctions relief" is relief, not pressure); a stance wording that is also
                // an instrument and is negated calls for the other kind ("should not be tied").
                int kind = role;
                if (InsideLonger(in reading, m.FirstToken, m.TokenCount, 7 - role))
                {
                    kind = 0;
                }
                else if ((negations.Count > 0 || flip) && IsStanceSpan(in reading, m.FirstToken, m.TokenCount) && StanceReadReversed(in reading, m.FirstToken, m.TokenCount))
                {
                    kind = 7 - role;
                }

                cues.Pressure += kind == 3 ? 1 : 0;
                cues.Engagement += kind == 4 ? 1 : 0;
            }
            else if (role is 1 or 2)
            {
                // A wording that is itself the evaluation ("have failed") judges nothing else.
                if (!OverlapsEvaluation(matches, cuesBase, m.FirstToken, m.TokenCount))
                {
                    writtenPro += role == 1 ? 1 : 0;
                    writtenAnti += role == 2 ? 1 : 0;
                }

                bool reversed = StanceReadReversed(in reading, m.FirstToken, m.TokenCount);
                cues.Negated += reversed ? 1 : 0;
                if ((role == 1) != reversed)
                {
                    cues.Pro++;
                }
                else
                {
                    cues.Anti++;
                }
            }

            Add(scratch, tokens, m, c.Entry, c.Entry, CueType.Linkage);
        }

        // An evaluation in a sentence that names a link judges the link, not the instruments on
        // their own: in "tying sanctions relief to human rights has worked", "worked" praises the
        // tying (pressure), not the relief (engagement). So a linking wording as written (before
        // any negation, which the evaluation's own reading already takes into account) makes the
        // sentence's instruments count as the side it names: pressure for a pro wording ("tying",
        // "conditioned on"), engagement for an anti wording ("regardless of", "separate from").
        if (cues.Positive + cues.Negative > 0 && writtenPro != writtenAnti)
        {
            if (writtenPro > writtenAnti)
            {
                cues.Engagement = 0;
                cues.Pressure = Math.Max(cues.Pressure, 1);
            }
            else
            {
                cues.Pressure = 0;
                cues.Engagement = Math.Max(cues.Engagement, 1);
            }
        }

        if (cues.Question)
        {
            // The question mark itself, also when a closing quotation mark or bracket follows it.
            var mark = tokens[questionMark];
            evidence.Add(new EvidenceRecord(mark.Start, mark.End, _names.Question, CueType.Question));
        }

        // Most sentences hold no quotation mark at all: one vectorized search of their text rules
        // that out before the tokens are looked at one by one.
        bool quotes = tokens.Length > 0 && text.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start).ContainsAny(QuotationMarks);
        foreach (var t in quotes ? tokens : [])
        {
            if (t.Kind == TokenKind.Punctuation && text[t.Start] is '"' or '\u201C' or '\u201D')
            {
                cues.Quotation = true;
                break;
            }
        }

        // "The group called on …", "The institute asked …": calls that are not reporting words in
        // the cue lexicon.
        for (int k = 0; issuer is not null && !issuerCalls && k < tokens.Length; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && IsCall(normalized, tokens[k]) && issuer.Speaks(text, normalized, tokens, k, 1, nameAfter: false))
            {
                issuerSpeaks = issuerCalls = true;
            }
        }

        // The issuer of a press release speaking in the third person is its author speaking in
        // the first ("The group called on donors to …" is "We call on donors to …"), and its own
        // people's words in quotation marks are the author's, not a report; not when someone else
        // reports what the issuer says ("The minister said the group called for …").
        if (issuerSpeaks && !reportsIssuer)
        {
            cues.FirstPerson++;
            cues.Normative += issuerCalls ? 1 : 0;
            cues.Quotation = false;
        }

        // A total order, so that evidence comes out the same way every time. The sentence's
        // records stay in the document's list; ExtractAll hands each sentence its slice.
        _names.Sort(CollectionsMarshal.AsSpan(evidence)[firstEvidence..]);
        cues.EvidenceCount = evidence.Count - firstEvidence;
        cues.SetEntrySlice(firstEntry, scratch.Entries.Count - firstEntry);
        return cues;
    }

    /// <summary>The first token of the sentence's first match of the cues lexicon's optional <c>rhetorical</c> category (role 10), recorded as evidence (cue <c>question</c>); -1 when there is none.</summary>
    private int Rhetorical(Scratch scratch, ReadOnlySpan<Token> tokens, ReadOnlySpan<LexiconMatch> matches, int cuesBase, int cuesEntries)
    {
        foreach (var c in matches)
        {
            if (c.Category >= cuesBase && _cueRoles[c.Category - cuesBase] == 10)
            {
                Add(scratch, tokens, c with { Category = c.Category - cuesBase, Entry = c.Entry - cuesEntries }, c.Entry, c.Entry, CueType.Question);
                return c.FirstToken;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a rhetorical question (<c>r.Rhetorical</c>) reverses the stance wording or
    /// evaluation at <paramref name="first"/>: every one but a lament (or an evaluation on a
    /// lament's words), which keeps its reading as under a normative negation ("Why should human
    /// rights be sacrificed for a deal?" argues that they should not be, the pro side's fear).
    /// </summary>
    private bool FlipsStance(scoped in Reading r, int first, int count) =>
        r.Rhetorical && !HasRole(in r, first, count, 5);

    /// <summary>
    /// Whether the pro or anti wording at <paramref name="first"/> is read reversed: by a negation
    /// in scope (<see cref="StanceReversed"/>, which records the negation) or by a rhetorical
    /// question (<see cref="FlipsStance"/>), but not by both, which cancel out.
    /// </summary>
    private bool StanceReadReversed(scoped in Reading r, int first, int count) =>
        StanceReversed(in r, first, count) != FlipsStance(in r, first, count);

    /// <summary>What the linkage and evaluation rules of one sentence read: its matches (numbered across the three lexicons), its evidence so far, its tokens and negations, and whether it is a rhetorical question.</summary>
    private readonly ref struct Reading(ReadOnlySpan<LexiconMatch> matches, int linkageBase, int cuesBase, List<EvidenceRecord> evidence, string text, ReadOnlySpan<Token> tokens, List<int> negations, List<bool> recorded, bool rhetorical)
    {
        public readonly ReadOnlySpan<LexiconMatch> Matches = matches;
        public readonly int LinkageBase = linkageBase;
        public readonly int CuesBase = cuesBase;
        public readonly List<EvidenceRecord> Evidence = evidence;
        public readonly string Text = text;
        public readonly ReadOnlySpan<Token> Tokens = tokens;
        public readonly List<int> Negations = negations;
        public readonly List<bool> Recorded = recorded;
        public readonly bool Rhetorical = rhetorical;
    }

    /// <summary>The index of the question mark that ends the sentence: its last token, or the one before a closing quotation mark or bracket; -1 when it does not end with one.</summary>
    private static int QuestionMark(string text, ReadOnlySpan<Token> tokens) =>
        tokens.Length == 0 ? -1
        : text[tokens[^1].Start] == '?' ? tokens.Length - 1
        : tokens.Length > 1 && text[tokens[^1].Start] is '"' or '\u201D' or ')' && text[tokens[^2].Start] == '?' ? tokens.Length - 2
        : -1;

    // The role of the rights lexicon's optional "ignore" category: wording that holds a rights
    // word but is no rights content ("press release", "released a report").
    private static readonly int IgnoreRole = LexiconSet.RequiredCategories["rights"].Count + LexiconSet.OptionalCategories["rights"].ToList().IndexOf("ignore");

    /// <summary>Whether any of the rights matches (those below <paramref name="linkageBase"/>) is of the "ignore" category.</summary>
    private bool HasIgnore(ReadOnlySpan<LexiconMatch> matches, int linkageBase)
    {
        foreach (var m in matches)
        {
            if (m.Category < linkageBase && _rightsRoles[m.Category] == IgnoreRole)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether rights match <paramref name="m"/> is shorter than an "ignore" match and lies within it ("release" within "press release"; "water cannon" of another section within "water cannon" stays).</summary>
    private bool Ignored(ReadOnlySpan<LexiconMatch> matches, int linkageBase, LexiconMatch m)
    {
        foreach (var i in matches[StartingAt(matches, m.FirstToken + m.TokenCount - _maxTokens)..])
        {
            if (i.FirstToken > m.FirstToken)
            {
                break;
            }

            if (i.Category < linkageBase && _rightsRoles[i.Category] == IgnoreRole
                && m.TokenCount < i.TokenCount && i.FirstToken <= m.FirstToken && m.FirstToken + m.TokenCount <= i.FirstToken + i.TokenCount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of a sentence's first word, after any list marker or opening punctuation ("- ", "•", "1.", "(a)"); -1 when it has none.</summary>
    private static int OpeningWord(string text, ReadOnlySpan<Token> tokens)
    {
        for (int k = 0; k < tokens.Length; k++)
        {
            var kind = tokens[k].Kind;
            if (kind is TokenKind.Punctuation or TokenKind.Number or TokenKind.Symbol)
            {
                continue;
            }

            // A letter that marks a list item: "(a) Keep …", "b) Lift …".
            if (kind == TokenKind.Word && tokens[k].Length == 1 && k + 1 < tokens.Length && text[tokens[k + 1].Start] == ')')
            {
                continue;
            }

            return k;
        }

        return -1;
    }

    /// <summary>
    /// Whether the reporting word at token <paramref name="at"/> has the author for its subject:
    /// a first-person "I" or "we" (a first-person cue) before it with at most two words between
    /// them and no punctuation ("we therefore call for", "I would not argue", "as we said"), or a
    /// first-person cue of several words that opens with "this" and names the text itself ("this
    /// report recommends", "this newspaper has long argued").
    /// </summary>
    private bool OwnVoice(ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, ReadOnlySpan<LexiconMatch> matches, int cuesBase, int at)
    {
        for (int k = at - 1; k >= 0 && k >= at - 3; k--)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word)
            {
                return false;
            }

            var word = t.GetWord(normalized);
            if (word is "i" or "we")
            {
                foreach (var c in matches[StartingAt(matches, k)..])
                {
                    if (c.FirstToken > k)
                    {
                        break;
                    }

                    if (c.FirstToken == k && c.TokenCount == 1 && c.Category >= cuesBase && _cueRoles[c.Category - cuesBase] == 5)
                    {
                        return true;
                    }
                }

                return false;
            }

            // "This report", "this paper", "this newspaper": the text speaking for its authors.
            if (k > 0)
            {
                foreach (var c in matches[StartingAt(matches, k - _maxTokens + 1)..])
                {
                    if (c.FirstToken > k)
                    {
                        break;
                    }

                    if (c.TokenCount > 1 && c.FirstToken + c.TokenCount - 1 == k && c.Category >= cuesBase && _cueRoles[c.Category - cuesBase] == 5 && tokens[c.FirstToken].GetWord(normalized) is "this")
                    {
                        // The subject, not an object: "readers of this column have argued" report.
                        return c.FirstToken == 0 || tokens[c.FirstToken - 1].GetWord(normalized) is not ("of" or "in" or "by" or "about" or "to" or "with" or "from" or "for" or "on" or "at" or "into" or "through");
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the reporting word at token <paramref name="at"/> follows "should", "must", "ought
    /// to" or "need(s) to", with at most one adverb between ("should say plainly", "must also
    /// insist", "should publicly say"): what the author says ought to be said, not a report. An
    /// adverb is "also", "not", "now", "then" or a lower-case word ending in "-ly" (not "Italy").
    /// </summary>
    private static bool Prescribed(string text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int at)
    {
        int k = at - 1;
        if (k >= 0 && tokens[k].Kind == TokenKind.Word && tokens[k].GetWord(normalized) is var adverb
            && ((adverb.EndsWith("ly") && char.IsLower(text[tokens[k].Start])) || adverb is "also" or "not" or "n't" or "now" or "then"))
        {
            k--;
        }

        if (k < 0 || tokens[k].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = tokens[k].GetWord(normalized);
        if (word is "should" or "must")
        {
            return true;
        }

        // "ought to say", "needs to insist" (not "those in need said").
        return word is "to" && k > 0 && tokens[k - 1].GetWord(normalized) is "ought" or "need" or "needs";
    }

    /// <summary>
    /// Whether the reporting word at <paramref name="at"/> is the verb of a sentence that opens
    /// with "Let" and at most four words naming who ("Let the diplomats argue about
    /// centrifuges.", "Let them say so."): the author's call, as after "should", not a report.
    /// </summary>
    private static bool LetSpeak(string text, ReadOnlySpan<char> normalized, ReadOnlySpan<Token> tokens, int at)
    {
        int open = OpeningWord(text, tokens);
        if (open < 0 || at - open < 2 || at - open > 5 || tokens[open].GetWord(normalized) is not "let")
        {
            return false;
        }

        for (int k = open + 1; k < at; k++)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an evaluation cue among <paramref name="matches"/> shares a token with the <paramref name="length"/> tokens at <paramref name="at"/>.</summary>
    private bool OverlapsEvaluation(ReadOnlySpan<LexiconMatch> matches, int cuesBase, int at, int length)
    {
        foreach (var c in matches[StartingAt(matches, at - _maxTokens + 1)..])
        {
            if (c.FirstToken >= at + length)
            {
                break;
            }

            if (c.Category >= cuesBase && _cueRoles[c.Category - cuesBase] is 7 or 8 && c.FirstToken < at + length && at < c.FirstToken + c.TokenCount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The index in <paramref name="negations"/> (their tokens, in text order) of the first negation whose scope covers position <paramref name="at"/>, or -1: up to four tokens
    /// before it ("should not be linked") or eight after it ("tying them is not the right
    /// approach"), within the same clause (no comma, semicolon, colon or "but" between); sixteen
    /// after a gerund that opens the sentence when the negation is in its predicate ("Tying human
    /// rights to the nuclear talks would be a mistake": a finite verb or auxiliary between them,
    /// with no subordinator such as "that" or "which" before it).
    /// </summary>
    private static int NegationInScope(string text, ReadOnlySpan<Token> tokens, List<int> negations, int at, int length)
    {
        // The negations are in text order: only those from NegationBefore tokens before the cue
        // to NegationAfter (SubjectAfter for a gerund subject) after its start can reach it.
        var all = CollectionsMarshal.AsSpan(negations);
        int after = GerundSubject(text, tokens, at) ? SubjectAfter : NegationAfter;
        for (int j = LowerBound(all, at - NegationBefore); j < all.Length && all[j] <= at + after; j++)
        {
            int n = all[j];
            // A negation among the cue's own words does not reverse it: "wrong" and "mistake" are
            // negations and negative evaluations, "has not worked" and "no strings attached" are
            // stance wordings that contain one; each is read as written.
            if (n >= at && n < at + length)
            {
                continue;
            }

            int from = Math.Min(n, at);
            int to = Math.Max(n, at);
            if ((n < at && at - n > NegationBefore) || (n > at && n - at > after) ||
                (n > at && n - at > NegationAfter && !InPredicate(text, tokens, at + length, n)))
            {
                continue;
            }

            if (SameClause(text, tokens, from, to))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Whether no comma, semicolon, colon, dash or "but" stands between tokens <paramref name="from"/> and <paramref name="to"/> (both excluded).</summary>
    private static bool SameClause(string text, ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (int k = from + 1; k < to; k++)
        {
            var t = tokens[k];
            if ((t.Kind == TokenKind.Punctuation && text[t.Start] is ',' or ';' or ':' or '\u2014') ||
                (t.Length == 3 && text.AsSpan(t.Start, 3).Equals("but", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the token at <paramref name="at"/> is the sentence's opening word and a gerund (a word of five letters or more ending in "ing"): the subject of what follows ("Tying human rights to the talks would be a mistake").</summary>
    private static bool GerundSubject(string text, ReadOnlySpan<Token> tokens, int at)
    {
        if (at < 0 || at >= tokens.Length || tokens[at].Kind != TokenKind.Word || tokens[at].Length < 5)
        {
            return false;
        }

        var word = text.AsSpan(tokens[at].Start, tokens[at].Length);
        return word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && OpeningWord(text, tokens) == at;
    }

    /// <summary>Whether a finite verb or auxiliary stands in tokens <paramref name="from"/> to <paramref name="to"/> (exclusive) with no subordinator before it: the negation at <paramref name="to"/> is then in the main predicate, not in a clause of the subject.</summary>
    private static bool InPredicate(string text, ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = text.AsSpan(t.Start, t.Length);
            if (Subordinators.Contains(word))
            {
                return false;
            }

            if (PredicateVerbs.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first of <paramref name="sorted"/> (ascending) that is at least <paramref name="value"/>, or 0 for a short list.</summary>
    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        // A few are read from the start as fast as searched (the callers skip those before the value).
        if (sorted.Length <= 8)
        {
            return 0;
        }

        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first of <paramref name="matches"/> (in order of their first token) whose first token is at least <paramref name="token"/>, or 0 for a short list.</summary>
    private static int StartingAt(ReadOnlySpan<LexiconMatch> matches, int token)
    {
        // Most sentences have a few matches: read from the start (the callers skip those before the token).
        if (matches.Length <= 16)
        {
            return 0;
        }

        int lo = 0;
        int hi = matches.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (matches[mid].FirstToken < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Whether a negation's scope covers the cue of <paramref name="length"/> tokens at token
    /// <paramref name="at"/> (a negation among its own tokens does not count); if so, the
    /// negation is recorded as evidence, once however many cues it reverses.
    /// </summary>
    private bool Reversed(scoped in Reading r, int at, int length)
    {
        int j = NegationInScope(r.Text, r.Tokens, r.Negations, at, length);
        if (j < 0)
        {
            return false;
        }

        RecordNegation(in r, j);
        return true;
    }

    /// <summary>Records the sentence's negation <paramref name="j"/> (an index into its negations) as evidence, unless it is recorded already.</summary>
    private void RecordNegation(scoped in Reading r, int j)
    {
        if (r.Recorded[j])
        {
            return;
        }

        r.Recorded[j] = true;
        var negation = r.Tokens[r.Negations[j]];
        r.Evidence.Add(new EvidenceRecord(negation.Start, negation.End, _names.Negation, CueType.Negation));
    }

    /// <summary>
    /// Whether a negation reverses the pro or anti wording at <paramref name="first"/>
    /// (as <see cref="Reversed"/> reads it, recording the negation), except that a wording also listed as a <c>lament</c> (what one
    /// side fears: "sacrificed", "rewarded", "held hostage") keeps its side under a normative
    /// negation: "human rights must not be sacrificed" argues what "human rights are being
    /// sacrificed" complains of, where "human rights were not sacrificed" reverses it.
    /// </summary>
    private bool StanceReversed(scoped in Reading r, int first, int count)
    {
        // Most sentences have no negation at all, and most negations are in no cue's scope.
        if (r.Negations.Count == 0)
        {
            return false;
        }

        int j = NegationInScope(r.Text, r.Tokens, r.Negations, first, count);
        if (j < 0)
        {
            return false;
        }

        if (NormativeNegation(r.Text, r.Tokens, r.Negations[j], first) && HasRole(in r, first, count, 5))
        {
            return false;
        }

        RecordNegation(in r, j);
        return true;
    }

    /// <summary>
    /// Whether negation <paramref name="n"/> (a token index) stands before the wording at
    /// <paramref name="first"/> and is normative: "cannot", or a negation after a modal ("should
    /// not", "must never", "won't", "should be no") or an opening "do" ("Do not reward …").
    /// </summary>
    private static bool NormativeNegation(string text, ReadOnlySpan<Token> tokens, int n, int first)
    {
        if (n > first)
        {
            return false;
        }

        if (tokens[n].GetWord(text).Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int k = n - 1;
        if (k >= 0 && tokens[k].GetWord(text).Equals("be", StringComparison.OrdinalIgnoreCase))
        {
            k--;
        }

        if (k < 0)
        {
            return false;
        }

        var before = tokens[k].GetWord(text);
        foreach (var modal in NegatedModals)
        {
            if (before.Equals(modal, StringComparison.OrdinalIgnoreCase))
            {
                // "Do" opens the sentence past a list marker or an opening quotation mark, as a
                // directive's verb does ("- Do not sacrifice …", "1. Do not …", "“Do not …").
                return modal != "do" || k == OpeningWord(text, tokens);
            }
        }

        return false;
    }

    /// <summary>The words before a negation that make it normative ("wo" and "ca" as in "won't" and "can't").</summary>
    private static readonly string[] NegatedModals = ["should", "must", "shall", "ought", "will", "wo", "can", "ca", "may", "do"];

    /// <summary>Whether a linkage match of role <paramref name="role"/> covers exactly the span at <paramref name="first"/> (the matches come in order of their first token).</summary>
    private bool HasRole(scoped in Reading r, int first, int count, int role)
    {
        foreach (var o in r.Matches[StartingAt(r.Matches, first)..])
        {
            if (o.FirstToken > first)
            {
                break;
            }

            if (o.Category >= r.LinkageBase && o.Category < r.CuesBase && o.FirstToken == first && o.TokenCount == count && _linkageRoles[o.Category - r.LinkageBase] == role)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the span at <paramref name="first"/> is also a pro or anti wording.</summary>
    private bool IsStanceSpan(scoped in Reading r, int first, int count) =>
        HasRole(in r, first, count, 1) || HasRole(in r, first, count, 2);

    /// <summary>Whether a longer linkage match of role <paramref name="role"/> holds the span at <paramref name="first"/> (the matches come in order of their first token).</summary>
    private bool InsideLonger(scoped in Reading r, int first, int count, int role)
    {
        foreach (var o in r.Matches[StartingAt(r.Matches, first + count - _maxTokens)..])
        {
            if (o.FirstToken > first)
            {
                break;
            }

            if (o.Category >= r.LinkageBase && o.Category < r.CuesBase && o.TokenCount > count && o.FirstToken <= first && o.FirstToken + o.TokenCount >= first + count && _linkageRoles[o.Category - r.LinkageBase] == role)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records the evidence of match <paramref name="m"/>, whose entry is <paramref name="entry"/> in the combined numbering, under name <paramref name="name"/> (<see cref="EvidenceNames"/>), and its entry for the features.</summary>
    private void Add(Scratch scratch, ReadOnlySpan<Token> tokens, LexiconMatch m, int entry, int name, CueType type)
    {
        var first = tokens[m.FirstToken];
        var last = tokens[m.FirstToken + m.TokenCount - 1];
        scratch.Evidence.Add(new EvidenceRecord(first.Start, last.End, name, type));
        scratch.Entries.Add((LexiconIndex(type), _entryKeys[entry]));
    }

    /// <summary>The lexicon (0 rights, 1 linkage, 2 cues) a kind of lexicon evidence comes from.</summary>
    private static int LexiconIndex(CueType type) => type switch
    {
        CueType.Rights => 0,
        CueType.Linkage => 1,
        _ => 2,
    };
}
