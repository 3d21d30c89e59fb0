using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Models;

public class SentenceFeaturizerTests
{
    // Matches entries of all three lexicons (rights, linkage, cues), and no negation.
    private const string Sentence = "Critics said that linking aid to the release of political prisoners is the only way, until the camps close.";

    private static (List<KeyValuePair<int, float>> Features, SentenceCues Cues) Featurize(LexiconSet lexicons)
    {
        var document = TextDocument.Parse(Sentence);
        var cues = new CueExtractor(lexicons).ExtractAll(document);
        var features = new List<KeyValuePair<int, float>>();
        SentenceFeaturizer.Featurize(document, 0, cues, features);
        return (features, cues[0]);
    }

    private static string Shipped(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", name + ".lexicon"));

    /// <summary>The shipped lexicon with entries that match nothing at the top of every section, and a new empty category first.</summary>
    private static Lexicon Extended(string name)
    {
        var text = Shipped(name);
        var lexicon = Lexicon.Parse(text);
        foreach (var category in lexicon.Categories)
        {
            var header = "[" + category + "]\n";
            Assert.Contains(header, text, StringComparison.Ordinal);
            text = text.Replace(header, header + "zorblax treaty\nquuxing\nfrobnicat*\n", StringComparison.Ordinal);
        }

        int first = text.IndexOf("\n[", StringComparison.Ordinal) + 1;
        return Lexicon.Parse(text.Insert(first, "[zzextra]\nwibblewobble\n"));
    }

    [Fact]
    public void The_sentence_matches_entries_of_every_lexicon()
    {
        var (_, cues) = Featurize(LexiconSet.Default);
        Assert.Equal([0, 1, 2], cues.Entries.ToArray().Select(e => e.Lexicon).Distinct().Order());
    }

    [Fact]
    public void Entries_and_categories_added_to_the_lexicons_leave_the_features_in_place()
    {
        var extended = new LexiconSet(Extended("rights"), Extended("linkage"), Extended("cues"));
        Assert.NotEqual(LexiconSet.Default.Linkage.Lexicon.Entries.Count, extended.Linkage.Lexicon.Entries.Count);
        Assert.Equal(Featurize(LexiconSet.Default).Features, Featurize(extended).Features);
    }

    [Fact]
    public void Each_matched_entry_is_keyed_by_its_category_and_pattern()
    {
        // Every entry the features hash is the one the evidence names (in a sentence without
        // negation, the evidence and the entries are recorded together, one for one).
        var (_, cues) = Featurize(LexiconSet.Default);
        var expected = cues.Evidence.Select(e => CueExtractor.EntryKey(e.Category, e.Entry)).Order();
        Assert.Equal(expected, cues.Entries.ToArray().Select(e => e.EntryKey).Order());
    }

    [Fact]
    public void Another_pattern_for_a_matched_entry_changes_its_feature_but_not_the_counts()
    {
        // "linking" (the first, in [instrument]) becomes "linkin*": it still matches, in the same
        // category, so only the hashed entry feature can change.
        var text = Shipped("linkage");
        int at = text.IndexOf("\nlinking\n", StringComparison.Ordinal);
        Assert.True(at > 0);
        var changed = LexiconSet.Default.With(Lexicon.Parse(text.Remove(at, "\nlinking\n".Length).Insert(at, "\nlinkin*\n")));

        var (before, beforeCues) = Featurize(LexiconSet.Default);
        var (after, afterCues) = Featurize(changed);
        Assert.Equal(beforeCues.Instrument, afterCues.Instrument);
        Assert.Equal(before.Where(f => f.Key < 128), after.Where(f => f.Key < 128));
        Assert.NotEqual(before, after);
    }
}
