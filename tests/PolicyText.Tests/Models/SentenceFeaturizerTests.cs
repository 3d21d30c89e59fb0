using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Models;

public class SentenceFeaturizerTests
{
    private const string Sentence = "Linking human rights to sanctions relief is not the right approach, the envoy said.";

    private static List<KeyValuePair<int, float>> Features(LexiconSet lexicons)
    {
        var document = TextDocument.Parse(Sentence);
        var cues = new CueExtractor(lexicons).ExtractAll(document);
        var features = new List<KeyValuePair<int, float>>();
        SentenceFeaturizer.Featurize(document, 0, cues, features);
        return features;
    }

    private static string ShippedLinkage() =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PolicyText", "Lexicons", "Resources", "linkage.lexicon"));

    [Fact]
    public void Entries_added_to_a_lexicon_leave_the_features_of_the_others_in_place()
    {
        // New entries at the top of every section that the sentence does not match: every
        // matched entry now sits at another position in the lexicon.
        var text = ShippedLinkage();
        foreach (var section in new[] { "[instrument]", "[pro]", "[anti]", "[pressure]", "[engagement]" })
        {
            Assert.Contains(section + "\n", text, StringComparison.Ordinal);
            text = text.Replace(section + "\n", section + "\nzorblax treaty\nquuxing\nfrobnicat*\n", StringComparison.Ordinal);
        }

        var extended = LexiconSet.Default.With(Lexicon.Parse(text));
        Assert.NotEqual(LexiconSet.Default.Linkage.Lexicon.Entries.Count, extended.Linkage.Lexicon.Entries.Count);

        var before = Features(LexiconSet.Default);
        Assert.Contains(before, f => f.Key >= 128);
        Assert.Equal(before, Features(extended));
    }

    [Fact]
    public void An_entry_that_matches_changes_the_features()
    {
        var text = ShippedLinkage().Replace("[pro]\n", "[pro]\nenvoy\n", StringComparison.Ordinal);
        Assert.NotEqual(Features(LexiconSet.Default), Features(LexiconSet.Default.With(Lexicon.Parse(text))));
    }
}
